package dev.chainbreaker.server.load;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The load test's floor: the same HTTP stack as {@code serve} (Javalin on Jetty, the same JVM flags when
 * started the same way) answering {@code POST /v1/events} with one canned decision per event, without
 * the engine, the store or a credential check. Run {@link LoadGenerator} against it with the same
 * options as against the real server: what it measures is what this machine gives for the HTTP exchange
 * alone, with the client beside it. A latency target below that floor cannot be met on the machine by
 * any change to the engine or the store (LOAD.md).
 *
 * <p>{@code --work-us N} adds N microseconds of the request thread's own CPU time per event (a busy loop
 * on the thread's CPU clock, outside any lock): a server that does only that much work per event, with
 * perfect parallelism. Run at several N, it shows how much CPU per event this machine leaves a server
 * that is to meet a latency target, an upper bound for the real one, whose decide and write stages
 * each run one batch at a time.
 *
 * <pre>
 * java -XX:+UseZGC -Xms2g -Xmx2g -cp 'chainbreaker-server/target/classes:chainbreaker-server/target/lib/*' \
 *   dev.chainbreaker.server.load.NullServer --port 18091
 * </pre>
 */
public final class NullServer {
  /**
   * What {@code serve} answers for a plain event that raises nothing: 148 bytes. Its answers to the load
   * generator's events average 216 bytes (some carry reasons), so the floor's responses are a little smaller.
   */
  static final byte[] DECISION = ("{\"eventId\":\"load-0000000\",\"decision\":\"ALLOW\",\"risk\":\"LOW\",\"score\":0.02,"
      + "\"subjectState\":\"NORMAL\",\"reasons\":[],\"requiredVerification\":[],\"actions\":[]}")
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MARK = "\"specversion\"".getBytes(StandardCharsets.US_ASCII);

  private NullServer() {}

  /** Starts on {@code port} (0: a free one); {@link Javalin#port()} tells which. */
  public static Javalin start(int port) {
    return start(port, 0);
  }

  /** As {@link #start(int)}, spending {@code workUs} µs of the request thread's CPU per event. */
  public static Javalin start(int port, long workUs) {
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.routes.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
      cfg.routes.post("/v1/events", ctx -> {
        byte[] body = ctx.bodyAsBytes();
        int n = events(body);
        if (workUs > 0) {
          spin(n * workUs * 1000L);
        }
        ctx.contentType("application/json").result(answer(n));
      });
    }).start(port);
  }

  /** Events in a request body: one {@code "specversion"} member each (a batch or a single event). */
  static int events(byte[] body) {
    int n = 0;
    outer:
    for (int i = 0; i <= body.length - MARK.length; i++) {
      for (int j = 0; j < MARK.length; j++) {
        if (body[i + j] != MARK[j]) {
          continue outer;
        }
      }
      n++;
      i += MARK.length - 1;
    }
    return n;
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  private static volatile long sink;

  /**
   * Burns {@code cpuNanos} of this thread's CPU time. Measured on the thread's own clock, so time the
   * thread spends preempted or stolen by the hypervisor does not count as work done.
   */
  static void spin(long cpuNanos) {
    long end = THREADS.getCurrentThreadCpuTime() + cpuNanos;
    long x = sink;
    while (THREADS.getCurrentThreadCpuTime() < end) {
      for (int i = 0; i < 200; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
    }
    sink = x;
  }

  /** A JSON array of {@code n} canned decisions, built per request as a real response would be. */
  static byte[] answer(int n) {
    byte[] out = new byte[2 + n * DECISION.length + Math.max(0, n - 1)];
    out[0] = '[';
    int p = 1;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out[p++] = ',';
      }
      System.arraycopy(DECISION, 0, out, p, DECISION.length);
      p += DECISION.length;
    }
    out[p] = ']';
    return out;
  }

  public static void main(String[] args) {
    int port = 18091;
    long workUs = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--work-us") && i + 1 < args.length) {
        workUs = Long.parseLong(args[++i]);
      } else {
        usage(System.err);
        System.exit(2);
      }
    }
    Javalin app = start(port, workUs);
    System.out.println("null server (no engine, no store, no credentials, " + workUs + " µs of work per event) on http://127.0.0.1:"
        + app.port());
  }

  private static void usage(PrintStream err) {
    err.println("usage: NullServer [--port PORT] [--work-us MICROSECONDS_PER_EVENT]");
  }
}
