package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the command line, with its exit code and what it printed: the one in-process runner of
 * the CLI tests ({@link #in}), also used for the result of another program.
 */
public record CliRun(int code, String out, String err) {
  /** Runs salesflow in-process in {@code cwd}, in a minimal environment ({@code LANG=en_US.UTF-8}). */
  public static CliRun in(Path cwd, String... args) {
    return in(cwd, Map.of(), args);
  }

  /**
   * As {@link #in(Path, String...)}, with {@code env} added to the minimal environment (never the
   * real one: no GITHUB_ACTIONS leaks in).
   */
  public static CliRun in(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> environment = new HashMap<>(Map.of("LANG", "en_US.UTF-8"));
    environment.putAll(env);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, cwd, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** As {@link #in(Path, String...)}, with {@code input} (UTF-8) as standard input. */
  public static CliRun withInput(Path cwd, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Map.of("LANG", "en_US.UTF-8"),
        cwd, null, new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    int code = Main.run(context, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stdout lines. */
  public List<String> outLines() {
    return out.lines().toList();
  }

  /** stdout, then stderr. */
  public String all() {
    return out + err;
  }

  /** A clear message and no stack trace, whatever the outcome. */
  public CliRun assertNoStackTrace() {
    assertThat(all()).as("no stack trace in%n%s", all())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at dev.salesflow")
        .doesNotContain("internal error");
    return this;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
