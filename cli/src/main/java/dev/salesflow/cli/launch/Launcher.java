package dev.salesflow.cli.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command that runs this salesflow, by absolute paths, for git to run as its merge driver
 * without salesflow on the PATH: the launcher script that started this JVM (it exports {@value
 * #ENV}), else this JVM's {@code java} with this run's class path.
 */
public final class Launcher {
  /** The variable the {@code salesflow} launcher script sets to its own absolute path. */
  public static final String ENV = "SALESFLOW_LAUNCHER";

  private Launcher() {}

  /** The command as the shell should read it: each word quoted where it needs to be. */
  public static String command(Map<String, String> env) {
    String script = env.get(ENV);
    if (script != null && !script.isBlank() && Path.of(script).isAbsolute() && Files.isExecutable(Path.of(script))) {
      return quote(script);
    }
    List<String> words = new ArrayList<>();
    words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    words.add("-cp");
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
      }
    }
    words.add(String.join(java.io.File.pathSeparator, classPath));
    words.add("dev.salesflow.cli.Main");
    return String.join(" ", words.stream().map(Launcher::quote).toList());
  }

  /** {@code word} as one word for a POSIX shell: as it is when plain, else in single quotes. */
  public static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=+,-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
