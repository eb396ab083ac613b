package dev.chainbreaker.server.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.store.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir
  Path dir;

  @Test
  void yamlThenEnvironment() throws Exception {
    Path f = dir.resolve("cb.yaml");
    Files.writeString(f, "port: 9000\ndata: /srv/cb\ndurability: power-loss\nmaxBodyBytes: 2048\nstorage:\n  maxWalMb: 64\n");
    ServerConfig c = ServerConfig.load(f, Map.of());
    assertEquals(9000, c.port());
    assertEquals(Path.of("/srv/cb"), c.data());
    assertEquals(Durability.POWER_LOSS, c.durability());
    assertEquals(2048, c.maxBodyBytes());
    assertEquals(64, c.maxWalMb());
    ServerConfig e = ServerConfig.load(f, Map.of("CHAINBREAKER_PORT", "9100", "CHAINBREAKER_DURABILITY", "process-crash", "CHAINBREAKER_DATA", "/tmp/x"));
    assertEquals(9100, e.port());
    assertEquals(Durability.PROCESS_CRASH, e.durability());
    assertEquals(Path.of("/tmp/x"), e.data());
    assertEquals(Durability.PROCESS_CRASH, ServerConfig.load(null, Map.of()).durability(), "the documented default");
  }

  @Test
  void aRestartLoadsByDefaultAndReplaysTheLogOnRequest() throws Exception {
    assertFalse(ServerConfig.load(null, Map.of()).replayOnStart(), "the documented default: load the stored state");
    Path f = dir.resolve("replay.yaml");
    Files.writeString(f, "storage:\n  recovery: replay\n  maxWalMb: 64\n");
    assertTrue(ServerConfig.load(f, Map.of()).replayOnStart());
    assertEquals(64, ServerConfig.load(f, Map.of()).maxWalMb());
    assertFalse(ServerConfig.load(f, Map.of("CHAINBREAKER_RECOVERY", "load")).replayOnStart(), "the environment wins");
    assertTrue(ServerConfig.load(null, Map.of("CHAINBREAKER_RECOVERY", "replay")).replayOnStart());
    Files.writeString(f, "storage:\n  recovery: sometimes\n");
    String m = assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(f, Map.of())).getMessage();
    assertTrue(m.contains("storage.recovery") && m.contains("load or replay"), m);
  }

  @Test
  void eventsAreKeptForeverUnlessARetentionIsSet() throws Exception {
    assertEquals(0, ServerConfig.load(null, Map.of()).retentionDays(), "the documented default: keep everything");
    Path f = dir.resolve("retention.yaml");
    Files.writeString(f, "storage:\n  retentionDays: 400\n");
    assertEquals(400, ServerConfig.load(f, Map.of()).retentionDays());
    assertEquals(30, ServerConfig.load(f, Map.of("CHAINBREAKER_RETENTION_DAYS", "30")).retentionDays(), "the environment wins");
    Files.writeString(f, "storage:\n  retentionDays: -1\n");
    String m = assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(f, Map.of())).getMessage();
    assertTrue(m.contains("storage.retentionDays"), m);
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of("CHAINBREAKER_RETENTION_DAYS", "a year")));
  }

  @Test
  void mistakesAndSecretsAreRefusedByName() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "prot: 9000\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(f, Map.of())).getMessage().contains("'prot'"));
    Files.writeString(f, "identifierSecret: abcdefabcdefabcdef\n");
    String m = assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(f, Map.of())).getMessage();
    assertTrue(m.contains("environment or a file"), m);
    assertFalse(m.contains("abcdefabcdefabcdef"), "the secret is not echoed");
    Files.writeString(f, "durability: sometimes\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(f, Map.of())).getMessage().contains("durability"));
    assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of("CHAINBREAKER_PORT", "eighty")));
  }

  @Test
  void theIdentifierSecretIsGeneratedOnceOwnerOnlyAndKept() throws Exception {
    ServerConfig c = ServerConfig.defaults().withData(dir.resolve("data"));
    IdentifierSecret.Resolved first = IdentifierSecret.resolve(c, Map.of(), true);
    Path file = dir.resolve("data").resolve(IdentifierSecret.FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(c.toString().contains(new String(first.secret())), "the config never holds the secret");
    assertArrayEquals(first.secret(), IdentifierSecret.resolve(c, Map.of(), false).secret());
    assertArrayEquals("from-the-environment-123".getBytes(),
        IdentifierSecret.resolve(c, Map.of("CHAINBREAKER_IDENTIFIER_SECRET", "from-the-environment-123"), false).secret());
    Files.delete(file);
    // a data directory with events but no secret must not silently get a new one
    assertThrows(IllegalArgumentException.class, () -> IdentifierSecret.resolve(c, Map.of(), false));
  }
}
