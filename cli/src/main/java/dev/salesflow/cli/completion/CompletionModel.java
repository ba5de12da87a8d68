package dev.salesflow.cli.completion;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.command.CommandTree;
import dev.salesflow.cli.command.SalesflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the word under the cursor can be, worked out from picocli's model of the commands: a
 * subcommand, an option, or the value of an option or positional parameter (so case ids complete
 * after {@code show} and stages after {@code --to}). Knows nothing of terminals.
 */
public final class CompletionModel {
  private final CommandSpec root;

  public CompletionModel(CommandSpec root) {
    this.root = root;
  }

  /** Where the word being typed stands. */
  public enum Place { COMMAND, OPTION, VALUE }

  /**
   * The word being typed: its place, the command it belongs to, the option or parameter it is a
   * value of (for {@link Place#VALUE}), the text before the value that must be kept (such as
   * {@code --to=}), and the positional words typed before it for that command.
   */
  public record Slot(Place place, CommandSpec command, ArgSpec arg, String keep, List<String> positionals) {
    /** The kind of value wanted, {@link ValueKind#NONE} unless this is a value. */
    public ValueKind kind() {
      return place == Place.VALUE ? ValueKind.of(arg) : ValueKind.NONE;
    }
  }

  /** A word to offer, with a short description (may be empty). */
  public record Candidate(String value, String description) {}

  /** Locates {@code current}, typed after the words {@code before} (program name excluded). */
  public Slot locate(List<String> before, String current) {
    CommandSpec command = root;
    List<String> positionals = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < before.size(); i++) {
      String word = before.get(i);
      if (!optionsEnded && word.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (positionals.isEmpty() && command.subcommands().containsKey(word)) {
        command = command.subcommands().get(word).getCommandSpec();
        continue;
      }
      if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
        if (word.contains("=")) {
          continue;
        }
        OptionSpec option = command.findOption(word);
        if (option != null && option.arity().max() > 0) {
          if (i + 1 == before.size()) {
            return new Slot(Place.VALUE, command, option, "", List.copyOf(positionals));
          }
          i++;
        }
        continue;
      }
      positionals.add(word);
    }
    if (!optionsEnded && current.startsWith("-")) {
      int eq = current.indexOf('=');
      if (eq > 0) {
        OptionSpec option = command.findOption(current.substring(0, eq));
        if (option != null && option.arity().max() > 0) {
          return new Slot(Place.VALUE, command, option, current.substring(0, eq + 1), List.copyOf(positionals));
        }
      }
      return new Slot(Place.OPTION, command, null, "", List.copyOf(positionals));
    }
    if (positionals.isEmpty() && !visibleSubcommands(command).isEmpty()) {
      return new Slot(Place.COMMAND, command, null, "", List.of());
    }
    PositionalParamSpec param = positionalAt(command, positionals.size());
    if (param != null) {
      return new Slot(Place.VALUE, command, param, "", List.copyOf(positionals));
    }
    return new Slot(Place.OPTION, command, null, "", List.copyOf(positionals));
  }

  /** The fixed candidates of {@code slot}: commands, options or a fixed list; dynamic kinds give none. */
  public List<Candidate> candidates(Slot slot) {
    List<Candidate> out = new ArrayList<>();
    switch (slot.place()) {
      case COMMAND -> visibleSubcommands(slot.command()).forEach(sub -> out.add(new Candidate(
          sub.name(), firstLine(sub.usageMessage().description()))));
      case OPTION -> options(slot.command()).forEach(o -> {
        for (String name : o.names()) {
          out.add(new Candidate(name, firstLine(o.description())));
        }
      });
      case VALUE -> ValueKind.fixedValues(slot.arg()).forEach(v -> out.add(new Candidate(slot.keep() + v, "")));
      default -> throw new IllegalStateException();
    }
    return out;
  }

  /** picocli's model of salesflow with every subcommand, on a context that prints nowhere: for generators. */
  public static CommandSpec allCommands() {
    StringWriter none = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(none), new PrintWriter(none), Map.of(), Path.of(""));
    return CommandTree.full(new SalesflowCommand(context)).getCommandSpec();
  }

  /** The subcommands users may see (hidden helpers left out), in declaration order. */
  public static List<CommandSpec> visibleSubcommands(CommandSpec command) {
    List<CommandSpec> subs = new ArrayList<>();
    command.subcommands().forEach((name, sub) -> {
      CommandSpec spec = sub.getCommandSpec();
      if (!spec.usageMessage().hidden() && spec.name().equals(name) && !subs.contains(spec)) {
        subs.add(spec);
      }
    });
    return subs;
  }

  /** The options users may see, the command's own first and the inherited global ones after. */
  public static List<OptionSpec> options(CommandSpec command) {
    List<OptionSpec> own = new ArrayList<>();
    List<OptionSpec> inherited = new ArrayList<>();
    for (OptionSpec o : command.options()) {
      if (!o.hidden()) {
        (o.inherited() ? inherited : own).add(o);
      }
    }
    own.addAll(inherited);
    return own;
  }

  /** The positional parameter taking the {@code index}-th positional word, or null. */
  static PositionalParamSpec positionalAt(CommandSpec command, int index) {
    for (PositionalParamSpec p : command.positionalParameters()) {
      if (!p.hidden() && p.index().contains(index)) {
        return p;
      }
    }
    return null;
  }

  private static String firstLine(String[] lines) {
    return lines == null || lines.length == 0 ? "" : lines[0];
  }
}
