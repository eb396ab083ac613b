package dev.chainbreaker.server.cli;

import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.server.http.Demo;
import dev.chainbreaker.server.http.Server;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--config FILE] [--port N] [--data DIR] [--demo] [--shared DIR]}: the HTTP API with
 * embedded storage (shared/spec/cli.md). Runs until the process is stopped; a shutdown hook closes
 * the store so that even a plain SIGTERM leaves a synced WAL.
 */
public final class ServeCommand {
  static final String USAGE = "usage: ./chainbreaker serve [--config FILE] [--port N] [--data DIR] [--demo] [--shared DIR]";
  private static final List<String> VALUED = List.of("--config", "--port", "--data", "--shared");

  private ServeCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    // --help is looked for here, not in start(), whose null already means "bad arguments" (exit 2)
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--help") || args.get(i).equals("-h")) {
        out.println(USAGE);
        return 0;
      }
      if (VALUED.contains(args.get(i))) {
        i++;
      }
    }
    Server server = start(args, System.getenv(), out, err);
    if (server == null) {
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "chainbreaker-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Parses the arguments and starts the server; null (after a message) for bad arguments or configuration. */
  public static Server start(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Path configFile = null;
    Integer port = null;
    Path data = null;
    Path shared = null;
    boolean demo = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--demo" -> demo = true;
        case "--config", "--port", "--data", "--shared" -> {
          if (i + 1 >= args.size()) {
            err.println("serve: " + a + " needs a value");
            return null;
          }
          String v = args.get(++i);
          switch (a) {
            case "--config" -> configFile = Path.of(v);
            case "--data" -> data = Path.of(v);
            case "--shared" -> shared = Path.of(v);
            default -> {
              try {
                port = Integer.parseInt(v);
              } catch (NumberFormatException e) {
                err.println("serve: --port needs a number, not '" + v + "'");
                return null;
              }
            }
          }
        }
        default -> {
          err.println("serve: unknown option '" + a + "'");
          err.println(USAGE);
          return null;
        }
      }
    }
    // ServerConfig reports a bad or unreadable configuration (file, environment or flag) as
    // IllegalArgumentException: the user's input, so exit 2 (cli.md), not 1 as a failed run.
    // Failures once the server starts (port in use, store cannot open) propagate and exit 1.
    ServerConfig config;
    try {
      config = ServerConfig.load(configFile, env);
      if (port != null) {
        config = config.withPort(port);
      }
      if (data != null) {
        config = config.withData(data);
      }
    } catch (IllegalArgumentException e) {
      err.println("serve: " + e.getMessage());
      return null;
    }
    err.println("chainbreaker: data in " + config.data().toAbsolutePath() + ", durability " + config.durability().wire());
    Server server;
    try {
      server = Server.start(config, env, out, err);
    } catch (IllegalArgumentException | dev.chainbreaker.core.rules.RulePackException e) {
      // input found wrong only when the server reads it: the admin key or identifier secret from the
      // environment, the rule pack the configuration names
      err.println("serve: " + e.getMessage());
      return null;
    }
    if (demo) {
      Path dir = sharedDir(shared);
      if (dir == null) {
        err.println("chainbreaker: --demo: no shared fixtures found (--shared DIR, or ../shared beside the repository); starting empty");
      } else {
        int n = Demo.load(server.ledger(), dir.resolve("scenarios"));
        err.println("chainbreaker: --demo: loaded " + n + " new events from " + dir.resolve("scenarios"));
      }
    }
    return server;
  }

  /** {@code --shared}, else the {@code chainbreaker.shared} property, else ../shared beside the repository or the working directory. */
  static Path sharedDir(Path flag) {
    if (flag != null) {
      return Files.isDirectory(flag.resolve("scenarios")) ? flag : null;
    }
    String prop = System.getProperty("chainbreaker.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "scenarios"))) {
      return Path.of(prop);
    }
    try {
      // REPO/chainbreaker-server/target/classes → REPO
      Path classes = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
      Path repo = classes.getNameCount() < 4 ? null : classes.getParent().getParent().getParent();
      if (repo != null && repo.getParent() != null && Files.isDirectory(repo.getParent().resolve("shared").resolve("scenarios"))) {
        return repo.getParent().resolve("shared");
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the working directory
    }
    Path cwd = Path.of("..", "shared").toAbsolutePath().normalize();
    return Files.isDirectory(cwd.resolve("scenarios")) ? cwd : null;
  }
}
