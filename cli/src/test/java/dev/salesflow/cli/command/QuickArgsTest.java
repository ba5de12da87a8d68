package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** QuickArgs reads what picocli reads, the same way, and leaves everything else to picocli. */
class QuickArgsTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @Test
  void itsTablesAreTheAnnotatedOptionsOfEachCommand() {
    CommandLine full = CommandTree.full(root());
    QuickArgs.COMMANDS.forEach((name, spec) -> {
      CommandSpec picocli = full.getSubcommands().get(name).getCommandSpec();
      Set<String> values = new TreeSet<>();
      Set<String> flags = new TreeSet<>();
      Set<String> lists = new TreeSet<>();
      Set<String> required = new TreeSet<>();
      for (OptionSpec option : picocli.options()) {
        if (option.inherited() || option.usageHelp() || option.versionHelp()) {
          continue;
        }
        (option.isMultiValue() ? lists : option.arity().max() > 0 ? values : flags).addAll(List.of(option.names()));
        if (option.required()) {
          required.addAll(List.of(option.names()));
        }
      }
      assertThat(new TreeSet<>(spec.values())).as(name + " value options").isEqualTo(values);
      assertThat(new TreeSet<>(spec.flags())).as(name + " flags").isEqualTo(flags);
      assertThat(new TreeSet<>(spec.repeatable())).as(name + " repeatable options").isEqualTo(lists);
      assertThat(new TreeSet<>(spec.required())).as(name + " required options").isEqualTo(required);
      assertThat(picocli.positionalParameters()).as(name + " positionals").hasSize(spec.positionals())
          .allSatisfy(p -> assertThat(p.arity().min()).isEqualTo(1))
          .allSatisfy(p -> assertThat(p.arity().max()).isEqualTo(1));
    });
  }

  @Test
  void readsThePlainSpellingsScriptsUse() {
    assertQuickAndPicocliAgree("-w", "examples", "--now", NOW, "show", "ACME-2026-001");
    assertQuickAndPicocliAgree("show", "ACME-2026-001", "--format", "JSON", "-w", "examples", "-q");
    assertQuickAndPicocliAgree("--workspace=examples", "--store=sqlite:x.db", "overdue", "--owner=Li Na", "--due-within", "36h",
        "--priority", "A", "--rule", "needs_record", "--verbose", "--no-color", "--lang", "zh");
    assertQuickAndPicocliAgree("list", "--stage", "negotiation", "--owner", "王磊", "--format", "csv");
    assertQuickAndPicocliAgree("log", "ACME-2026-001", "meeting", "--set", "a=1", "--set=b=2", "--note", "x y", "--dry-run",
        "--at", NOW, "--by", "Li");
    assertQuickAndPicocliAgree("advance", "ACME-2026-001", "--to", "lost", "--reason", "budget", "--dry-run", "--at", NOW);
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (List<String> args : List.of(
        List.<String>of(), List.of("--help"), List.of("show", "-h"), List.of("show", "--help"), List.of("-V"),
        List.of("show"), List.of("show", "a", "b"), List.of("-wexamples", "show", "x"),
        List.of("show", "x", "--format", "json", "--format", "csv"), List.of("-q", "--quiet", "show", "x"),
        List.of("-w", "a", "--workspace", "b", "show", "x"), List.of("advance", "x"), List.of("list", "--owner"),
        List.of("show", "@args"), List.of("show", "--", "x"), List.of("check"), List.of("--owner", "x", "list"),
        List.of("show", "x", "--format", "bogus"), List.of("show", ""), List.of("list", "--owner", "-w"),
        List.of("log", "x", "meeting", "--dry-run=true"), List.of("list", "--owner", "a", "--owner", "b"),
        List.of("shell"), List.of("show", "x", "--lang"), List.of("-w", "show", "show", "x"),
        List.of("--lang", "export", "show", "x"), List.of("show", "list"), List.of("-w", "a\0b", "show", "x"))) {
      assertThat(QuickArgs.read(root(), args.toArray(String[]::new))).as(String.join(" ", args)).isNull();
    }
  }

  /** Whenever QuickArgs reads an argument list, picocli reads it without error and sets the same fields. */
  @Property(tries = 10000)
  void whatQuickArgsReadsPicocliReadsTheSame(@ForAll("argumentLists") List<String> args) {
    String[] array = args.toArray(String[]::new);
    boolean quick = QuickArgs.read(root(), array) != null;
    Statistics.label("read quickly").collect(quick);
    // the property means nothing unless a good share of the lists are read quickly
    Statistics.label("read quickly").coverage(c -> c.check(true).percentage(p -> p >= 10));
    if (quick) {
      assertQuickAndPicocliAgree(array);
    }
  }

  @Provide
  Arbitrary<List<String>> argumentLists() {
    Arbitrary<String> command = Arbitraries.of("show", "list", "overdue", "log", "advance", "check", "export");
    Arbitrary<String> option = Arbitraries.of("-w", "--workspace", "--store", "--now", "--format", "--lang", "-q", "--quiet",
        "--verbose", "--no-color", "--stage", "--priority", "--owner", "--due-within", "--rule", "--at", "--by", "--note",
        "--set", "--dry-run", "--to", "--reason", "-h", "--bogus", "-V", "--", "-x");
    Arbitrary<String> value = Arbitraries.of("examples", "ACME-2026-001", "json", "JSON", "Csv", "yaml", "bogus", "a=b",
        "", "-x", "@f", "lost", "36h", "meeting", "zh", "Li Na", "王磊", NOW, "show", "list", "sqlite:x.db");
    Arbitrary<String> joined = Arbitraries.of("--format", "--owner", "--set", "--workspace", "--dry-run", "--quiet", "-w")
        .flatMap(o -> value.map(v -> o + "=" + v));
    Arbitrary<String> word = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, command), net.jqwik.api.Tuple.of(5, option),
        net.jqwik.api.Tuple.of(5, value), net.jqwik.api.Tuple.of(1, joined));
    Arbitrary<List<String>> pair = Arbitraries.oneOf(
        Arbitraries.of("-w", "--workspace", "--store", "--now", "--format", "--lang", "--stage", "--priority", "--owner",
            "--due-within", "--rule", "--at", "--by", "--note", "--set", "--to", "--reason")
            .flatMap(o -> value.map(v -> List.of(o, v))),
        Arbitraries.of("-q", "--quiet", "--verbose", "--no-color", "--dry-run").map(List::of),
        joined.map(List::of));
    // lists that start with a command and its case and go on with options and their values, so that
    // many are read quickly; and lists of any words
    return Arbitraries.oneOf(
        word.list().ofMaxSize(8),
        Arbitraries.of("show", "list", "overdue", "log", "advance").flatMap(c -> pair.list().ofMaxSize(4).map(rest -> {
          List<String> all = new ArrayList<>();
          all.add(c);
          if (!c.equals("list") && !c.equals("overdue")) {
            all.add("ACME-2026-001");
          }
          if (c.equals("log")) {
            all.add("meeting");
          }
          if (c.equals("advance")) {
            all.addAll(List.of("--to", "lost"));
          }
          rest.forEach(all::addAll);
          return all;
        })));
  }

  private static void assertQuickAndPicocliAgree(String... args) {
    SalesflowCommand quickRoot = root();
    Callable<Integer> quick = QuickArgs.read(quickRoot, args);
    assertThat(quick).as("read quickly: " + String.join(" ", args)).isNotNull();
    SalesflowCommand picocliRoot = root();
    CommandLine cli = CommandTree.full(picocliRoot);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    Object picocliCommand = parsed.subcommand().commandSpec().userObject();
    assertThat(quick).hasSameClassAs(picocliCommand);
    assertThat(fields(quickRoot)).as("global options of " + String.join(" ", args)).isEqualTo(fields(picocliRoot));
    assertThat(fields(quick)).as("options of " + String.join(" ", args)).isEqualTo(fields(picocliCommand));
  }

  /** The values of an object's annotated option and parameter fields, by name. */
  private static Map<String, Object> fields(Object command) {
    Map<String, Object> values = new java.util.TreeMap<>();
    for (Field f : command.getClass().getDeclaredFields()) {
      if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
        try {
          f.setAccessible(true);
          values.put(f.getName(), String.valueOf(f.get(command)));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(values).isNotEmpty();
    return values;
  }

  private static SalesflowCommand root() {
    return new SalesflowCommand(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        Map.of(), Path.of(".")));
  }
}
