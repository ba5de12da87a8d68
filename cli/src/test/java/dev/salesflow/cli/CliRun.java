package dev.salesflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One run of the command line in-process, with what it printed and its exit code. */
public record CliRun(int code, String out, String err) {

  public static CliRun in(Path cwd, String... args) {
    return in(cwd, Map.of("LANG", "en_US.UTF-8"), args);
  }

  public static CliRun in(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> environment = new HashMap<>(env);
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, cwd, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
