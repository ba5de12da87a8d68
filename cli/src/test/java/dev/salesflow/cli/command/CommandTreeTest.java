package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which subcommands a run builds (GoldenTest checks that help and output stay the same), and the
 * formats each one's help offers.
 */
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

  /**
   * What {@code --help} lists as a command's formats is what it accepts: every other format is
   * refused with the same message, before or after the command's name.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list", "show ACME-2026-001", "overdue", "report funnel", "check", "export -"})
  void aCommandsHelpListsExactlyTheFormatsItAccepts(String command, @TempDir Path tmp) {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    List<String> words = List.of(command.split(" "));
    CliRun help = CliRun.in(ws, words.get(0), "--help");
    Matcher line = Pattern.compile("--format=FORMAT\\s+Output format: ([a-z]+(?:, [a-z]+)*)").matcher(help.out());
    assertThat(line.find()).as(help.out()).isTrue();
    List<String> listed = List.of(line.group(1).split(", "));
    for (Format format : Format.values()) {
      List<String> after = new ArrayList<>(words);
      after.addAll(List.of("--now", TestWorkspaces.NOW, "--format", format.label()));
      CliRun run = CliRun.in(ws, after.toArray(String[]::new));
      if (listed.contains(format.label())) {
        assertThat(run.code()).as("%s --format %s: %s", command, format.label(), run).isIn(0, 1);
        assertThat(run.err()).doesNotContain("--format");
      } else {
        assertThat(run.code()).as("%s --format %s: %s", command, format.label(), run).isEqualTo(2);
        assertThat(run.err()).contains("--format " + format.label() + " is not supported here");
        List<String> before = new ArrayList<>(List.of("--format", format.label()));
        before.addAll(words);
        assertThat(CliRun.in(ws, before.toArray(String[]::new)).err()).as("before the command")
            .isEqualTo(run.err());
      }
    }
  }

  @Test
  void aCommandThatTakesNoFormatDoesNotShowTheOptionButStillAcceptsIt(@TempDir Path tmp) {
    CliRun help = CliRun.in(tmp, "migrate", "--help");
    assertThat(help.out()).contains("--store").doesNotContain("--format");
    assertThat(CliRun.in(tmp, "init", "acme", "--format", "json").code()).isZero();
  }
}
