package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job's main class in file mode (a backfill), on the RocksDB state backend, as an operator would start it. */
class ChainBreakerJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir
  Path tmp;

  @Test
  void backfillFromFilesOnRocksDbDecidesAsEmbedded() throws Exception {
    List<String> lines = Harness.populationLines(1_000, 2, 3);
    Path input = Harness.write(tmp, "events.jsonl", lines);
    Path out = tmp.resolve("decisions");
    Path secret = Files.write(tmp.resolve("secret"), Harness.SECRET);
    ChainBreakerJob.main(new String[] {
        "--input", input.toString(), "--output", out.toString(), "--secret-file", secret.toString(),
        "--parallelism", "2", "--state-backend", "rocksdb", "--checkpoint-dir", tmp.resolve("checkpoints").toUri().toString(),
        "--checkpoint-interval", "500"});
    Harness.assertSameDecisions(Harness.reference(lines), Harness.committed(out), "backfill through the main class on RocksDB");
  }

  @Test
  void refusesToStartWithoutTheHashingSecret() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChainBreakerJob.main(new String[] {"--input", tmp.toString()}));
    assertTrue(e.getMessage().contains("--secret-file"), e.getMessage());
  }
}
