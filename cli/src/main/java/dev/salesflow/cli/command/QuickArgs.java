package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Reads the arguments of the commands scripts call most ({@code show}, {@code list},
 * {@code overdue}, {@code log}, {@code advance}) without picocli, when they are plain.
 *
 * <p>picocli builds its model of a command by reflecting over its annotations, which costs more
 * than the JVM's own start and more than the command's work. This reader knows those commands'
 * options from the tables below and accepts only the plainest spelling of them: {@code --name
 * value}, {@code --name=value}, {@code -w DIR}, flags on their own, each at most once, subcommand
 * options after the subcommand, and exactly the positional parameters the command takes. Anything
 * else (help, an unknown, repeated or clustered option, {@code --}, an {@code @file}, a value that
 * starts with {@code -}, is empty or names a subcommand, a missing required option) makes {@link
 * #read} return null, and picocli reads the arguments and reports their errors as always. So a quick run and a picocli
 * run set the same fields: {@code QuickArgsTest} checks it for generated argument lists and ties
 * these tables to the annotations.
 *
 * <p>No lambdas here: linking each one costs a JVM that has just started more than the reading.
 */
public final class QuickArgs {
  /** The subcommands read here, by name; {@link #bind} sets their fields. */
  static final Map<String, Spec> COMMANDS = Map.of(
      "show", new Spec(1, Set.of("--form"), Set.of(), Set.of(), Set.of()),
      "list", new Spec(0, Set.of("--stage", "--priority", "--owner"), Set.of("--allow-unknown"), Set.of(), Set.of()),
      "overdue", new Spec(0, Set.of("--due-within", "--owner", "--priority", "--rule"), Set.of("--allow-unknown"), Set.of(), Set.of()),
      "log", new Spec(2, Set.of("--at", "--by", "--note", "--form"), Set.of("--dry-run"), Set.of("--set"), Set.of()),
      "advance", new Spec(1, Set.of("--to", "--reason", "--at", "--by"), Set.of("--dry-run"), Set.of(), Set.of("--to")));

  /**
   * A subcommand's arguments as read here.
   *
   * @param positionals how many positional parameters it takes (exactly)
   * @param values its options that take one value
   * @param flags its options that take none
   * @param repeatable its options that take one value and may be given again (a list)
   * @param required its options that must be given
   */
  record Spec(int positionals, Set<String> values, Set<String> flags, Set<String> repeatable, Set<String> required) {}

  private QuickArgs() {}

  /**
   * The subcommand {@code args} invoke, with its fields and {@code root}'s set from them, or null
   * when picocli should read them.
   */
  public static Callable<Integer> read(SalesflowCommand root, String... args) {
    try {
      return new Reading(args).read(root);
    } catch (GiveUp | InvalidPathException e) {
      return null;
    }
  }

  /** Makes the subcommand {@code name} and sets its fields from what was read. */
  private static Callable<Integer> bind(String name, SalesflowCommand root, Reading r) {
    switch (name) {
      case "show" -> {
        ShowCommand c = new ShowCommand();
        c.root = root;
        c.caseId = r.positionals.get(0);
        c.formType = r.values.get("--form");
        return c;
      }
      case "list" -> {
        ListCommand c = new ListCommand();
        c.root = root;
        c.stage = r.values.get("--stage");
        c.priority = r.values.get("--priority");
        c.owner = r.values.get("--owner");
        c.allowUnknown = r.flags.contains("--allow-unknown");
        return c;
      }
      case "overdue" -> {
        OverdueCommand c = new OverdueCommand();
        c.root = root;
        c.dueWithin = r.values.get("--due-within");
        c.owner = r.values.get("--owner");
        c.priority = r.values.get("--priority");
        c.rule = r.values.get("--rule");
        c.allowUnknown = r.flags.contains("--allow-unknown");
        return c;
      }
      case "log" -> {
        LogCommand c = new LogCommand();
        c.root = root;
        c.caseId = r.positionals.get(0);
        c.type = r.positionals.get(1);
        c.at = r.values.get("--at");
        c.by = r.values.get("--by");
        c.note = r.values.get("--note");
        c.form = r.values.containsKey("--form") ? java.nio.file.Path.of(r.values.get("--form")) : null;
        if (r.lists.containsKey("--set")) {
          c.sets = List.copyOf(r.lists.get("--set"));
        }
        c.dryRun = r.flags.contains("--dry-run");
        return c;
      }
      case "advance" -> {
        AdvanceCommand c = new AdvanceCommand();
        c.root = root;
        c.caseId = r.positionals.get(0);
        c.to = r.values.get("--to");
        c.reason = r.values.get("--reason");
        c.at = r.values.get("--at");
        c.by = r.values.get("--by");
        c.dryRun = r.flags.contains("--dry-run");
        return c;
      }
      default -> throw new IllegalStateException("no binding for " + name);
    }
  }

  /** Sets {@code root}'s global options from what was read. */
  private static void bindGlobals(SalesflowCommand root, Reading r) {
    String workspace = r.values.containsKey("--workspace") ? r.values.get("--workspace") : r.values.get("-w");
    if (workspace != null) {
      root.workspace = Path.of(workspace);
    }
    root.store = r.values.get("--store");
    root.now = r.values.get("--now");
    root.lang = r.values.get("--lang");
    if (r.values.containsKey("--format")) {
      root.format = format(r.values.get("--format"));
    }
    root.quiet = r.flags.contains("-q") || r.flags.contains("--quiet");
    root.verbose = r.flags.contains("--verbose");
    root.noColor = r.flags.contains("--no-color");
  }

  /** Format names as picocli matches them here (case-insensitively); anything else is picocli's to refuse. */
  private static Format format(String value) {
    for (Format f : Format.values()) {
      if (f.name().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new GiveUp();
  }

  /** Thrown inside a reading when the arguments are not plain enough; never escapes {@link #read}. */
  private static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  /** One pass over one argument list: what it gives each option, flag and position. */
  private static final class Reading {
    private final String[] args;
    final Map<String, String> values = new HashMap<>();
    final Set<String> flags = new HashSet<>();
    final Map<String, List<String>> lists = new HashMap<>();
    final List<String> positionals = new ArrayList<>();
    private int next;

    Reading(String[] args) {
      this.args = args;
    }

    Callable<Integer> read(SalesflowCommand root) {
      String command = null;
      Spec spec = null;
      while (next < args.length) {
        String word = args[next++];
        String name = name(word);
        if (!word.startsWith("-")) {
          if (spec == null) {
            command = word;
            spec = COMMANDS.get(word);
            if (spec == null) {
              throw new GiveUp();
            }
          } else {
            positionals.add(plain(word));
          }
        } else if (CommandTree.FLAGS.contains(word)) {
          flag(word);
        } else if (CommandTree.VALUE_OPTIONS.contains(name)) {
          value(word, name);
        } else if (spec == null) {
          throw new GiveUp(); // the root has no other options picocli would take quietly
        } else if (spec.flags().contains(word)) {
          flag(word);
        } else if (spec.values().contains(name)) {
          value(word, name);
        } else if (spec.repeatable().contains(name)) {
          List<String> list = lists.get(name);
          if (list == null) {
            list = new ArrayList<>();
            lists.put(name, list);
          }
          list.add(valueOf(word));
        } else {
          throw new GiveUp();
        }
      }
      if (spec == null || positionals.size() != spec.positionals() || !values.keySet().containsAll(spec.required())
          || (values.containsKey("-w") && values.containsKey("--workspace"))
          || (flags.contains("-q") && flags.contains("--quiet"))) {
        throw new GiveUp(); // picocli says what is missing, or refuses the repeat
      }
      bindGlobals(root, this);
      return bind(command, root, this);
    }

    /** A flag, at most once: picocli refuses a repeat. */
    private void flag(String word) {
      if (!flags.add(word)) {
        throw new GiveUp();
      }
    }

    /** An option with one value, at most once. */
    private void value(String word, String name) {
      if (values.put(name, valueOf(word)) != null) {
        throw new GiveUp();
      }
    }

    /** The option's value: after {@code =} in {@code --name=value}, else the next argument. */
    private String valueOf(String word) {
      int eq = word.indexOf('=');
      if (eq > 0 && word.startsWith("--")) {
        return plain(word.substring(eq + 1));
      }
      if (next >= args.length) {
        throw new GiveUp();
      }
      return plain(args[next++]);
    }

    private static String name(String word) {
      int eq = word.indexOf('=');
      return eq > 0 && word.startsWith("--") ? word.substring(0, eq) : word;
    }

    /** A value or positional parameter picocli takes as it is (it takes a subcommand's name for the subcommand). */
    private static String plain(String value) {
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || CommandTree.SUBCOMMANDS.containsKey(value)) {
        throw new GiveUp();
      }
      return value;
    }
  }
}
