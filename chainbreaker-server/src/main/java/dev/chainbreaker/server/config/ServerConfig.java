package dev.chainbreaker.server.config;

import dev.chainbreaker.store.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Everything {@code serve} is configured with, typed, from one YAML file with environment-variable
 * overrides (flags override both). Precedence: defaults &lt; YAML &lt; environment &lt; flags.
 *
 * <pre>
 * host: 127.0.0.1              # CHAINBREAKER_HOST
 * port: 8080                   # CHAINBREAKER_PORT
 * data: ./data                 # CHAINBREAKER_DATA
 * durability: process-crash    # CHAINBREAKER_DURABILITY (process-crash | power-loss)
 * maxBodyBytes: 1048576        # CHAINBREAKER_MAX_BODY_BYTES
 * maxBatch: 1000               # CHAINBREAKER_MAX_BATCH
 * rules: packs/my-pack.yaml    # CHAINBREAKER_RULES: the first pack of a new data directory
 * identifierSecretFile: /run/secrets/cb   # CHAINBREAKER_IDENTIFIER_SECRET_FILE
 * storage: { writeBufferMb: 32, maxWalMb: 256, recovery: load, retentionDays: 0 }
 *                              # CHAINBREAKER_RECOVERY, CHAINBREAKER_RETENTION_DAYS
 * </pre>
 *
 * <p>{@code retentionDays}: events (with their retry-index and timeline entries) older than this
 * many days since they were received are deleted, checked every ten minutes; 0 (the default) keeps
 * them all. Phone states and the identity graph are kept whatever the age.
 *
 * <p>{@code recovery}: how a restart rebuilds the engine. {@code load} (the default) loads the stored
 * phone states and identity graph, in time proportional to the phones kept; {@code replay} replays
 * the whole event log and checks every decision, state and graph node against the stored ones (an
 * audit, in time proportional to the log).
 *
 * <p>The identifier hashing secret itself is never in this file: it comes from
 * {@code CHAINBREAKER_IDENTIFIER_SECRET}, from {@code identifierSecretFile}, or from
 * {@code DATA/identifier.secret} (generated on first start). {@link #toString()} holds no secret.
 */
public record ServerConfig(
    String host,
    int port,
    Path data,
    Durability durability,
    long maxBodyBytes,
    int maxBatch,
    Path rules,
    Path identifierSecretFile,
    int writeBufferMb,
    int maxWalMb,
    boolean replayOnStart,
    int retentionDays) {

  private static final Set<String> KEYS =
      Set.of("host", "port", "data", "durability", "maxBodyBytes", "maxBatch", "rules", "identifierSecretFile", "storage");
  private static final Set<String> STORAGE_KEYS = Set.of("writeBufferMb", "maxWalMb", "recovery", "retentionDays");

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 8080, Path.of("data"), Durability.PROCESS_CRASH, 1024 * 1024, 1000, null, null, 32, 256, false, 0);
  }

  /** Reads the YAML file (if any) over the defaults, then the environment over that. */
  public static ServerConfig load(Path file, Map<String, String> env) {
    ServerConfig c = defaults();
    if (file != null) {
      c = c.overlay(readYaml(file), file.toString());
    }
    return c.withEnv(env);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      if (doc == null) {
        return Map.of();
      }
      if (!(doc instanceof Map)) {
        throw new IllegalArgumentException(file + ": the configuration is a YAML mapping");
      }
      return (Map<String, Object>) doc;
    } catch (java.nio.file.NoSuchFileException e) {
      // its message is only the path, which would read "cannot read F: F"
      throw new IllegalArgumentException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private ServerConfig overlay(Map<String, Object> y, String where) {
    for (String k : y.keySet()) {
      if (k.toLowerCase(java.util.Locale.ROOT).contains("secret") && !k.equals("identifierSecretFile")) {
        throw new IllegalArgumentException(where + ": '" + k + "': secrets are read from the environment or a file, never from the configuration");
      }
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
      }
    }
    ServerConfig c = this;
    if (y.containsKey("host")) c = c.withHost(str(y, "host", where));
    if (y.containsKey("port")) c = c.withPort(integer(str(y, "port", where), "port", where));
    if (y.containsKey("data")) c = c.withData(Path.of(str(y, "data", where)));
    if (y.containsKey("durability")) c = c.withDurability(durability(str(y, "durability", where), where));
    if (y.containsKey("maxBodyBytes")) c = new ServerConfig(c.host, c.port, c.data, c.durability,
        integer(str(y, "maxBodyBytes", where), "maxBodyBytes", where), c.maxBatch, c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (y.containsKey("maxBatch")) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes,
        (int) integer(str(y, "maxBatch", where), "maxBatch", where), c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (y.containsKey("rules")) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes, c.maxBatch,
        Path.of(str(y, "rules", where)), c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (y.containsKey("identifierSecretFile")) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes, c.maxBatch,
        c.rules, Path.of(str(y, "identifierSecretFile", where)), c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (y.containsKey("storage")) {
      if (!(y.get("storage") instanceof Map<?, ?> s)) {
        throw new IllegalArgumentException(where + ": 'storage' is a mapping");
      }
      Map<String, Object> st = (Map<String, Object>) s;
      for (String k : st.keySet()) {
        if (!STORAGE_KEYS.contains(k)) {
          throw new IllegalArgumentException(where + ": unknown key 'storage." + k + "' (known: " + new java.util.TreeSet<>(STORAGE_KEYS) + ")");
        }
      }
      int wb = st.containsKey("writeBufferMb") ? (int) integer(str(st, "writeBufferMb", where), "storage.writeBufferMb", where) : c.writeBufferMb;
      int days = st.containsKey("retentionDays") ? retentionDays(str(st, "retentionDays", where), "storage.retentionDays", where) : c.retentionDays;
      boolean replay = st.containsKey("recovery") ? recovery(str(st, "recovery", where), "storage.recovery", where) : c.replayOnStart;
      int wal = st.containsKey("maxWalMb") ? (int) integer(str(st, "maxWalMb", where), "storage.maxWalMb", where) : c.maxWalMb;
      c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes, c.maxBatch, c.rules, c.identifierSecretFile, wb, wal, replay, days);
    }
    return c;
  }

  /** Environment overrides; unknown CHAINBREAKER_* variables are ignored (others may use the prefix). */
  public ServerConfig withEnv(Map<String, String> env) {
    ServerConfig c = this;
    String w = "environment";
    if (env.get("CHAINBREAKER_HOST") != null) c = c.withHost(env.get("CHAINBREAKER_HOST"));
    if (env.get("CHAINBREAKER_PORT") != null) c = c.withPort(integer(env.get("CHAINBREAKER_PORT"), "CHAINBREAKER_PORT", w));
    if (env.get("CHAINBREAKER_DATA") != null) c = c.withData(Path.of(env.get("CHAINBREAKER_DATA")));
    if (env.get("CHAINBREAKER_DURABILITY") != null) c = c.withDurability(durability(env.get("CHAINBREAKER_DURABILITY"), w));
    if (env.get("CHAINBREAKER_MAX_BODY_BYTES") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability,
        integer(env.get("CHAINBREAKER_MAX_BODY_BYTES"), "CHAINBREAKER_MAX_BODY_BYTES", w), c.maxBatch, c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (env.get("CHAINBREAKER_MAX_BATCH") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes,
        (int) integer(env.get("CHAINBREAKER_MAX_BATCH"), "CHAINBREAKER_MAX_BATCH", w), c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (env.get("CHAINBREAKER_RULES") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes, c.maxBatch,
        Path.of(env.get("CHAINBREAKER_RULES")), c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (env.get("CHAINBREAKER_IDENTIFIER_SECRET_FILE") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes,
        c.maxBatch, c.rules, Path.of(env.get("CHAINBREAKER_IDENTIFIER_SECRET_FILE")), c.writeBufferMb, c.maxWalMb, c.replayOnStart, c.retentionDays);
    if (env.get("CHAINBREAKER_RECOVERY") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes,
        c.maxBatch, c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, recovery(env.get("CHAINBREAKER_RECOVERY"), "CHAINBREAKER_RECOVERY", w),
        c.retentionDays);
    if (env.get("CHAINBREAKER_RETENTION_DAYS") != null) c = new ServerConfig(c.host, c.port, c.data, c.durability, c.maxBodyBytes,
        c.maxBatch, c.rules, c.identifierSecretFile, c.writeBufferMb, c.maxWalMb, c.replayOnStart,
        retentionDays(env.get("CHAINBREAKER_RETENTION_DAYS"), "CHAINBREAKER_RETENTION_DAYS", w));
    return c;
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, data, durability, maxBodyBytes, maxBatch, rules, identifierSecretFile, writeBufferMb, maxWalMb, replayOnStart, retentionDays);
  }

  public ServerConfig withPort(long p) {
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + p);
    }
    return new ServerConfig(host, (int) p, data, durability, maxBodyBytes, maxBatch, rules, identifierSecretFile, writeBufferMb, maxWalMb, replayOnStart, retentionDays);
  }

  public ServerConfig withData(Path d) {
    return new ServerConfig(host, port, d, durability, maxBodyBytes, maxBatch, rules, identifierSecretFile, writeBufferMb, maxWalMb, replayOnStart, retentionDays);
  }

  public ServerConfig withDurability(Durability d) {
    return new ServerConfig(host, port, data, d, maxBodyBytes, maxBatch, rules, identifierSecretFile, writeBufferMb, maxWalMb, replayOnStart, retentionDays);
  }

  private static String str(Map<String, Object> y, String key, String where) {
    Object v = y.get(key);
    if (v == null || v instanceof Map || v instanceof java.util.List) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a scalar");
    }
    return v.toString();
  }

  private static long integer(String v, String name, String where) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + name + "' must be an integer, not '" + v + "'");
    }
  }

  private static int retentionDays(String v, String name, String where) {
    long d = integer(v, name, where);
    if (d < 0 || d > 36_500) {
      throw new IllegalArgumentException(where + ": '" + name + "' is a number of days from 0 (keep everything) to 36500, not " + d);
    }
    return (int) d;
  }

  /** {@code load} or {@code replay}: true for a replay. */
  private static boolean recovery(String v, String name, String where) {
    return switch (v.strip()) {
      case "load" -> false;
      case "replay" -> true;
      default -> throw new IllegalArgumentException(where + ": '" + name + "' is load or replay, not '" + v + "'");
    };
  }

  private static Durability durability(String v, String where) {
    try {
      return Durability.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }
}
