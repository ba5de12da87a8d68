package dev.salesflow.cli.check;

import dev.salesflow.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line, with its exit code and what it printed. */
record CheckRun(int code, String out, String err) {
  /** The instant every run of these tests is judged at (the examples' intended "now"). */
  static final String NOW = "2026-11-26T18:00:00+08:00";

  static CheckRun in(Path cwd, String... args) {
    return in(cwd, Map.of(), args);
  }

  /** Runs with {@code env} added to a minimal environment (never the real one: no GITHUB_ACTIONS leaks in). */
  static CheckRun in(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> environment = new HashMap<>(Map.of("LANG", "en_US.UTF-8"));
    environment.putAll(env);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, cwd, args);
    return new CheckRun(code, out.toString(), err.toString());
  }

  /** The stdout lines. */
  List<String> outLines() {
    return out.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
