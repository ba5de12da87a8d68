package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Command lines that run salesflow in a new JVM on the test classpath (the jar is not built yet). */
public final class FreshJvm {
  private FreshJvm() {}

  /** {@code java [jvmOptions] -cp CLASSPATH dev.salesflow.cli.Main args}. */
  public static List<String> salesflow(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** What a run in a fresh JVM printed on stderr and its class-load log ({@code -Xlog:class+load}). */
  public record Loaded(String stderr, String classes) {}

  /**
   * Runs salesflow in a fresh JVM, stdin from /dev/null, logging the classes it loads to a file in
   * {@code dir}; checks it ends with {@code expectedCode}.
   */
  public static Loaded classesLoaded(Path dir, int expectedCode, String... args) throws Exception {
    Path log = dir.resolve("classes.log");
    Path err = dir.resolve("err.txt");
    Files.deleteIfExists(log);
    Process p = new ProcessBuilder(salesflow(List.of("-Xlog:class+load=info:file=" + log), args))
        .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", args) + ": " + stderr)
        .isEqualTo(expectedCode);
    return new Loaded(stderr, Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The same as one shell-quoted line, for tmux and bash. */
  public static String shellLine(List<String> command) {
    return String.join(" ", command.stream().map(FreshJvm::quote).toList());
  }

  public static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The classpath entries, to check they are real files (surefire may hand a manifest-only jar). */
  static List<String> classpath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
