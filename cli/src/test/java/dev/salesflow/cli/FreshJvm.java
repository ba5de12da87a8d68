package dev.salesflow.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run salesflow in a new JVM on the test classpath (the jar is not built yet). */
final class FreshJvm {
  private FreshJvm() {}

  /** {@code java [jvmOptions] -cp CLASSPATH dev.salesflow.cli.Main args}. */
  static List<String> salesflow(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** The same as one shell-quoted line, for tmux and bash. */
  static String shellLine(List<String> command) {
    return String.join(" ", command.stream().map(FreshJvm::quote).toList());
  }

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The classpath entries, to check they are real files (surefire may hand a manifest-only jar). */
  static List<String> classpath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
