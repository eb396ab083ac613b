package dev.chainbreaker.server.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./chainbreaker simulate [--eval] --phones N --days D ...}: the population simulator of
 * chainbreaker-bench ({@code dev.chainbreaker.bench.Simulate}).
 *
 * <p>chainbreaker-bench depends on the server's modules, so the server cannot depend on it at build
 * time; this command loads the benchmark jar the launcher's build leaves in
 * {@code chainbreaker-bench/target/chainbreaker-bench.jar} (or the jar named by the
 * {@code CHAINBREAKER_BENCH_JAR} environment variable) and hands the arguments over.
 */
public final class SimulateCommand {
  /** A copy of chainbreaker-bench's Simulate.USAGE, so that --help answers even without the jar. */
  static final String USAGE = "usage: ./chainbreaker simulate [--eval] --phones N --days D [--seed S] [--attack-rate R] "
      + "[--families name=w,...] [--phish-rate R] [--out FILE|-] [--truth FILE] [--null] [--trace-phones i,j]";

  private SimulateCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(USAGE);
      return 0;
    }
    Path jar = benchJar();
    if (jar == null) {
      err.println("simulate: chainbreaker-bench/target/chainbreaker-bench.jar not found; build it with "
          + "`mvn -B -q package -pl chainbreaker-bench -am` or set CHAINBREAKER_BENCH_JAR");
      return 1;
    }
    try {
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SimulateCommand.class.getClassLoader());
      Method run = loader.loadClass("dev.chainbreaker.bench.Simulate").getMethod("run", List.class, PrintStream.class, PrintStream.class);
      return (Integer) run.invoke(null, args, out, err);
    } catch (InvocationTargetException e) {
      err.println("simulate: " + e.getCause());
      return 1;
    } catch (ReflectiveOperationException | java.io.IOException e) {
      err.println("simulate: cannot load the simulator from " + jar + ": " + e);
      return 1;
    }
  }

  private static Path benchJar() {
    String env = System.getenv("CHAINBREAKER_BENCH_JAR");
    if (env != null && !env.isBlank()) {
      return Files.isRegularFile(Path.of(env)) ? Path.of(env) : null;
    }
    try {
      // .../chainbreaker-server/target/classes -> .../chainbreaker-bench/target/chainbreaker-bench.jar
      Path classes = Path.of(SimulateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = classes.getParent().getParent().getParent();
      Path jar = root.resolve("chainbreaker-bench").resolve("target").resolve("chainbreaker-bench.jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    } catch (RuntimeException | java.net.URISyntaxException e) {
      // fall through
    }
    Path jar = Path.of("chainbreaker-bench", "target", "chainbreaker-bench.jar");
    return Files.isRegularFile(jar) ? jar : null;
  }
}
