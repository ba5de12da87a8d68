package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** Which subcommands a run builds (GoldenTest checks that help and output stay the same). */
class CommandTreeTest {
  private static final List<String> ALL = List.copyOf(CommandTree.SUBCOMMANDS.keySet());

  @Test
  void namesAreTheCommandsOwnNames() {
    CommandTree.SUBCOMMANDS.forEach((name, type) ->
        assertThat(type.getAnnotation(Command.class).name()).as(type.getSimpleName()).isEqualTo(name));
  }

  @Test
  void aRunBuildsOnlyTheSubcommandItNames() {
    assertThat(CommandTree.needed("show", "X")).containsExactly("show");
    assertThat(CommandTree.needed("-w", "examples", "--now", "2026-11-26T18:00", "show", "X", "--format", "json"))
        .containsExactly("show");
    assertThat(CommandTree.needed("--workspace=examples", "-q", "--no-color", "list")).containsExactly("list");
    assertThat(CommandTree.needed("--format", "show", "list")).containsExactly("list");
    assertThat(CommandTree.needed("__complete", "case")).containsExactly("__complete");
  }

  @Test
  void theGlobalOptionListsAreTheRootCommandsOptions() {
    CommandLine root = CommandTree.full(new SalesflowCommand(new CliContext(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), Path.of("."))));
    Set<String> values = new TreeSet<>();
    Set<String> flags = new TreeSet<>();
    for (OptionSpec option : root.getCommandSpec().options()) {
      (option.arity().max() > 0 ? values : flags).addAll(List.of(option.names()));
    }
    assertThat(values).isEqualTo(new TreeSet<>(CommandTree.VALUE_OPTIONS));
    Set<String> known = new TreeSet<>(CommandTree.FLAGS);
    known.addAll(CommandTree.VERSION);
    known.addAll(List.of("-h", "--help"));
    assertThat(flags).isEqualTo(known);
  }

  @Test
  void versionAloneBuildsNoSubcommand() {
    assertThat(CommandTree.needed("--version")).isEmpty();
    assertThat(CommandTree.needed("-q", "-V")).isEmpty();
  }

  @Test
  void helpTheShellAndAnythingUnclearBuildEverySubcommand() {
    assertThat(CommandTree.needed()).isEqualTo(ALL);
    assertThat(CommandTree.needed("--help")).isEqualTo(ALL);
    assertThat(CommandTree.needed("-h", "show")).isEqualTo(ALL);
    assertThat(CommandTree.needed("shell")).isEqualTo(ALL);
    assertThat(CommandTree.needed("shwo", "X")).isEqualTo(ALL);
    assertThat(CommandTree.needed("-wexamples", "show")).isEqualTo(ALL);
    assertThat(CommandTree.needed("-w")).isEqualTo(ALL);
    assertThat(CommandTree.needed("--", "show")).isEqualTo(ALL);
    assertThat(CommandTree.needed("@args.txt")).isEqualTo(ALL);
  }
}
