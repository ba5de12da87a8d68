package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What users read, pinned: each {@code golden/NAME.cmd} (first line {@code # exit N}, then the
 * arguments; {@code {ws}} is a copy of the example workspace) must print exactly {@code
 * NAME.out} on stdout. Run with {@code -Dgolden.update=true} to rewrite the .out files after an
 * intended change, and review the diff.
 */
class GoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".cmd"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatTheGoldenFileSays(String name) throws IOException {
    Path ws = tmp.resolve("ws");
    TestWorkspaces.examplesAt(ws);
    List<String> lines = Files.readAllLines(GOLDEN.resolve(name + ".cmd"), StandardCharsets.UTF_8);
    int expectedCode = Integer.parseInt(lines.get(0).replace("# exit", "").strip());
    List<String> args = new ArrayList<>();
    Matcher m = ARG.matcher(lines.get(1));
    while (m.find()) {
      args.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("{ws}", ws.toString()));
    }
    CliRun run = CliRun.in(tmp, Map.of("LANG", "en_US.UTF-8"), args.toArray(String[]::new));
    Path expected = GOLDEN.resolve(name + ".out");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(expectedCode);
    assertThat(expected).as("golden file %s.out is missing", name).exists();
    assertThat(run.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void everyOutputFileHasItsCommand() throws IOException {
    Set<String> commands = cases().collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<String> orphans = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".out"))
          .map(n -> n.substring(0, n.length() - 4))
          .filter(n -> !commands.contains(n))
          .toList();
      assertThat(orphans).as("golden .out files without a .cmd").isEmpty();
    }
  }

}
