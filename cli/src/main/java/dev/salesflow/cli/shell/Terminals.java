package dev.salesflow.cli.shell;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a person is at a terminal, asked without JLine so that plain runs never load it. On Linux
 * this reads where the standard streams point ({@code /proc/self/fd}); elsewhere it asks
 * {@link System#console()}, which before Java 22 exists only when standard input and output are both
 * terminals, and from Java 22 on says so with {@code isTerminal()}.
 */
public final class Terminals {
  private Terminals() {}

  /** Standard input and output are a terminal: a person can be asked questions. */
  public static boolean interactive(Map<String, String> env) {
    if (dumb(env)) {
      return false;
    }
    Boolean in = linuxTerminal(0);
    Boolean out = linuxTerminal(1);
    return in != null && out != null ? in && out : consoleIsTerminal();
  }

  /** Standard input is a terminal (whatever {@code TERM} says): someone types the lines read from it. */
  public static boolean stdinIsTerminal() {
    Boolean in = linuxTerminal(0);
    return in != null ? in : consoleIsTerminal();
  }

  /** Standard error is a terminal that understands carriage returns and erasing a line. */
  public static boolean stderrIsTerminal(Map<String, String> env) {
    if (dumb(env) || env.get("TERM") == null) {
      return false;
    }
    Boolean err = linuxTerminal(2);
    return err != null ? err : consoleIsTerminal();
  }

  /** Whether file descriptor {@code fd} is a terminal, or null when the system does not say. */
  private static Boolean linuxTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (!Files.isSymbolicLink(link)) {
      return null;
    }
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static boolean dumb(Map<String, String> env) {
    return "dumb".equals(env.get("TERM"));
  }
}
