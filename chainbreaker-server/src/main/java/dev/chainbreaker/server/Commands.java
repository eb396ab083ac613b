package dev.chainbreaker.server;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Commands that live in their own classes under {@code dev.chainbreaker.server.cli} and are found by
 * name ({@code screen} → {@code ScreenCommand}), so a command can be added without touching the
 * dispatcher.
 */
final class Commands {
  private Commands() {}

  static int other(String name, List<String> args, PrintStream out, PrintStream err) {
    String cls = "dev.chainbreaker.server.cli." + camel(name) + "Command";
    Method run;
    try {
      run = Class.forName(cls).getMethod("run", List.class, PrintStream.class, PrintStream.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      err.println("chainbreaker: unknown command '" + name + "'");
      Main.usage(err);
      return 2;
    }
    try {
      return (Integer) run.invoke(null, args, out, err);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
