package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.rules.RulePackLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job decides exactly as the embedded engine does, event for event: every shared scenario
 * and a simulated population, at parallelism 1 and 2, and with a failure injected mid-stream after a
 * checkpoint (restore from it, replay from the source's checkpointed position, exactly-once output).
 */
class FlinkEqualityTest {
  static final int SLOTS = 4;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(SLOTS).build());

  @TempDir
  Path tmp;

  @Test
  void scenariosAtParallelism1() throws Exception {
    scenarios(1);
  }

  @Test
  void scenariosAtParallelism2() throws Exception {
    scenarios(2);
  }

  private void scenarios(int parallelism) throws Exception {
    List<String> lines = Harness.scenarioLines();
    Path out = tmp.resolve("decisions");
    Path risks = tmp.resolve("risks");
    run(Harness.write(tmp, "scenarios.jsonl", lines), out, risks, parallelism, -1);
    Harness.assertSameDecisions(Harness.reference(lines), Harness.committed(out), "scenarios at parallelism " + parallelism);
    // The stolen phone is taken over: the entity stage hears of the identifiers it put at risk.
    List<String> facts = Harness.committed(risks);
    assertFalse(facts.isEmpty(), "the entity stage emitted no risk fact for the stolen-phone scenario");
    assertTrue(facts.stream().allMatch(f -> f.startsWith("risk\t")), facts.toString());
  }

  @Test
  void populationAtParallelism1WithRestore() throws Exception {
    population(1);
  }

  @Test
  void populationAtParallelism2WithRestore() throws Exception {
    population(2);
  }

  private void population(int parallelism) throws Exception {
    List<String> lines = Harness.populationLines(2_000, 2, 7);
    Path out = tmp.resolve("decisions");
    long t0 = System.nanoTime();
    run(Harness.write(tmp, "population.jsonl", lines), out, tmp.resolve("risks"), parallelism, lines.size() / 2);
    System.out.printf("population: %d events at parallelism %d, failure injected after a checkpoint, %.1f s%n",
        lines.size(), parallelism, (System.nanoTime() - t0) / 1e9);
    assertTrue(FailOnce.FAILED.get(), "the failure was never injected");
    Harness.assertSameDecisions(Harness.reference(lines), Harness.committed(out),
        "population at parallelism " + parallelism + " after a restore");
  }

  @Test
  void stopWithSavepointAtParallelism1ThenResumeAtParallelism2() throws Exception {
    List<String> lines = Harness.populationLines(2_000, 2, 9);
    Path input = Harness.write(tmp, "population.jsonl", lines);
    Path out = tmp.resolve("decisions");
    Path risks = tmp.resolve("risks");
    Throttle.SEEN.set(0);
    Throttle.slow = true;
    StreamExecutionEnvironment first = environment(new Configuration(), 1);
    build(first, input, out, risks, -1);
    JobClient job = first.executeAsync("chainbreaker-before-savepoint");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (Throttle.SEEN.get() < lines.size() / 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String savepoint = job.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL).get();
    int before = Harness.committed(out).size();
    assertTrue(before > 0 && before < lines.size(), before + " decisions committed before the savepoint, of " + lines.size());

    Throttle.slow = false;
    Configuration resume = new Configuration();
    resume.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    StreamExecutionEnvironment second = environment(resume, 2);
    build(second, input, out, risks, -1);
    second.execute("chainbreaker-after-savepoint");
    System.out.printf("savepoint: %d of %d decisions before the stop at parallelism 1, the rest after resuming at 2%n", before, lines.size());
    Harness.assertSameDecisions(Harness.reference(lines), Harness.committed(out),
        "population stopped with a savepoint at parallelism 1, resumed at parallelism 2");
  }

  /**
   * Runs the job in file mode into FileSinks (exactly-once: files are committed on checkpoints).
   * {@code failAt} >= 0: the first attempt throws once it has passed that many decisions and a
   * checkpoint has completed, and the job restarts from that checkpoint.
   */
  static void run(Path input, Path out, Path risks, int parallelism, int failAt) throws Exception {
    StreamExecutionEnvironment env = environment(new Configuration(), parallelism);
    build(env, input, out, risks, failAt);
    env.execute("chainbreaker-equality");
  }

  static StreamExecutionEnvironment environment(Configuration conf, int parallelism) {
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
    conf.setString("execution.checkpointing.interval", "100 ms");
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.setMaxParallelism(128);
    return env;
  }

  static void build(StreamExecutionEnvironment env, Path input, Path out, Path risks, int failAt) {
    String pack = RulePackLoader.defaultPack().source();
    FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(input.toUri())).build();
    DataStream<String> lines = env.fromSource(files, WatermarkStrategy.noWatermarks(), "events").uid("file-source");
    Pipeline.Result r = Pipeline.build(env, lines, null, new Pipeline.Options("CN", Harness.SECRET, pack, 0));
    DataStream<String> decisions = r.decisions().map(d -> d.json).uid("decision-json");
    FailOnce.reset(failAt);
    if (failAt >= 0) {
      decisions = decisions.map(new FailOnce()).name("fail once").uid("fail-once");
    } else {
      decisions = decisions.map(new Throttle()).name("throttle").uid("throttle");
    }
    decisions.sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(out.toUri()), new SimpleStringEncoder<String>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build()).build()).uid("file-sink"); // committed at every checkpoint
    r.risks().map(Control::toLine).uid("risk-line")
        .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(risks.toUri()), new SimpleStringEncoder<String>()).build()).uid("risk-sink");
  }

  /** Counts decisions; slows them down while {@link #slow}, so that a savepoint lands mid-stream. */
  static final class Throttle extends RichMapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger SEEN = new AtomicInteger();
    static volatile boolean slow;

    @Override
    public String map(String v) throws Exception {
      SEEN.incrementAndGet();
      if (slow) {
        Thread.sleep(0, 500_000);
      }
      return v;
    }
  }

  /** Throws once, in the first attempt, after {@code failAt} records and a completed checkpoint; slow until then. */
  static final class FailOnce extends RichMapFunction<String, String> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();
    static volatile int failAt;
    static volatile boolean checkpointed;

    static void reset(int at) {
      FAILED.set(false);
      SEEN.set(0);
      failAt = at;
      checkpointed = false;
    }

    @Override
    public void open(OpenContext ctx) {}

    @Override
    public String map(String v) throws Exception {
      if (!FAILED.get()) {
        if (SEEN.incrementAndGet() >= failAt && checkpointed && FAILED.compareAndSet(false, true)) {
          throw new IllegalStateException("injected failure after " + SEEN.get() + " decisions");
        }
        Thread.sleep(0, 300_000); // leave time for a checkpoint before the failure
      }
      return v;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (SEEN.get() > 0) {
        checkpointed = true;
      }
    }
  }
}
