package dev.chainbreaker.flink;

import dev.chainbreaker.bench.EventMix;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the job on a MiniCluster: the benchmark event mix ({@link EventMix}) from a file
 * source through parse, phone stage and entity stage into discarding sinks, with exactly-once
 * checkpoints every 10 s on the heap state backend, at parallelism 1 and 2. Not part of the build:
 *
 * <pre>mvn -B -o -pl chainbreaker-flink -am verify -Dtest=FlinkThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dchainbreaker.flink.bench=true [-Dbench.phones=20000 -Dbench.days=7 -Dbench.backend=hashmap|rocksdb]</pre>
 */
@EnabledIfSystemProperty(named = "chainbreaker.flink.bench", matches = "true")
class FlinkThroughputBench {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path tmp;

  @Test
  void throughput() throws Exception {
    int phones = Integer.getInteger("bench.phones", 20_000);
    int days = Integer.getInteger("bench.days", 7);
    String backend = System.getProperty("bench.backend", "hashmap");
    List<String> lines = EventMix.generate(phones, days, 42);
    Path input = Files.write(tmp.resolve("mix.jsonl"), lines);
    System.out.printf(Locale.ROOT, "mix: %d phones x %d days = %d events; backend %s; %d cores; JVM %s %s%n", phones, days, lines.size(),
        backend, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    run(input, 2, backend); // warm-up: JIT, class loading
    int reps = Integer.getInteger("bench.reps", 3);
    for (int p : new int[] {1, 2}) {
      for (int rep = 0; rep < reps; rep++) {
        long t0 = System.nanoTime();
        JobExecutionResult r = run(input, p, backend);
        double wall = (System.nanoTime() - t0) / 1e9;
        double net = r.getNetRuntime() / 1e3;
        System.out.printf(Locale.ROOT, "parallelism %d: %d events in %.2f s job runtime (%.2f s wall): %.0f events/s%n",
            p, lines.size(), net, wall, lines.size() / net);
      }
    }
  }

  private static JobExecutionResult run(Path input, int parallelism, String backend) throws Exception {
    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", "10 s");
    conf.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    conf.setString("state.backend.type", backend);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(input.toUri())).build();
    Pipeline.Result r = Pipeline.build(env, env.fromSource(files, WatermarkStrategy.noWatermarks(), "events"), null,
        new Pipeline.Options("CN", Harness.SECRET, RulePackLoader.defaultPack().source(), 0));
    r.decisions().sinkTo(new DiscardingSink<>());
    r.risks().sinkTo(new DiscardingSink<>());
    return env.execute("chainbreaker-throughput-p" + parallelism);
  }
}
