package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad row, written into the SQLite store of the example workspace by another program (here
 * JDBC, as the {@code sqlite3} shell would), beside 13 good cases: every command that reads the
 * rows of many cases serves the 13, names the bad case once on stderr as {@code check} names a
 * database's finding ({@code cases.db:1:1: error: ACME-2026-001: table events, row seq 19, column
 * fields: …}), and exits 3; a command on the bad case itself refuses naming it and writes nothing;
 * one on another case does not notice it. The fast paths that read no event (overdue's clock
 * index, the SQL reports, list in json and csv) never crash on a bad event row; they do not see it.
 */
class BadRowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAD = "ACME-2026-001";

  @TempDir Path tmp;

  /** Bad values of the events table: only reads that replay the case see them. */
  static Stream<Arguments> badEventRows() {
    String signed = " WHERE case_id = '" + BAD + "' AND type = 'contract_signed'";
    return Stream.of(
        Arguments.of("huge amount", "UPDATE events SET fields = json_set(fields, '$.amount', '1e2147483647')" + signed,
            "table events, row seq 19, column fields: field 'amount' must be a number from 0 to"),
        Arguments.of("negative amount", "UPDATE events SET fields = json_set(fields, '$.amount', '-5000000')" + signed,
            "table events, row seq 19, column fields: field 'amount' must be a number from 0 to"),
        Arguments.of("unparsable timestamp", "UPDATE events SET at = '2026-13-45T25:00:00+08:00'" + signed,
            "table events, row seq 19, column at: unreadable timestamp '2026-13-45T25:00:00+08:0…'"),
        Arguments.of("bad JSON in fields", "UPDATE events SET fields = '{not json'" + signed,
            "table events, row seq 19, column fields: not a JSON object of texts: '{not json'"),
        Arguments.of("a field without a value", "UPDATE events SET fields = '{\"amount\": null}'" + signed,
            "table events, row seq 19, column fields: not a JSON object of texts"),
        Arguments.of("unknown stage in to", "UPDATE events SET fields = json_set(fields, '$.to', 'nowhere')"
            + " WHERE case_id = '" + BAD + "' AND seq = 20",
            "table events, row seq 20, column fields: field 'to' names no stage: 'nowhere'"),
        Arguments.of("unknown event type", "UPDATE events SET type = 'bogus'" + signed,
            "table events, row seq 19, column type: unknown event type 'bogus'"));
  }

  /** Bad values of the cases table: every read of the registration sees them, the fast paths too. */
  static Stream<Arguments> badCaseRows() {
    return Stream.of(
        Arguments.of("priority outside A, B, C", "UPDATE cases SET priority = 'Z' WHERE id = '" + BAD + "'",
            "table cases, column priority: priority must be A, B or C, got 'Z'"),
        Arguments.of("unparsable registered_at", "UPDATE cases SET registered_at = 'yesterday' WHERE id = '" + BAD + "'",
            "table cases, column registered_at: unreadable timestamp 'yesterday'"));
  }

  /** Bad values of the columns list reads from its fast path (priority, owner, company, stage). */
  static Stream<Arguments> badListedRows() {
    return badCaseRows().filter(a -> a.get()[0].toString().startsWith("priority"));
  }

  static Stream<Arguments> badRows() {
    return Stream.concat(badEventRows(), badCaseRows());
  }

  private Path workspaceWith(String sql) throws Exception {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    CliRun migrate = CliRun.in(ws, "migrate", "--to", "sqlite:cases.db");
    assertThat(migrate.code()).as("%s", migrate).isZero();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("cases.db"));
        Statement s = db.createStatement()) {
      s.executeUpdate(sql);
      assertThat(s.executeQuery("SELECT changes()").getInt(1)).as("one row changed: %s", sql).isEqualTo(1);
    }
    return ws;
  }

  private static CliRun run(Path ws, String... args) {
    return Hostile.run(ws, Stream.concat(Stream.of("--store", "sqlite:cases.db"), Stream.of(args)).toArray(String[]::new))
        .assertNoStackTrace();
  }

  /** Every row of cases and events, as text: equal dumps mean nothing was written to them. */
  private static List<String> dump(Path ws) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("cases.db"));
        Statement s = db.createStatement()) {
      for (String table : List.of("cases", "events")) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= n; i++) {
              row.append('|').append(rs.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }

  /** Bad values of the columns salesflow derives from the events and keeps for the reports. */
  static Stream<Arguments> badKeptColumns() {
    String bad = " WHERE id = '" + BAD + "'";
    return Stream.of(
        Arguments.of("no stage", "UPDATE cases SET stage = NULL" + bad, "table cases, column stage: no stage"),
        Arguments.of("a contract value that is no amount", "UPDATE cases SET contract_value = '1e2147483647'" + bad,
            "table cases, column contract_value: must be a number from 0 to"),
        Arguments.of("a deal value that is no amount", "UPDATE cases SET deal_value = '-5'" + bad,
            "table cases, column deal_value: must be a number from 0 to"),
        Arguments.of("unknown years that are no years", "UPDATE cases SET unknown_years = '20x7'" + bad,
            "table cases, column unknown_years: not years separated by commas: '20x7'"),
        Arguments.of("an unreadable stage entry", "UPDATE cases SET entered_at = 'soon'" + bad,
            "table cases, column entered_at: unreadable timestamp 'soon'"));
  }

  /** A report over aggregates cannot leave one case out: it refuses, naming the case and column, exit 3. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badKeptColumns")
  void aReportRefusesABadKeptColumnNamingTheCase(String kind, String sql, String problem) throws Exception {
    Path ws = workspaceWith(sql);
    for (String[] args : new String[][] {{"report", "all"}, {"--format", "json", "report", "all"}}) {
      CliRun run = run(ws, args);
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      assertThat(run.err()).as(what).startsWith("cases.db:1:1: error: " + BAD + ": " + problem).doesNotContain("Exception");
    }
    CliRun overdue = run(ws, "overdue");
    assertThat(overdue.code()).as("overdue reads no report column: %s", overdue).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void everyReadOfTheRowsServesTheOtherCasesAndNamesTheBadOneOnce(String kind, String sql, String problem) throws Exception {
    Path ws = workspaceWith(sql);
    String named = "cases.db:1:1: error: " + BAD + ": " + problem;
    List<String[]> reads = new ArrayList<>(List.<String[]>of(new String[] {"list"}, new String[] {"list", "--owner", "zhang.wei"},
        new String[] {"--format", "yaml", "list"}, new String[] {"export", "--events", "-"}));
    if (badCaseRows().anyMatch(a -> a.get()[0].equals(kind))) {
      reads.add(new String[] {"export", "-"});
    }
    if (badListedRows().anyMatch(a -> a.get()[0].equals(kind))) {
      reads.add(new String[] {"--format", "csv", "list"});
    }
    for (String[] args : reads) {
      CliRun run = run(ws, args);
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      assertThat(run.err().lines().filter(l -> l.startsWith(named))).as(what).hasSize(1);
      assertThat(run.err().lines().filter(l -> l.contains(": error: "))).as(what).hasSize(1);
      assertThat(run.out()).as(what).doesNotContain(BAD).containsPattern("ACME-2026-0(0[2-9]|1[0-4])");
    }
    CliRun check = run(ws, "check", "--sla", "off");
    assertThat(check.code()).as("check reports the row as a finding: %s", check).isEqualTo(1);
    assertThat(check.out().lines().filter(l -> l.startsWith(named))).as("%s", check).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badListedRows")
  void jsonStaysValidAndTheBadRowIsAJsonLineOnStderr(String kind, String sql, String problem) throws Exception {
    Path ws = workspaceWith(sql);
    for (String[] args : new String[][] {{"list"}, {"list", "--stage", "delivery"}}) {
      CliRun run = run(ws, Stream.concat(Stream.of("--format", "json"), Stream.of(args)).toArray(String[]::new));
      String what = kind + ": salesflow --format json " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      JsonNode out = JSON.readTree(run.out());
      assertThat(out.isArray()).as(what).isTrue();
      assertThat(run.out()).as(what).doesNotContain(BAD);
      List<String> lines = run.err().lines().toList();
      assertThat(lines).as(what).hasSize(1);
      JsonNode skipped = JSON.readTree(lines.get(0));
      assertThat(skipped.get("skipped").asBoolean()).as(what).isTrue();
      assertThat(skipped.get("file").asText()).isEqualTo("cases.db");
      assertThat(skipped.get("case").asText()).isEqualTo(BAD);
      assertThat(skipped.get("code").asText()).isEqualTo("SF104");
      assertThat(skipped.get("message").asText()).startsWith(BAD + ": " + problem);
    }
    assertThat(JSON.readTree(run(ws, "--format", "json", "list").out())).as("the 13 good cases").hasSize(13);
  }

  /** What a fast path cannot see it still must not crash on: it serves every case from what salesflow last wrote. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badEventRows")
  void theFastPathsThatReadNoEventNeverCrashOnABadEventRow(String kind, String sql, String problem) throws Exception {
    Path ws = workspaceWith(sql);
    CliRun overdue = run(ws, "overdue");
    assertThat(overdue.code()).as("%s", overdue).isEqualTo(1);
    assertThat(overdue.out()).as("breaches of the good cases are still reported").contains("ACME-2026-005");
    for (String[] args : new String[][] {{"report", "funnel"}, {"--format", "json", "report", "all"},
        {"--format", "json", "overdue"}, {"--format", "json", "list"}}) {
      CliRun run = run(ws, args);
      assertThat(run.code()).as("%s: %s", String.join(" ", args), run).isIn(0, 1);
      JsonNode ignored = args[0].equals("--format") ? JSON.readTree(run.out()) : null;
      assertThat(run.err()).as("%s", run).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void theBadCaseItselfIsRefusedNamingItAndAnotherCaseIsNotDisturbed(String kind, String sql, String problem) throws Exception {
    Path ws = workspaceWith(sql);
    List<String> before = dump(ws);
    for (String[] args : new String[][] {{"show", BAD}, {"log", BAD, "contacted", "--by", "zhang.wei", "--at", "2026-11-26T10:00:00+08:00"},
        {"advance", BAD, "--to", "after_sales", "--by", "zhang.wei", "--at", "2026-11-26T10:00:00+08:00"}}) {
      CliRun run = run(ws, args);
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      assertThat(run.err()).as(what).contains("cases.db:1:1: error: " + BAD + ": " + problem);
      assertThat(run.out()).as(what).isEmpty();
    }
    assertThat(dump(ws)).as("nothing written to the database").isEqualTo(before);
    CliRun show = run(ws, "show", "ACME-2026-002");
    assertThat(show.code()).as("%s", show).isZero();
    assertThat(show.err()).isEmpty();
    CliRun log = run(ws, "log", "ACME-2026-005", "contacted", "--by", "zhang.wei", "--at", "2026-11-26T10:00:00+08:00");
    assertThat(log.code()).as("%s", log).isZero();
    assertThat(log.err()).doesNotContain(BAD);
  }
}
