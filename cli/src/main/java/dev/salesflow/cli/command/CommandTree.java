package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The subcommands of {@code salesflow}, in the order {@code --help} lists them, and the picocli
 * command lines built from them.
 *
 * <p>Building picocli's model of a command reflects over all its options, so building all fifteen
 * costs more than the rest of a quick command. A run therefore gets only the subcommand its
 * arguments name ({@link #forArgs}); help, the shell, completion and anything this class cannot
 * read for certain get the whole tree ({@link #full}), so what users see never depends on it.
 */
public final class CommandTree {
  /** Subcommand names and their classes, in the order of the root's help. */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  /** Global options that take a value (the next word, or after {@code =}). */
  static final Set<String> VALUE_OPTIONS = Set.of("-w", "--workspace", "--store", "--now", "--format", "--lang");

  /** Global options that take none. */
  static final Set<String> FLAGS = Set.of("-q", "--quiet", "--verbose", "--no-color");

  /** The root's own options that answer without a subcommand. */
  public static final Set<String> VERSION = Set.of("-V", "--version");

  /** Subcommands that need the whole tree (the shell completes every command). */
  private static final Set<String> NEED_ALL = Set.of("shell", "help");

  private CommandTree() {}

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("init", InitCommand.class);
    all.put("register", RegisterCommand.class);
    all.put("log", LogCommand.class);
    all.put("advance", AdvanceCommand.class);
    all.put("edit", EditCommand.class);
    all.put("reassign", ReassignCommand.class);
    all.put("reopen", ReopenCommand.class);
    all.put("approve", ApproveCommand.class);
    all.put("attach", AttachCommand.class);
    all.put("show", ShowCommand.class);
    all.put("list", ListCommand.class);
    all.put("overdue", OverdueCommand.class);
    all.put("notify", NotifyCommand.class);
    all.put("check", CheckCommand.class);
    all.put("migrate", MigrateCommand.class);
    all.put("report", ReportCommand.class);
    all.put("calendar", CalendarCommand.class);
    all.put("import", ImportCommand.class);
    all.put("export", ExportCommand.class);
    all.put("git-merge", GitMergeCommand.class);
    all.put("git-setup", GitSetupCommand.class);
    all.put("shell", ShellCommand.class);
    all.put("batch", BatchCommand.class);
    all.put("completion", CompletionCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    all.put("__complete", CompleteCommand.class);
    return java.util.Collections.unmodifiableMap(all);
  }

  /** The formats subcommand {@code name} takes (none for an unknown name). */
  static List<Format> formats(String name) {
    Class<?> type = SUBCOMMANDS.get(name);
    if (type == null) {
      return List.of();
    }
    try {
      return type.getDeclaredConstructor().newInstance() instanceof Formatted f ? f.formats() : List.of();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make the " + name + " command", e);
    }
  }

  /** The root with every subcommand. */
  public static CommandLine full(SalesflowCommand root) {
    return with(root, List.copyOf(SUBCOMMANDS.keySet()));
  }

  /**
   * The root with only the subcommand {@code args} invoke, none for {@code --version}, or every
   * subcommand when the arguments ask for help, name no known subcommand or cannot be read for
   * certain without picocli.
   */
  public static CommandLine forArgs(SalesflowCommand root, String... args) {
    return with(root, needed(args));
  }

  /** The names of the subcommands a run with {@code args} needs. */
  static List<String> needed(String... args) {
    String word = commandWord(args);
    if (word == null) {
      return List.of(args).stream().anyMatch(VERSION::contains) ? List.of() : List.copyOf(SUBCOMMANDS.keySet());
    }
    boolean known = SUBCOMMANDS.containsKey(word) && !NEED_ALL.contains(word);
    return known ? List.of(word) : List.copyOf(SUBCOMMANDS.keySet());
  }

  /** The first word of {@code args} that is no global option (the subcommand's name, if known), or null. */
  static String commandWord(String... args) {
    for (int i = 0; i < args.length; i++) {
      String word = args[i];
      if (VALUE_OPTIONS.contains(word)) {
        i++;
      } else if (!VERSION.contains(word) && !FLAGS.contains(word) && !isValueOptionWithEquals(word)) {
        return word;
      }
    }
    return null;
  }

  private static boolean isValueOptionWithEquals(String word) {
    int eq = word.indexOf('=');
    return word.startsWith("--") && eq > 0 && VALUE_OPTIONS.contains(word.substring(0, eq));
  }

  private static CommandLine with(SalesflowCommand root, List<String> names) {
    CommandLine cli = new CommandLine(root);
    for (String name : names) {
      cli.addSubcommand(name, SUBCOMMANDS.get(name));
      CommandLine sub = cli.getSubcommands().get(name);
      sub.getCommandSpec().versionProvider(new VersionProvider()); // so 'salesflow log -V' prints it too
      offerOwnFormats(sub);
    }
    return cli;
  }

  /**
   * Replaces the {@code --format} a subcommand inherits from the root by one whose help and
   * completion list only the formats it takes ({@link Formatted}), hidden where it takes none. The
   * option stays the root's (accepted before or after the subcommand, set on the root), and
   * {@link SalesflowCommand#format} still refuses a format the command does not take. The options
   * after it are added again behind it, so their order, and the completion's, stays as declared.
   */
  private static void offerOwnFormats(CommandLine sub) {
    List<Format> formats = sub.getCommand() instanceof Formatted f ? f.formats() : List.of();
    List<String> labels = new ArrayList<>();
    for (Format format : formats) {
      labels.add(format.label());
    }
    CommandSpec spec = sub.getCommandSpec();
    OptionSpec inherited = spec.findOption("--format");
    List<OptionSpec> options = List.copyOf(spec.options());
    List<OptionSpec> moved = options.subList(options.indexOf(inherited), options.size());
    for (OptionSpec option : moved) {
      spec.remove(option);
    }
    spec.addOption(OptionSpec.builder(inherited)
        .description(labels.size() == 1 ? "Output format: ${COMPLETION-CANDIDATES} (the only one)."
            : "Output format: ${COMPLETION-CANDIDATES}.")
        .completionCandidates(labels)
        .hidden(labels.isEmpty())
        .build());
    for (OptionSpec option : moved.subList(1, moved.size())) {
      spec.addOption(option);
    }
  }
}
