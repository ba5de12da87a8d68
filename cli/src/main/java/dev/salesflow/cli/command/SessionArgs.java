package dev.salesflow.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The arguments of one command line run inside {@code shell} or {@code batch}: {@code -w
 * WORKSPACE} and the global options the session was started with, unless the line gives its own,
 * then the line's words.
 */
final class SessionArgs {
  private final CommandSpec root;
  private final Path workspace;
  private final List<List<String>> globals;

  /**
   * @param spec the session's own command (shell or batch), after picocli read its arguments
   * @param workspace the workspace every line runs on, or null to let each line find its own
   * @param except global options the session keeps to itself (batch's {@code --format})
   */
  SessionArgs(CommandSpec spec, Path workspace, Set<String> except) {
    this.root = spec.root();
    this.workspace = workspace;
    this.globals = globalOptions(spec, except);
  }

  /** The arguments that run {@code line} as {@code salesflow -w WORKSPACE [globals] LINE}. */
  String[] of(List<String> line) {
    List<String> args = new ArrayList<>();
    if (workspace != null && !mentions(line, "-w", "--workspace")) {
      args.add("-w");
      args.add(workspace.toString());
    }
    for (List<String> option : globals) {
      if (!mentions(line, names(option.get(0)))) {
        args.addAll(option);
      }
    }
    args.addAll(line);
    return args.toArray(String[]::new);
  }

  /** The global options given to the session (but the workspace), each as the words to repeat. */
  private static List<List<String>> globalOptions(CommandSpec spec, Set<String> except) {
    List<List<String>> words = new ArrayList<>();
    List<OptionSpec> matched = new ArrayList<>(spec.commandLine().getParseResult().matchedOptions());
    matched.addAll(spec.root().commandLine().getParseResult().matchedOptions());
    for (OptionSpec o : matched) {
      if (o.scopeType() != ScopeType.INHERIT || o.longestName().equals("--workspace") || except.contains(o.longestName())) {
        continue;
      }
      if (o.arity().max() == 0) {
        words.add(List.of(o.longestName()));
      } else {
        for (String value : o.originalStringValues()) {
          words.add(List.of(o.longestName(), value));
        }
      }
    }
    return words;
  }

  private String[] names(String option) {
    OptionSpec o = root.findOption(option);
    return o == null ? new String[] {option} : o.names();
  }

  /** Whether {@code line} gives one of the options {@code names}. */
  static boolean mentions(List<String> line, String... names) {
    for (String word : line) {
      for (String name : names) {
        if (word.equals(name) || (name.startsWith("--") && word.startsWith(name + "="))) {
          return true;
        }
      }
    }
    return false;
  }
}
