package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary tables always hold what a GROUP BY over the rows gives: after inserts one by one and
 * in batches, appends that change a case's stage, clocks and contract value, a hand edit with the
 * sqlite3 shell, deleting everything, and after an old database (schema 4) is upgraded.
 */
class ReportSummariesTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));
  /** Each summary as kept, and as counted from the rows. */
  private static final List<String[]> SUMMARIES = List.of(
      new String[] {"SELECT owner, stage, reached, lost_from, lost_reason, unknown_years, n FROM report_counts",
          "SELECT owner, stage, reached, lost_from, lost_reason, unknown_years, count(*) FROM cases"
              + " GROUP BY owner, stage, reached, lost_from, lost_reason, unknown_years"},
      new String[] {"SELECT owner, stage, contract_value, n FROM report_values",
          "SELECT owner, stage, contract_value, count(*) FROM cases WHERE contract_value IS NOT NULL"
              + " GROUP BY owner, stage, contract_value"},
      new String[] {"SELECT rule, owner, state, n FROM report_clock_counts",
          "SELECT rule, owner, state, count(*) FROM report_clocks GROUP BY rule, owner, state"},
      new String[] {"SELECT owner, stage, deal_value, n FROM report_deal_values",
          "SELECT owner, stage, deal_value, count(*) FROM cases GROUP BY owner, stage, deal_value"});

  @TempDir Path root;
  Workspace workspace;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: sqlite:cases.db\n");
    workspace = Workspace.open(root);
  }

  @Test
  void summariesEqualTheRowsCountedAfterEveryKindOfWrite() throws Exception {
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
      store.createAll(List.of(newCase("ACME-2026-002", "li.na", Priority.B), newCase("ACME-2026-003", null, Priority.C),
          newCase("ACME-2026-004", "li.na", Priority.A)).iterator(), n -> { });
      assertSummariesMatch(3, 2); // zhang.wei, li.na, no owner: all in lead; clocks running
      store.append("ACME-2026-002", c -> event(10, "contacted", Map.of()));
      store.append("ACME-2026-002", c -> event(20, "meeting", Map.of()));
      store.append("ACME-2026-002", c -> event(30, "requirements_recorded", Map.of()));
      store.append("ACME-2026-003", c -> event(25, "estimated", Map.of("amount", "80000")));
      store.append("ACME-2026-004", c -> event(40, "contacted", Map.of()));
      store.append("ACME-2026-004", c -> event(50, Event.ADVANCE, Map.of("to", "lost", "reason", "预算不足")));
      assertSummariesMatch(4, 2);
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      assertThat(rows(s, "SELECT id, deal_value FROM cases WHERE deal_value IS NOT NULL")).containsExactly("ACME-2026-003|80000");
      assertThat(rows(s, "SELECT deal_value, n FROM report_deal_values WHERE stage = 'lost'")).as("an ended deal has no value")
          .containsExactly("NULL|1");
      assertThat(rows(s, "SELECT stage, sum(n) FROM report_counts GROUP BY stage ORDER BY stage"))
          .containsExactly("lead|3", "lost|1");
      assertThat(rows(s, "SELECT lost_reason, n FROM report_counts WHERE stage = 'lost'")).containsExactly("预算不足|1");
      // the sqlite3 shell hands a case to another owner, values a contract by hand, deletes one
      s.execute("UPDATE cases SET owner = 'wang.fang' WHERE id = 'ACME-2026-001'");
      s.execute("UPDATE report_clocks SET owner = 'wang.fang' WHERE case_id = 'ACME-2026-001'");
      s.execute("UPDATE cases SET contract_value = '120000' WHERE id IN ('ACME-2026-002', 'ACME-2026-003')");
      s.execute("UPDATE cases SET contract_value = '99.5' WHERE id = 'ACME-2026-002'");
      s.execute("UPDATE cases SET deal_value = '80000' WHERE id = 'ACME-2026-001'");
      s.execute("DELETE FROM report_clocks WHERE case_id = 'ACME-2026-003'");
      assertSummariesMatch(s, 4, 2);
      assertThat(rows(s, "SELECT owner, contract_value, n FROM report_values ORDER BY contract_value"))
          .containsExactly("NULL|120000|1", "li.na|99.5|1");
      s.execute("DELETE FROM events");
      s.execute("DELETE FROM clocks");
      s.execute("DELETE FROM report_clocks");
      s.execute("DELETE FROM cases");
      for (String[] summary : SUMMARIES) {
        assertThat(rows(s, summary[0])).as("emptied with the rows: " + summary[0]).isEmpty();
      }
    }
  }

  @Test
  void aBulkLoadCountsItsBatchesOnceAndLeavesTheTriggersAsTheyWere() throws Exception {
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-0001", "li.na", Priority.A));
      List<Case> cases = new ArrayList<>();
      for (int i = 2; i <= BulkLoad.BATCH + 7; i++) { // two batches, combinations old and new
        List<Event> events = new ArrayList<>();
        if (i % 5 == 0) { // imported mid-process with its contract value
          events.add(event(5, Event.OPENED, Map.of("to", "negotiation", "reason", "imported", "amount", "5000")));
        } else {
          events.add(event(10, "contacted", Map.of()));
        }
        if (i % 2 == 0) {
          events.add(event(20, "estimated", Map.of("amount", String.valueOf(1000 * (i % 4)))));
        }
        if (i % 7 == 0) {
          events.add(event(40, Event.ADVANCE, Map.of("to", "lost", "reason", "预算不足")));
        }
        Case c = newCase("ACME-2026-%04d".formatted(i), i % 3 == 0 ? null : "li.na", Priority.B);
        cases.add(new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), events));
      }
      store.createAll(cases.iterator(), n -> { });
      assertSummariesMatch(4, 2);
      assertThatThrownBy(() -> store.createAll(List.of(newCase("ACME-2026-9000", "wang.fang", Priority.C),
          newCase("ACME-2026-0001", "li.na", Priority.A)).iterator(), n -> { }))
          .as("a taken id refuses its batch").isInstanceOf(InvalidRequestException.class);
      store.append("ACME-2026-0001", c -> event(50, Event.ADVANCE, Map.of("to", "lost", "reason", "预算不足")));
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      assertSummariesMatch(s, 4, 2);
      assertThat(rows(s, "SELECT count(*) FROM cases")).containsExactly(String.valueOf(BulkLoad.BATCH + 7));
      assertThat(rows(s, "SELECT count(*) > 1 FROM report_values")).as("contract values counted").containsExactly("1");
      assertThat(rows(s, "SELECT count(*) > 1 FROM report_deal_values WHERE deal_value IS NOT NULL")).containsExactly("1");
      assertThat(rows(s, "SELECT n FROM report_counts WHERE owner = 'li.na' AND stage = 'lost' AND lost_from = 'lead'"))
          .as("the single write after the bulk load counted by its trigger").hasSize(1);
      assertThat(rows(s, "SELECT count(*) FROM cases WHERE owner = 'wang.fang'")).containsExactly("0");
      List<String> triggers = rows(s, "SELECT name || '|' || sql FROM sqlite_master WHERE type = 'trigger'");
      assertThat(sorted(triggers)).isEqualTo(sorted(ReportSummaries.TRIGGERS.entrySet().stream()
          .map(t -> t.getKey() + "|" + t.getValue()).toList()));
    }
  }

  @Test
  void aSchemaFourDatabaseGetsItsSummariesFilledWhenOpened() throws Exception {
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
      store.create(newCase("ACME-2026-002", "li.na", Priority.B));
      store.append("ACME-2026-002", c -> event(10, "contacted", Map.of()));
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      // schemas 6 and 7 (the registration as first written, the index of imported cases) undone too
      s.execute("DROP INDEX events_opened");
      s.execute("ALTER TABLE cases DROP COLUMN written");
      SqliteSchemaMigrationTest.dropDealValues(s);
      SqliteSchemaMigrationTest.dropReportSummaries(s);
      s.execute("PRAGMA user_version = 4");
    }
    try (CaseStore store = workspace.openStore()) {
      assertSummariesMatch(2, 2);
      store.append("ACME-2026-001", c -> event(20, "meeting", Map.of()));
      assertSummariesMatch(2, 2);
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      assertThat(rows(s, "PRAGMA user_version")).containsExactly(String.valueOf(SqliteSchema.VERSION));
      assertThat(rows(s, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
          .containsExactly(String.valueOf(ReportSummaries.TRIGGERS.size()));
    }
  }

  @Test
  void aSchemaSevenDatabaseGetsTheDealValuesOfItsCasesWhenOpened() throws Exception {
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
      store.create(newCase("ACME-2026-002", "li.na", Priority.B));
      store.append("ACME-2026-002", c -> event(10, "estimated", Map.of("amount", "250000.50")));
      store.append("ACME-2026-002", c -> event(20, "estimated", Map.of("amount", "300000")));
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      SqliteSchemaMigrationTest.dropDealValues(s);
      s.execute("PRAGMA user_version = 7");
    }
    try (CaseStore store = workspace.openStore()) {
      assertSummariesMatch(2, 2);
    }
    try (Connection c = db(); Statement s = c.createStatement()) {
      assertThat(rows(s, "PRAGMA user_version")).containsExactly(String.valueOf(SqliteSchema.VERSION));
      assertThat(rows(s, "SELECT id, deal_value FROM cases ORDER BY id"))
          .as("the latest estimate, filled in for a case written before the column was")
          .containsExactly("ACME-2026-001|NULL", "ACME-2026-002|300000");
      assertThat(rows(s, "SELECT owner, deal_value, n FROM report_deal_values ORDER BY owner"))
          .containsExactly("li.na|300000|1", "zhang.wei|NULL|1");
    }
  }

  private Connection db() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
  }

  /** Every summary equals the rows counted, with at least {@code counts} and {@code clocks} rows in the first and last. */
  private void assertSummariesMatch(int counts, int clocks) throws Exception {
    try (Connection c = db(); Statement s = c.createStatement()) {
      assertSummariesMatch(s, counts, clocks);
    }
  }

  private static void assertSummariesMatch(Statement s, int counts, int clocks) throws Exception {
    for (String[] summary : SUMMARIES) {
      assertThat(sorted(rows(s, summary[0]))).as(summary[0]).isEqualTo(sorted(rows(s, summary[1])));
    }
    assertThat(rows(s, SUMMARIES.get(0)[0])).hasSizeGreaterThanOrEqualTo(counts);
    assertThat(rows(s, SUMMARIES.get(2)[0])).hasSizeGreaterThanOrEqualTo(clocks);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(rs.getString(i) == null ? "NULL" : rs.getString(i)));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }

  private static Event event(int minutes, String type, Map<String, String> fields) {
    return new Event(T0.plusMinutes(minutes), type, "li.na", null, fields);
  }

  private static Case newCase(String id, String owner, Priority priority) {
    return new Case(id, new Customer("苏州精工机械有限公司", "manufacturing", null, new Contact("王磊", null, "+86 512 5555 0101", null)),
        "exhibition", priority, owner, T0, null, List.of());
  }
}
