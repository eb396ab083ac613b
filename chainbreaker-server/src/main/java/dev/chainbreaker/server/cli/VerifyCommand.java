package dev.chainbreaker.server.cli;

import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.server.config.IdentifierSecret;
import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.store.Ledger;
import dev.chainbreaker.store.Recovery;
import dev.chainbreaker.store.Store;
import dev.chainbreaker.store.StoreException;
import dev.chainbreaker.store.StoreOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code verify [--config FILE] [--data DIR]}: the replay audit of a data directory that no server
 * holds (a stopped server's, or a backup's), writing nothing. It loads the stored state as {@code
 * serve} would, replays the whole event log through a fresh engine, and compares every decision,
 * phone state and identity-graph node with the stored ones. Prints one JSON line; exits 0 when all
 * are identical, 1 when any differ (or a stored state cannot be read at all), 2 for bad arguments or
 * a directory it cannot open.
 */
public final class VerifyCommand {
  static final String USAGE = "usage: ./chainbreaker verify [--config FILE] [--data DIR]";

  private VerifyCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), out, err);
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Path configFile = null;
    Path data = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        return 0;
      }
      if (!a.equals("--config") && !a.equals("--data")) {
        err.println("verify: unknown option '" + a + "'");
        err.println(USAGE);
        return 2;
      }
      if (i + 1 >= args.size()) {
        err.println("verify: " + a + " needs a value");
        return 2;
      }
      Path v = Path.of(args.get(++i));
      if (a.equals("--config")) {
        configFile = v;
      } else {
        data = v;
      }
    }
    ServerConfig config;
    byte[] secret;
    try {
      config = ServerConfig.load(configFile, env);
      if (data != null) {
        config = config.withData(data);
      }
      if (!Files.isDirectory(config.data().resolve("rocksdb"))) {
        err.println("verify: " + config.data() + " is not a ChainBreaker data directory (no rocksdb folder)");
        return 2;
      }
      secret = IdentifierSecret.resolve(config, env, false).secret();
    } catch (IllegalArgumentException e) {
      err.println("verify: " + e.getMessage());
      return 2;
    }
    Store store;
    try {
      store = Store.open(new StoreOptions(config.data(), config.durability(), config.writeBufferMb(), config.maxWalMb()));
    } catch (StoreException e) {
      err.println("verify: " + e.getMessage() + " (a running server holds its data directory: stop it, or verify a backup,"
          + " POST /v1/backups)");
      return 2;
    }
    Ledger opened;
    try {
      opened = Ledger.open(store, new Sensitive(secret), null, false, err::println);
    } catch (StoreException e) {
      store.close();
      err.println("verify: " + e.getMessage());
      return 1; // the stored state is not what any log could have written
    }
    try (Ledger ledger = opened) {
      Recovery r;
      try {
        r = ledger.verify();
      } catch (IllegalStateException e) {
        err.println("verify: " + e.getMessage());
        return 2;
      }
      out.println(String.format(Locale.ROOT,
          "{\"events\":%d,\"phones\":%d,\"entities\":%d,\"ruleVersions\":%d,\"decisionMismatches\":%d,"
              + "\"stateMismatches\":%d,\"entityMismatches\":%d,\"consistent\":%s,\"millis\":%d}",
          r.events(), r.phones(), r.entities(), r.ruleVersions(), r.decisionMismatches(), r.stateMismatches(),
          r.entityMismatches(), r.consistent(), r.millis()));
      err.println(r.consistent()
          ? "verify: replaying " + r.events() + " events rebuilt every stored decision, phone state and graph node"
          : "verify: the log rebuilds " + r.decisionMismatches() + " different decisions, " + r.stateMismatches()
              + " different phone states and " + r.entityMismatches() + " different graph nodes; start the server once"
              + " with storage.recovery: replay to replace the stored state by the log's");
      return r.consistent() ? 0 : 1;
    }
  }
}
