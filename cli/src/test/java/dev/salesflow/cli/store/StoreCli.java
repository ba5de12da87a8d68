package dev.salesflow.cli.store;

import dev.salesflow.cli.Main;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** One in-process run of the command line, with what it printed and its exit code; and workspace copies. */
record StoreCli(int code, String out, String err) {
  static final Path EXAMPLES = Path.of("../examples");
  static final String NOW = "2026-11-26T18:00:00+08:00";

  static StoreCli run(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>(Map.of("LANG", "en_US.UTF-8"));
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, cwd, args);
    return new StoreCli(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** Copies the example workspace to {@code target}. */
  static Path examplesAt(Path target) {
    return TestWorkspaces.examplesAt(target);
  }
}
