package dev.chainbreaker.screen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JMH-free micro measurement, off by default: {@code mvn test -pl chainbreaker-screen
 * -Dtest=ThroughputMeasurement -Dchainbreaker.perf=true}. Reports thread CPU time per message (robust
 * to other load on the machine) and wall-clock percentiles, single thread, after warm-up. Not a
 * substitute for the JMH benchmark of the bench module.
 */
class ThroughputMeasurement {

  @Test
  void measure() throws IOException {
    assumeTrue(Boolean.getBoolean("chainbreaker.perf"), "set -Dchainbreaker.perf=true to measure");
    Screener s = Screener.standard();
    for (String name : List.of("sms-handwritten-dev.jsonl", "dev.jsonl")) {
      List<LabeledMessage> set = Datasets.read(SharedFixtures.require("datasets/" + name));
      int reps = Math.max(2, 40_000 / set.size());
      for (int w = 0; w < reps; w++) {
        for (LabeledMessage m : set) {
          s.screen(m.text(), m.sender());
        }
      }
      ThreadMXBean tb = ManagementFactory.getThreadMXBean();
      long[] lat = new long[reps * set.size()];
      int k = 0;
      long cpu0 = tb.getCurrentThreadCpuTime();
      for (int r = 0; r < reps; r++) {
        for (LabeledMessage m : set) {
          long t = System.nanoTime();
          s.screen(m.text(), m.sender());
          lat[k++] = System.nanoTime() - t;
        }
      }
      long cpu = tb.getCurrentThreadCpuTime() - cpu0;
      Arrays.sort(lat);
      System.out.printf("%s: %d screens, CPU %.1f us/msg (%.0f msg/s per core), wall p50 %.1f us, p99 %.1f us%n",
          name, k, cpu / 1e3 / k, k / (cpu / 1e9), lat[k / 2] / 1e3, lat[(int) (k * 0.99)] / 1e3);
    }
  }
}
