package dev.chainbreaker.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the deployment secret that keys the hashes of ID numbers, cards and accounts. It must stay
 * the same for the life of a data directory (stored events hold only the hashes), so it is generated
 * once, into {@code DATA/identifier.secret} with owner-only permissions, and never printed or logged.
 */
public final class IdentifierSecret {
  public static final String FILE = "identifier.secret";

  private IdentifierSecret() {}

  /** Where the secret came from, for the start-up message (never the secret itself). */
  public record Resolved(byte[] secret, String origin) {}

  public static Resolved resolve(ServerConfig config, Map<String, String> env, boolean newDataDir) {
    String inEnv = env.get("CHAINBREAKER_IDENTIFIER_SECRET");
    if (inEnv != null && !inEnv.isBlank()) {
      return new Resolved(check(inEnv.strip().getBytes(StandardCharsets.UTF_8), "CHAINBREAKER_IDENTIFIER_SECRET"), "environment");
    }
    Path file = config.identifierSecretFile() != null ? config.identifierSecretFile() : config.data().resolve(FILE);
    try {
      if (Files.exists(file)) {
        return new Resolved(check(Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8), file.toString()), file.toString());
      }
      if (config.identifierSecretFile() != null) {
        throw new IllegalArgumentException("identifier secret file " + file + " does not exist");
      }
      if (!newDataDir) {
        // A new secret would silently stop matching every identifier already stored.
        throw new IllegalArgumentException("the data directory " + config.data() + " holds events but no " + FILE
            + "; set CHAINBREAKER_IDENTIFIER_SECRET or CHAINBREAKER_IDENTIFIER_SECRET_FILE to the secret it was created with");
      }
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      String hex = HexFormat.of().formatHex(raw);
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      } catch (FileAlreadyExistsException e) {
        return resolve(config, env, false);
      }
      Files.writeString(file, hex + "\n", StandardCharsets.UTF_8);
      return new Resolved(hex.getBytes(StandardCharsets.UTF_8), "generated into " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the identifier secret " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] check(byte[] secret, String where) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the identifier secret from " + where + " must be at least 16 bytes");
    }
    return secret;
  }
}
