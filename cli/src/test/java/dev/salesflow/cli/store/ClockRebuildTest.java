package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store keeps running clocks materialised; when the rules, the calendar or the process
 * change, reopening rebuilds them, so {@code overdue} on SQLite answers as the case files do.
 */
class ClockRebuildTest {
  /** Before a needs-record clock of ACME-2026-007 (meeting 2026-11-23 14:00) ends: 24h no, 12h yes. */
  static final String EARLY = "2026-11-24T08:00:00+08:00";

  @TempDir Path tmp;

  @Test
  void changedSettingsRebuildTheClocksOnOpen() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path config = ws.resolve("salesflow.yaml");
    String original = Files.readString(config);
    MigrateRoundTripTest.migrate(ws, null, "sqlite:cases.db");
    String before = overdue(ws, null, EARLY);
    String beforeNow = overdue(ws, null, TestWorkspaces.NOW);
    assertThat(overdue(ws, "sqlite:cases.db", EARLY)).isEqualTo(before);
    assertThat(overdue(ws, "sqlite:cases.db", TestWorkspaces.NOW)).isEqualTo(beforeNow);
    String fingerprint = fingerprint(ws);

    // a rule override: the needs record is due 12 h after the meeting instead of 24 h
    Files.writeString(config, original + "\nsla:\n  - {id: needs-record, target: 12h}\n");
    String twelve = overdue(ws, null, EARLY);
    assertThat(twelve).as("the override changes what is breached").isNotEqualTo(before)
        .contains("\"ACME-2026-007\"").contains("needs-record");
    assertThat(overdue(ws, "sqlite:cases.db", EARLY)).as("SQLite after the rule changed").isEqualTo(twelve);
    assertThat(overdue(ws, "sqlite:cases.db", TestWorkspaces.NOW)).isEqualTo(overdue(ws, null, TestWorkspaces.NOW));
    assertThat(fingerprint(ws)).isNotEqualTo(fingerprint);

    // a calendar change: 2026-11-24/25 become holidays, so working-day deadlines move
    Files.writeString(config, original + "\ncalendar: {extends: cn, holidays: [2026-11-24, 2026-11-25]}\n");
    String holidays = overdue(ws, null, TestWorkspaces.NOW);
    assertThat(holidays).as("the holidays change what is breached").isNotEqualTo(beforeNow);
    assertThat(overdue(ws, "sqlite:cases.db", TestWorkspaces.NOW)).as("SQLite after the calendar changed").isEqualTo(holidays);

    // a process change (another process file): its SLA rule targets differ
    Path process = ws.resolve("process.yaml");
    String defaultProcess = new String(getClass().getResourceAsStream("/dev/salesflow/core/process/default-process.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String changed = defaultProcess.replace("target: 24h", "target: 6h");
    assertThat(changed).isNotEqualTo(defaultProcess);
    Files.writeString(process, changed);
    Files.writeString(config, original + "\nprocess: process.yaml\n");
    String ownProcess = overdue(ws, null, EARLY);
    assertThat(ownProcess).isNotEqualTo(before);
    assertThat(overdue(ws, "sqlite:cases.db", EARLY)).as("SQLite after the process changed").isEqualTo(ownProcess);

    // and back to the original settings
    Files.writeString(config, original);
    assertThat(overdue(ws, "sqlite:cases.db", EARLY)).isEqualTo(before);
    assertThat(overdue(ws, "sqlite:cases.db", TestWorkspaces.NOW)).isEqualTo(beforeNow);
    assertThat(fingerprint(ws)).isEqualTo(fingerprint);
  }

  /** overdue --due-within 2d --format json at {@code now}, on the case files or on {@code store}. */
  private static String overdue(Path ws, String store, String now) {
    List<String> args = new java.util.ArrayList<>(List.of("-w", ws.toString(), "--now", now, "--format", "json"));
    if (store != null) {
      args.addAll(List.of("--store", store));
    }
    args.addAll(List.of("overdue", "--due-within", "2d"));
    CliRun r = CliRun.in(ws, args.toArray(String[]::new));
    assertThat(r.code()).as("%s", r).isIn(0, 1);
    return r.out();
  }

  private static String fingerprint(Path ws) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("cases.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'clock_fingerprint'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
