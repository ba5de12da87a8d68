package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour runs as written, on any day: each line in turn (continuations joined, {@code cd}
 * followed) in a fresh folder, each exiting as its comment says ({@code exit 1}, else 0) and
 * printing what it says it prints. Lines are read as {@code batch} reads them, as a POSIX shell would.
 */
class ReadmeTourTest {
  private static final Pattern EXIT = Pattern.compile("\\bexit (\\d)\\b");
  private static final Pattern PRINTS = Pattern.compile("\\bprints (\\S+)");

  @TempDir Path dir;

  @Test
  void theTourRunsAsWritten() throws IOException {
    List<String> lines = tour();
    assertThat(lines).as("the tour's lines").hasSizeGreaterThan(8);
    Path cwd = dir;
    int run = 0;
    for (String line : lines) {
      int hash = line.indexOf("  #");
      String command = (hash < 0 ? line : line.substring(0, hash)).strip();
      String comment = hash < 0 ? "" : line.substring(hash + 3);
      if (command.startsWith("cd ")) {
        cwd = cwd.resolve(command.substring(3).strip());
        continue;
      }
      List<String> words = BatchLine.of(1, command.replaceFirst("^\\./salesflow", "salesflow")).words();
      CliRun r = CliRun.in(cwd, words.toArray(String[]::new));
      Matcher exit = EXIT.matcher(comment);
      int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
      assertThat(r.code()).as("%s%n%s", line, r).isEqualTo(expected);
      Matcher prints = PRINTS.matcher(comment);
      if (prints.find()) {
        assertThat(r.out().strip()).as(line).isEqualTo(prints.group(1));
      }
      run++;
    }
    assertThat(run).isEqualTo(lines.size() - 1); // all but the cd
    assertThat(dir.resolve("acme/cases/SF-2026-001.yaml")).content(StandardCharsets.UTF_8)
        .contains("type: meeting", "type: requirements_recorded");
  }

  /** The commands of the README's tour block, continuation lines joined. */
  private static List<String> tour() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```sh\n", readme.indexOf("\n## A tour\n")) + "```sh\n".length();
    String block = readme.substring(start, readme.indexOf("\n```", start));
    List<String> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : block.split("\n")) {
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1);
        continue;
      }
      lines.add(pending.append(line).toString());
      pending.setLength(0);
    }
    return lines;
  }
}
