package dev.chainbreaker.server.auth;

import dev.chainbreaker.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API keys, stored only as SHA-256 hashes (a key is 256 random bits, so a plain hash is enough; a
 * slow KDF would cost milliseconds on every request). The key itself exists only in the response
 * that creates it. Lookups are served from memory; changes go to the store with an audit entry.
 */
public final class ApiKeys {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

  public ApiKeys(Store store) {
    this.store = store;
    for (Map.Entry<String, String> e : store.keys().entrySet()) {
      JsonNode n = JSON.readTree(e.getValue());
      byHash.put(e.getKey(), new ApiKey(n.get("id").asString(), e.getKey(), Role.parse(n.get("role").asString()),
          n.get("name").asString(), n.get("createdBy").asString(), n.get("createdMs").asLong()));
    }
  }

  public boolean isEmpty() {
    return byHash.isEmpty();
  }

  /** A new random key: {@code cb_} and 43 base64url characters. */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "cb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The key for a bearer token, or null. */
  public ApiKey verify(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return null;
    }
    return byHash.get(sha256(token));
  }

  /** Stores a key (its hash) and returns the record. */
  public synchronized ApiKey add(String secret, Role role, String name, String createdBy, long nowMs) {
    String hash = sha256(secret);
    if (byHash.containsKey(hash)) {
      throw new IllegalArgumentException("this key already exists");
    }
    ApiKey k = new ApiKey(hash.substring(0, 12), hash, role, name, createdBy, nowMs);
    ObjectNode o = JSON.createObjectNode();
    o.put("id", k.id()).put("role", role.wire()).put("name", name).put("createdBy", createdBy).put("createdMs", nowMs);
    store.putKey(hash, JSON.writeValueAsString(o), nowMs, createdBy, "key " + k.id() + " role " + role.wire() + " name " + name);
    byHash.put(hash, k);
    return k;
  }

  public List<ApiKey> list() {
    List<ApiKey> out = new ArrayList<>(byHash.values());
    out.sort(java.util.Comparator.comparingLong(ApiKey::createdMs).thenComparing(ApiKey::id));
    return out;
  }

  public ApiKey byId(String id) {
    return byHash.values().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
  }

  /** Deletes a key; refuses to delete the last admin key, which would lock everyone out. */
  public synchronized boolean delete(ApiKey k, String who, long nowMs) {
    if (k.role() == Role.ADMIN && byHash.values().stream().filter(x -> x.role() == Role.ADMIN).count() == 1) {
      return false;
    }
    store.deleteKey(k.hash(), nowMs, who, "key " + k.id() + " role " + k.role().wire() + " name " + k.name());
    byHash.remove(k.hash());
    return true;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
