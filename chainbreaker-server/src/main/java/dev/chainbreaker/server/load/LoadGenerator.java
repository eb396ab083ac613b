package dev.chainbreaker.server.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load generator for {@code POST /v1/events} (wrk2-style): each of N keep-alive
 * connections has its own fixed schedule (rate / N requests per second); request i is due at
 * {@code start + i * interval}, is sent then or as soon as the connection is free, and its latency
 * is measured from the due time, not the send time. A slow server therefore shows up as latency
 * instead of silently lowering the offered rate (no coordinated omission).
 *
 * <pre>
 * java -cp 'chainbreaker-server/target/classes:chainbreaker-server/target/lib/*' dev.chainbreaker.server.load.LoadGenerator \
 *   --url http://127.0.0.1:8080 --key KEY --rate 20000 --duration 30 --warmup 10 --connections 4 --batch 1 \
 *   [--series per-second.csv] [--events population.ndjson [--skip N]]
 * </pre>
 *
 * <p>Events come from {@link SyntheticEvents} (seeded), a stress mix in which every eighth event is a
 * SIM replacement or a call-forwarding change, or with {@code --events FILE [--skip N]} from a
 * simulated population's traffic ({@link EventFile}). Raw sockets keep the client's own cost small,
 * since it shares the machine with the server. {@code --series FILE} also writes the latency
 * of each measured second as CSV, with its wall-clock start, to line stalls up with the server's
 * GC and RocksDB logs.
 */
public final class LoadGenerator {
  record Options(URI url, String key, int rate, int durationS, int warmupS, int connections, int batch, int phones, long seed, Path series,
      Path events, long skip) {
    /** Synthetic events (no event file). */
    Options(URI url, String key, int rate, int durationS, int warmupS, int connections, int batch, int phones, long seed, Path series) {
      this(url, key, rate, durationS, warmupS, connections, batch, phones, seed, series, null, 0);
    }
  }

  /** Latencies are recorded in ns up to 10 minutes; a run that falls that far behind is saturated anyway. */
  static final long HIGHEST = 600_000_000_000L;

  private final Options o;
  private final AtomicLong lastCompletion = new AtomicLong();
  private final Histogram histogram = new Histogram(HIGHEST, 3);
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  /** The shared event file, or null for synthetic events. */
  private final EventFile file;
  /** Per measured second, by due time (only with {@code --series}). */
  private final Seconds perSecond;
  private volatile long measureFrom;
  private volatile long end;

  LoadGenerator(Options o) throws IOException {
    this.o = o;
    this.file = o.events() == null ? null : new EventFile(o.events(), o.skip());
    this.perSecond = o.series() == null ? null : new Seconds(o.durationS());
  }

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Result r = new LoadGenerator(o).run();
    System.out.println(r.json());
    System.err.println(r.human());
  }

  /** What one run measured. */
  public record Result(Options options, long requests, long events, long errors, double seconds, long p50, long p90, long p99, long p999, long max,
      Hiccups hiccups) {
    String json() {
      return String.format(Locale.ROOT,
          "{\"targetEventsPerSec\":%d,\"batch\":%d,\"connections\":%d,\"seconds\":%.1f,\"requests\":%d,\"events\":%d,\"eventsPerSec\":%.0f,"
              + "\"errors\":%d,\"p50us\":%d,\"p90us\":%d,\"p99us\":%d,\"p999us\":%d,\"maxUs\":%d,"
              + "\"hiccupP99us\":%d,\"hiccupMaxUs\":%d,\"hiccupsOver2ms\":%d}",
          options.rate * options.batch, options.batch, options.connections, seconds, requests, events, events / seconds, errors,
          p50 / 1000, p90 / 1000, p99 / 1000, p999 / 1000, max / 1000, hiccups.p99() / 1000, hiccups.max() / 1000, hiccups.over2ms());
    }

    String human() {
      return String.format(Locale.ROOT, "%d events/s offered (%d req/s x %d), achieved %.0f events/s over %.1f s; latency from intended send: "
              + "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms; errors %d%n"
              + "client hiccups (a thread that sleeps 1 ms, how late it woke): p99 %.3f ms, max %.3f ms, %d of %d over 2 ms",
          options.rate * options.batch, options.rate, options.batch, events / seconds, seconds, p50 / 1e6, p90 / 1e6, p99 / 1e6, p999 / 1e6, max / 1e6, errors,
          hiccups.p99() / 1e6, hiccups.max() / 1e6, hiccups.over2ms(), hiccups.count());
    }
  }

  /**
   * How late a thread that only sleeps 1 ms at a time woke up during the measured run (jHiccup's
   * idea): the machine's own stalls, which no server change can remove, set beside the requests'
   * latency. Measured in the client, on the same cores as the server.
   */
  public record Hiccups(long count, long p99, long max, long over2ms) {}

  /** Records the hiccups of the measured window until {@link #stop}. */
  static final class HiccupMeter implements Runnable {
    private final Histogram histogram = new Histogram(HIGHEST, 3);
    private final long from;
    private final long until;
    private volatile boolean stopped;

    HiccupMeter(long from, long until) {
      this.from = from;
      this.until = until;
    }

    @Override
    public void run() {
      while (!stopped) {
        long before = System.nanoTime();
        LockSupport.parkNanos(1_000_000L);
        long after = System.nanoTime();
        sample(before, after);
        if (after > until) {
          return;
        }
      }
    }

    /** One 1-ms sleep from {@code before} to {@code after}: kept when it lies inside the measured window. */
    void sample(long before, long after) {
      if (before >= from && after <= until) {
        synchronized (histogram) {
          histogram.recordValue(Math.min(HIGHEST, Math.max(0, after - before - 1_000_000L)));
        }
      }
    }

    void stop() {
      stopped = true;
    }

    Hiccups result() {
      synchronized (histogram) {
        long n = histogram.getTotalCount();
        return new Hiccups(n, n == 0 ? 0 : histogram.getValueAtPercentile(99), histogram.getMaxValue(),
            n == 0 ? 0 : histogram.getCountBetweenValues(2_000_001L, HIGHEST));
      }
    }
  }

  Result run() throws Exception {
    long start = System.nanoTime() + 200_000_000L;
    long startEpochMs = System.currentTimeMillis() + 200;
    measureFrom = start + o.warmupS() * 1_000_000_000L;
    end = measureFrom + o.durationS() * 1_000_000_000L;
    HiccupMeter hiccups = new HiccupMeter(measureFrom, end);
    Thread meter = new Thread(hiccups, "hiccups");
    meter.setDaemon(true);
    meter.start();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < o.connections(); c++) {
      int id = c;
      Thread t = new Thread(() -> connection(id, start), "load-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    hiccups.stop();
    meter.join();
    if (file != null) {
      file.close();
    }
    if (perSecond != null) { // every connection has joined: its seconds are in
      Files.writeString(o.series(), perSecond.csv(startEpochMs + o.warmupS() * 1000L));
    }
    long requests;
    synchronized (histogram) {
      requests = histogram.getTotalCount();
      // achieved rate: what completed, over the time from the start of measurement to the last completion
      double seconds = Math.max(o.durationS(), (lastCompletion.get() - measureFrom) / 1e9);
      return new Result(o, requests, requests * o.batch(), errors.get(), seconds,
          histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
          histogram.getValueAtPercentile(99.9), histogram.getMaxValue(), hiccups.result());
    }
  }

  private void connection(int id, long start) {
    double perConnection = (double) o.rate() / o.connections();
    long interval = (long) (1e9 / perConnection);
    long offset = (long) (interval * (double) id / o.connections()); // spread the connections' schedules
    SyntheticEvents gen = new SyntheticEvents(o.seed() + id, "load" + o.seed() + "-" + id, o.phones());
    Histogram local = new Histogram(HIGHEST, 3);
    Seconds seconds = perSecond == null ? null : new Seconds(o.durationS());
    byte[] head = ("POST /v1/events HTTP/1.1\r\nHost: " + o.url().getHost() + "\r\nAuthorization: Bearer " + o.key()
        + "\r\nContent-Type: " + (o.batch() == 1 ? "application/cloudevents+json" : "application/cloudevents-batch+json")
        + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    Socket socket = null;
    try {
      socket = open();
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      for (long i = 0; ; i++) {
        long due = start + offset + i * interval;
        if (due >= end) {
          break;
        }
        String body = file == null ? body(gen) : body(file.next(o.batch()));
        long now = System.nanoTime();
        if (due > now) {
          LockSupport.parkNanos(due - now);
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
        }
        out.write(request(head, body));
        out.flush();
        sent.incrementAndGet();
        int status = readResponse(in);
        long latency = System.nanoTime() - due;
        if (status != 200) {
          errors.incrementAndGet();
        }
        if (due >= measureFrom) {
          local.recordValue(Math.min(latency, HIGHEST));
          if (seconds != null) {
            seconds.record((due - measureFrom) / 1_000_000_000L, Math.min(latency, HIGHEST));
          }
          lastCompletion.accumulateAndGet(due + latency, Math::max);
        }
      }
    } catch (IOException e) {
      errors.incrementAndGet();
      System.err.println("connection " + id + ": " + e);
    } finally {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // done anyway
        }
      }
      synchronized (histogram) {
        histogram.add(local);
        if (seconds != null) {
          perSecond.add(seconds);
        }
      }
    }
  }

  /** Latencies by the second of their due time, counted from the start of measurement. */
  static final class Seconds {
    private final Histogram[] bySecond;

    Seconds(int seconds) {
      bySecond = new Histogram[Math.max(1, seconds)];
    }

    void record(long second, long latencyNs) {
      at((int) Math.min(bySecond.length - 1, Math.max(0, second))).recordValue(latencyNs);
    }

    void add(Seconds other) {
      for (int i = 0; i < bySecond.length; i++) {
        if (other.bySecond[i] != null) {
          at(i).add(other.bySecond[i]);
        }
      }
    }

    private Histogram at(int i) {
      if (bySecond[i] == null) {
        bySecond[i] = new Histogram(HIGHEST, 2);
      }
      return bySecond[i];
    }

    /** One line per second: its wall-clock start, the requests due in it, their p50, p99 and max in µs. */
    String csv(long firstSecondEpochMs) {
      StringBuilder csv = new StringBuilder("second,epoch_ms,requests,p50_us,p99_us,max_us\n");
      for (int i = 0; i < bySecond.length; i++) {
        Histogram h = bySecond[i];
        long n = h == null ? 0 : h.getTotalCount();
        csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d\n", i, firstSecondEpochMs + i * 1000L, n,
            n == 0 ? 0 : h.getValueAtPercentile(50) / 1000, n == 0 ? 0 : h.getValueAtPercentile(99) / 1000,
            n == 0 ? 0 : h.getMaxValue() / 1000));
      }
      return csv.toString();
    }
  }

  /**
   * The whole request in one array, so it leaves in one send: written as head, length and body
   * separately it took three system calls here and woke the server's selector up to three times.
   */
  static byte[] request(byte[] head, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] length = (b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] r = new byte[head.length + length.length + b.length];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(length, 0, r, head.length, length.length);
    System.arraycopy(b, 0, r, head.length + length.length, b.length);
    return r;
  }

  private String body(SyntheticEvents gen) {
    if (o.batch() == 1) {
      return gen.next();
    }
    List<String> events = new ArrayList<>(o.batch());
    for (int i = 0; i < o.batch(); i++) {
      events.add(gen.next());
    }
    return SyntheticEvents.batch(events);
  }

  private String body(List<String> events) {
    return o.batch() == 1 ? events.get(0) : SyntheticEvents.batch(events);
  }

  private Socket open() throws IOException {
    Socket s = new Socket(o.url().getHost(), o.url().getPort());
    s.setTcpNoDelay(true);
    s.setSoTimeout(60_000);
    return s;
  }

  /** Reads one HTTP/1.1 response (Content-Length or chunked body); returns the status. */
  static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    long length = 0;
    boolean chunked = false;
    boolean first = true;
    while (true) {
      readLine(in, line);
      if (line.length() == 0) {
        if (first) {
          continue; // tolerate a stray CRLF between responses
        }
        break;
      }
      if (first) {
        status = Integer.parseInt(line.substring(9, 12));
        first = false;
      } else if (line.length() > 15 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
        length = Long.parseLong(line.substring(15).strip());
      } else if (line.length() > 18 && line.substring(0, 18).equalsIgnoreCase("transfer-encoding:")) {
        chunked = line.substring(18).strip().equalsIgnoreCase("chunked");
      }
    }
    if (!chunked) {
      skip(in, length);
      return status;
    }
    while (true) {
      readLine(in, line);
      int semi = line.indexOf(";");
      long size = Long.parseLong((semi < 0 ? line.toString() : line.substring(0, semi)).strip(), 16);
      if (size == 0) {
        do {
          readLine(in, line); // trailers, then the empty line
        } while (line.length() > 0);
        return status;
      }
      skip(in, size);
      readLine(in, line); // CRLF after the chunk
    }
  }

  private static void readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
  }

  private static void skip(InputStream in, long length) throws IOException {
    for (long skipped = 0; skipped < length; ) {
      long n = in.skip(length - skipped);
      if (n <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed mid-body");
        }
        n = 1;
      }
      skipped += n;
    }
  }

  static Options parse(String[] args) {
    URI url = URI.create("http://127.0.0.1:8080");
    String key = System.getenv("CHAINBREAKER_KEY");
    int rate = 20_000;
    int duration = 30;
    int warmup = 10;
    int connections = 4;
    int batch = 1;
    int phones = 100_000;
    long seed = System.currentTimeMillis();
    Path series = null;
    Path events = null;
    long skip = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--url" -> url = URI.create(v);
        case "--key" -> key = v;
        case "--rate" -> rate = Integer.parseInt(v); // events per second
        case "--duration" -> duration = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--connections" -> connections = Integer.parseInt(v);
        case "--batch" -> batch = Integer.parseInt(v);
        case "--phones" -> phones = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--series" -> series = Path.of(v); // CSV of per-second latencies
        case "--events" -> events = Path.of(v); // NDJSON contract events, each sent once, instead of synthetic ones
        case "--skip" -> skip = Long.parseLong(v); // the file's first events, sent by an earlier (warm-up) run
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("--key KEY (or CHAINBREAKER_KEY) is required: an ingest key");
    }
    // --rate is in events per second; the schedule is in requests
    return new Options(url, key, Math.max(1, rate / batch), duration, warmup, connections, batch, phones, seed, series, events, skip);
  }
}
