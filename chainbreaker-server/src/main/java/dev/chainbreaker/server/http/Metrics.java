package dev.chainbreaker.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Prometheus text exposition (format 0.0.4), hand-written: a handful of counters and one latency
 * histogram need no metrics library. Counters are {@link LongAdder}s, so recording never contends.
 */
public final class Metrics {
  /** Upper bounds of the latency buckets, in seconds: decisions are expected around 0.1–1 ms. */
  static final double[] BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> eventTypes = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();
  private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final LongAdder sumNanos = new LongAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void record(long nanos) {
      double s = nanos / 1e9;
      int i = 0;
      while (i < BUCKETS.length && s > BUCKETS[i]) {
        i++;
      }
      counts[i].increment();
      sumNanos.add(nanos);
    }
  }

  static final String UNMATCHED = "(unmatched)";

  public void request(String method, String route, int status, long nanos) {
    requests.computeIfAbsent(method + "|" + route + "|" + status, k -> new LongAdder()).increment();
    latency.computeIfAbsent(method + "|" + route, k -> new Histogram()).record(nanos);
  }

  /** A request no route matched (404) or whose method a route does not take (405); no latency is kept. */
  public void unmatched(String method, int status) {
    requests.computeIfAbsent(method + "|" + UNMATCHED + "|" + status, k -> new LongAdder()).increment();
  }

  public void decision(String outcome, String eventType) {
    decisions.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    eventTypes.computeIfAbsent(eventType, k -> new LongAdder()).increment();
  }

  public void retry() {
    retries.increment();
  }

  /** A message judged by the screening endpoint (FRAUD, SPAM, NORMAL): what a firewall team watches. */
  public void screened(String verdict) {
    verdicts.computeIfAbsent(verdict, k -> new LongAdder()).increment();
  }

  /** A value read at scrape time. */
  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  public String scrape() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("# HELP chainbreaker_http_requests_total HTTP requests by method, route and status.\n");
    sb.append("# TYPE chainbreaker_http_requests_total counter\n");
    new java.util.TreeMap<>(requests).forEach((k, v) -> {
      String[] p = k.split("\\|", 3);
      sb.append("chainbreaker_http_requests_total{method=\"").append(p[0]).append("\",route=\"").append(esc(p[1]))
          .append("\",status=\"").append(p[2]).append("\"} ").append(v.sum()).append('\n');
    });
    sb.append("# HELP chainbreaker_http_request_duration_seconds HTTP request latency by method and route.\n");
    sb.append("# TYPE chainbreaker_http_request_duration_seconds histogram\n");
    new java.util.TreeMap<>(latency).forEach((k, h) -> {
      String[] p = k.split("\\|", 2);
      String labels = "method=\"" + p[0] + "\",route=\"" + esc(p[1]) + "\"";
      long cumulative = 0;
      for (int i = 0; i < BUCKETS.length; i++) {
        cumulative += h.counts[i].sum();
        sb.append("chainbreaker_http_request_duration_seconds_bucket{").append(labels).append(",le=\"").append(BUCKETS[i]).append("\"} ")
            .append(cumulative).append('\n');
      }
      cumulative += h.counts[BUCKETS.length].sum();
      sb.append("chainbreaker_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ").append(cumulative).append('\n');
      sb.append("chainbreaker_http_request_duration_seconds_sum{").append(labels).append("} ").append(h.sumNanos.sum() / 1e9).append('\n');
      sb.append("chainbreaker_http_request_duration_seconds_count{").append(labels).append("} ").append(cumulative).append('\n');
    });
    sb.append("# HELP chainbreaker_decisions_total Decisions given to new events, by outcome.\n");
    sb.append("# TYPE chainbreaker_decisions_total counter\n");
    new java.util.TreeMap<>(decisions).forEach((k, v) ->
        sb.append("chainbreaker_decisions_total{decision=\"").append(k).append("\"} ").append(v.sum()).append('\n'));
    sb.append("# HELP chainbreaker_events_total New events accepted, by type.\n");
    sb.append("# TYPE chainbreaker_events_total counter\n");
    new java.util.TreeMap<>(eventTypes).forEach((k, v) ->
        sb.append("chainbreaker_events_total{type=\"").append(esc(k)).append("\"} ").append(v.sum()).append('\n'));
    sb.append("# HELP chainbreaker_event_retries_total Events that were retries of an event already decided.\n");
    sb.append("# TYPE chainbreaker_event_retries_total counter\n");
    sb.append("chainbreaker_event_retries_total ").append(retries.sum()).append('\n');
    sb.append("# HELP chainbreaker_screen_verdicts_total Messages judged by POST /v1/messages/screen, by verdict.\n");
    sb.append("# TYPE chainbreaker_screen_verdicts_total counter\n");
    new java.util.TreeMap<>(verdicts).forEach((k, v) ->
        sb.append("chainbreaker_screen_verdicts_total{verdict=\"").append(esc(k)).append("\"} ").append(v.sum()).append('\n'));
    new java.util.TreeMap<>(gauges).forEach((name, g) -> {
      sb.append("# TYPE ").append(name).append(" gauge\n");
      sb.append(name).append(' ').append(g.getAsLong()).append('\n');
    });
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
