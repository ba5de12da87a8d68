package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps are years 1900 to 9999 with real dates, times and offsets: anything else is refused
 * at input and reported by check, never turned into ids such as {@code ACME--999999999-001}.
 */
class ExtremeDatesTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "--at {0}")
  @ValueSource(strings = {"0000-01-01T10:00:00+08:00", "-999999999-01-01T10:00:00+08:00", "+10000-01-01T10:00:00+08:00",
      "1899-12-31T23:59:59+08:00", "2026-02-30T10:00:00+08:00", "2026-11-03T24:00:00+08:00", "2026-11-03T10:00:00+18:30",
      "2026-11-03T10:00:00-19:00", "2026-02-30", "10000-01-01"})
  void registerAndLogRefuseThem(String at) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    CliRun register = Hostile.run(ws, "register", "--company", "Co", "--industry", "it", "--contact-name", "Ann",
        "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na", "--at", at).assertNoStackTrace();
    assertThat(register.code()).as(register.all()).isEqualTo(2);
    assertThat(register.err()).contains("from year 1900 to 9999");
    CliRun log = Hostile.run(ws, "log", "ACME-2026-003", "note", "--at", at).assertNoStackTrace();
    assertThat(log.code()).as(log.all()).isEqualTo(2);
    assertThat(log.err()).contains("from year 1900 to 9999");
    try (var files = Files.list(ws.resolve("cases"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("--") || n.startsWith("ACME-0"));
    }
  }

  @ParameterizedTest(name = "registered_at: {0}")
  @ValueSource(strings = {"0000-01-01T10:00:00+08:00", "-999999999-01-01T10:00:00+08:00", "1899-12-31T10:00:00+08:00",
      "\"+10000-01-01T10:00:00+08:00\""})
  void checkReportsThemInCaseFiles(String at) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    String text = Hostile.exampleCase("OLD-1").replace("registered_at: 2026-09-02T10:00:00+08:00", "registered_at: " + at);
    Files.writeString(ws.resolve("cases/OLD-1.yaml"), text, StandardCharsets.UTF_8);
    CliRun check = Hostile.run(ws, "check").assertNoStackTrace();
    assertThat(check.code()).as(check.all()).isEqualTo(1);
    assertThat(check.out()).contains("cases/OLD-1.yaml:").contains("bad-timestamp");
    CliRun overdue = Hostile.run(ws, "overdue").assertNoStackTrace();
    assertThat(overdue.code()).as(overdue.all()).isEqualTo(3);
    assertThat(overdue.err()).contains("OLD-1.yaml");
  }

  @Test
  void checkJobsOutOfRangeIsAUsageError() {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    for (String jobs : new String[] {"100000", "0", "-1"}) {
      CliRun run = Hostile.run(ws, "check", "--jobs", jobs).assertNoStackTrace();
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      assertThat(run.err()).contains("--jobs must be from 1 to 256, got " + jobs);
    }
  }
}
