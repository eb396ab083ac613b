package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.server.http.Server;
import dev.chainbreaker.server.load.SyntheticEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * {@code verify}: the replay audit of a data directory no server holds. It answers 0 with the counts
 * when the log rebuilds every stored decision, state and node, 1 when it does not, and 2 when it
 * cannot read the directory (no secret, a running server's lock, not a data directory).
 */
class VerifyCommandTest {
  private static final String ADMIN = "verify-admin-key-0123456789";
  private static final String SECRET = "verify-test-identifier-secret-0123";
  private static final Map<String, String> ENV = Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN, "CHAINBREAKER_IDENTIFIER_SECRET", SECRET);

  @TempDir
  Path data;

  private record Run(int rc, String out, String err) {}

  private Run verify(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = VerifyCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Server serve() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Server.start(ServerConfig.defaults().withPort(0).withData(data), ENV, quiet, quiet);
  }

  @Test
  void aStoppedServersDirectoryIsCheckedAgainstItsLog() throws Exception {
    try (Server s = serve()) {
      SyntheticEvents gen = new SyntheticEvents(21, "verify", 30);
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        batch.add(gen.next());
      }
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/events"))
          .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/cloudevents-batch+json")
          .POST(HttpRequest.BodyPublishers.ofString(SyntheticEvents.batch(batch))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());

      Run locked = verify(ENV, "--data", data.toString());
      assertEquals(2, locked.rc(), "a running server holds the directory: " + locked);
      assertTrue(locked.err().contains("stop it, or verify a backup"), locked.err());
    }
    Run ok = verify(ENV, "--data", data.toString());
    assertEquals(0, ok.rc(), ok.toString());
    assertTrue(ok.out().contains("\"events\":400") && ok.out().contains("\"consistent\":true"), ok.out());

    Run noSecret = verify(Map.of(), "--data", data.toString());
    assertEquals(2, noSecret.rc(), noSecret.toString());
    assertTrue(noSecret.err().contains("CHAINBREAKER_IDENTIFIER_SECRET"), noSecret.err());

    // a stored phone state the log does not explain: another subject state in the first one's encoding
    corruptFirstState(data, 1);
    Run bad = verify(ENV, "--data", data.toString());
    assertEquals(1, bad.rc(), bad.toString());
    assertTrue(bad.out().contains("\"stateMismatches\":1"), bad.out());
    assertTrue(bad.err().contains("storage.recovery: replay"), bad.err());

    corruptFirstState(data, -1); // and one that cannot be read at all
    Run unreadable = verify(ENV, "--data", data.toString());
    assertEquals(1, unreadable.rc(), unreadable.toString());
    assertTrue(unreadable.err().contains("cannot be read"), unreadable.err());

    Run notData = verify(ENV, "--data", data.resolve("nowhere").toString());
    assertEquals(2, notData.rc(), notData.toString());
  }

  /**
   * Alters the first stored phone state (key ends with the state mark, 0x01): byte {@code at} (1: the
   * subject state's ordinal, still decodable) flipped, or with -1 its last byte dropped (undecodable).
   */
  private static void corruptFirstState(Path data, int at) throws Exception {
    String path = data.resolve("rocksdb").toString();
    List<org.rocksdb.ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options o = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(o, path)) {
        descriptors.add(new org.rocksdb.ColumnFamilyDescriptor(name));
      }
    }
    List<org.rocksdb.ColumnFamilyHandle> handles = new ArrayList<>();
    try (org.rocksdb.DBOptions o = new org.rocksdb.DBOptions(); RocksDB db = RocksDB.open(o, path, descriptors, handles)) {
      org.rocksdb.ColumnFamilyHandle state = null;
      for (int i = 0; i < descriptors.size(); i++) {
        if (new String(descriptors.get(i).getName(), StandardCharsets.UTF_8).equals("state")) {
          state = handles.get(i);
        }
      }
      try (org.rocksdb.RocksIterator it = db.newIterator(state)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (k[k.length - 1] == 1) {
            byte[] v = it.value();
            if (at >= 0) {
              v[at] ^= 1;
            } else {
              v = java.util.Arrays.copyOf(v, v.length - 1);
            }
            db.put(state, k, v);
            break;
          }
        }
      }
      handles.forEach(org.rocksdb.ColumnFamilyHandle::close);
    }
  }
}
