package dev.salesflow.cli.check;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check corpus ({@code src/test/resources/check-corpus}): a workspace whose {@code cases/}
 * holds one case file per defect, and whose {@code expected/} mirrors {@code cases/} with, for each
 * case file, the finding lines {@code check} prints for it.
 */
final class Corpus {
  private Corpus() {}

  /** {@code path:line:col: severity: message [SFnnn slug]}. */
  static final Pattern HEADLINE = Pattern.compile(
      "^(?<file>\\S.*?):(?<line>\\d+):(?<col>\\d+): (?<severity>error|warning): (?<message>.*) \\[(?<code>SF\\d{3}) (?<slug>[a-z-]+)\\]$");

  static final Path CASES = Trees.CORPUS.resolve("cases");
  static final Path EXPECTED = Trees.CORPUS.resolve("expected");

  /** Each case file of the corpus, relative to {@code cases/}, with '/' separators. */
  static Stream<String> caseFiles() throws IOException {
    return Trees.files(CASES).stream()
        .map(p -> p.toString().replace('\\', '/'))
        .filter(p -> p.endsWith(".yaml"));
  }

  static Path expectedFileOf(String caseFile) {
    return EXPECTED.resolve(caseFile.substring(0, caseFile.length() - ".yaml".length()) + ".txt");
  }

  /** The expected lines for {@code caseFile}; {@code {ws}} in them stands for the workspace folder {@code ws}. */
  static List<String> expected(String caseFile, Path ws) throws IOException {
    return Files.readAllLines(expectedFileOf(caseFile), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isEmpty())
        .map(l -> l.replace("{ws}", ws.toString()))
        .toList();
  }

  /** The finding lines of a text-format run (not the source lines and carets under them). */
  static List<String> headlines(CliRun run) {
    return run.outLines().stream().filter(l -> HEADLINE.matcher(l).matches()).toList();
  }
}
