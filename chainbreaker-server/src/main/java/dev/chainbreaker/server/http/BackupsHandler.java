package dev.chainbreaker.server.http;

import dev.chainbreaker.server.auth.ApiKey;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/backups}: admin only, audited. A consistent copy of the store, made while the
 * server runs, into {@code DATA/backups/<UTC time>}: a data directory of its own, which {@code serve
 * --data} starts on (given the identifier secret, which the backup does not hold). The folder is on
 * the same file system (hard links); copy it elsewhere to keep it off the machine.
 */
final class BackupsHandler {
  static final String FOLDER = "backups";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private final Services s;

  BackupsHandler(Services s) {
    this.s = s;
  }

  synchronized void create(Context ctx) {
    long now = System.currentTimeMillis();
    Path root = s.config().data().resolve(FOLDER);
    String name = NAME.format(Instant.ofEpochMilli(now));
    Path dir = root.resolve(name);
    for (int i = 2; Files.exists(dir); i++) {
      dir = root.resolve(name + "-" + i); // two backups in one second
    }
    long t0 = System.nanoTime();
    long events = s.ledger().store().checkpoint(dir);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    ApiKey by = ctx.attribute(Api.KEY_ATTRIBUTE);
    s.ledger().store().audit(now, by.name() + " (" + by.id() + ")", "backups.create", dir + " (" + events + " events)");
    ObjectNode o = Json.object();
    o.put("path", dir.toAbsolutePath().toString());
    o.put("createdAt", Instant.ofEpochMilli(now).toString());
    o.put("events", events);
    o.put("millis", millis);
    o.put("restore", "./chainbreaker serve --data " + dir.toAbsolutePath() + " with this server's identifier secret"
        + " (CHAINBREAKER_IDENTIFIER_SECRET, CHAINBREAKER_IDENTIFIER_SECRET_FILE, or identifier.secret copied from its data"
        + " directory into the backup)");
    Json.send(ctx, 201, o);
  }
}
