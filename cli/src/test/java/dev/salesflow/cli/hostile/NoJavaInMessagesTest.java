package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of bad inputs (a wrong kind of value for every salesflow.yaml key, for process fields,
 * for case fields): every message names the place in the user's words, never Java's or Jackson's
 * ("Cannot deserialize value of type `java.math.BigDecimal`"), and {@code check} reports every bad
 * key of salesflow.yaml, not only the first.
 */
class NoJavaInMessagesTest {
  private static final List<String> VALUES = List.of("[1, 2]", "{a: 1}", "abc", "1e999", "-1", "true", "''");
  private static final List<String> SETTINGS_KEYS = List.of("timezone", "approval_threshold", "id_prefix", "process",
      "calendar", "sla", "store", "sources");

  @TempDir Path tmp;

  private static void assertNoJava(CliRun run, String what) {
    for (String line : run.err().lines().toList()) {
      assertThat(line).as("%s%n%s", what, run).doesNotContain("java.", "Exception", "jackson", "Jackson", "Cannot deserialize",
          "JsonToken", "START_ARRAY");
    }
    assertThat(run.out()).as("%s%n%s", what, run).doesNotContain("java.", "Exception", "Cannot deserialize");
  }

  @Test
  void everySettingsKeyWithAWrongValueIsToldInWords() throws IOException {
    int n = 0;
    for (String key : SETTINGS_KEYS) {
      for (String value : VALUES) {
        Path ws = Hostile.examplesAt(tmp.resolve("s" + n++));
        Files.writeString(ws.resolve("salesflow.yaml"), key + ": " + value + "\n", StandardCharsets.UTF_8);
        for (String[] args : new String[][] {{"check", "--sla", "off"}, {"list"}}) {
          CliRun run = Hostile.run(ws, args).assertNoStackTrace();
          assertNoJava(run, key + ": " + value + " / " + String.join(" ", args));
        }
      }
    }
  }

  @Test
  void checkReportsEveryBadSettingsKeyEachWithItsPlace() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Files.writeString(ws.resolve("salesflow.yaml"),
        "timezone: [1]\napproval_threshold: abc\nid_prefix: {a: 1}\nbogus: 1\n", StandardCharsets.UTF_8);
    CliRun check = Hostile.run(ws, "check", "--sla", "off").assertNoStackTrace();
    assertThat(check.code()).as("%s", check).isIn(1, 2);
    assertThat(check.all()).as("%s", check)
        .contains("salesflow.yaml:1:11: error: timezone must be a single value, got a sequence")
        .contains("salesflow.yaml:2:21: error: approval_threshold must be a number, got 'abc'")
        .contains("salesflow.yaml:3:12: error: id_prefix must be a single value, got a mapping")
        .contains("salesflow.yaml:4:1: error: unknown field 'bogus'");
    assertNoJava(check, "four bad keys");
  }

  @Test
  void processAndCaseFieldsWithWrongValuesAreToldInWords() throws IOException {
    List<String> processFields = List.of("stages", "transitions", "sla", "event_types", "sources", "labels", "forecast");
    int n = 0;
    for (String field : processFields) {
      for (String value : VALUES) {
        Path ws = Hostile.examplesAt(tmp.resolve("p" + n++));
        Files.writeString(ws.resolve("salesflow.yaml"), "process: process.yaml\n", StandardCharsets.UTF_8);
        Files.writeString(ws.resolve("process.yaml"), field + ": " + value + "\n", StandardCharsets.UTF_8);
        assertNoJava(Hostile.run(ws, "check", "--sla", "off").assertNoStackTrace(), "process " + field + ": " + value);
      }
    }
    Path ws = Hostile.examplesAt(tmp.resolve("cases"));
    String good = Hostile.exampleCase("BAD-1");
    List<String> caseLines = new ArrayList<>(List.of("id:", "customer:", "source:", "priority:", "owner:", "registered_at:",
        "needs:", "events:"));
    for (String line : caseLines) {
      for (String value : VALUES) {
        String bad = good.lines().map(l -> l.startsWith(line) ? line + " " + value : l)
            .reduce("", (a, b) -> a + b + "\n");
        if (line.equals("customer:") || line.equals("events:")) {
          bad = bad.lines().filter(l -> !l.startsWith("  ")).reduce("", (a, b) -> a + b + "\n");
        }
        Files.writeString(ws.resolve("cases/BAD-1.yaml"), bad, StandardCharsets.UTF_8);
        for (String[] args : new String[][] {{"check", "--sla", "off"}, {"list"}, {"show", "BAD-1"}}) {
          assertNoJava(Hostile.run(ws, args).assertNoStackTrace(), "case " + line + " " + value + " / " + String.join(" ", args));
        }
      }
    }
  }
}
