package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database of schema 1 (clocks without their case's columns) is brought to the current schema on open. */
class SqliteSchemaMigrationTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));

  @TempDir Path root;

  @Test
  void schemaOneIsMigratedAndAnswersTheSameDeadlines() throws Exception {
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: sqlite:cases.db\n");
    Workspace workspace = Workspace.open(root);
    List<IndexedClock> before;
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
      store.create(newCase("ACME-2026-002", "li.na", Priority.B));
      store.append("ACME-2026-002", c -> new Event(T0.plusMinutes(10), "contacted", "li.na", null, Map.of()));
      store.create(newCase("ACME-2026-003", null, Priority.C));
      before = store.runningClocksDueBefore(Instant.parse("2027-01-01T00:00:00Z")).orElseThrow();
    }
    assertThat(before).extracting(IndexedClock::caseId).contains("ACME-2026-001", "ACME-2026-003");
    downgradeToSchemaOne(root.resolve("cases.db"));
    try (CaseStore store = workspace.openStore()) {
      assertThat(store.runningClocksDueBefore(Instant.parse("2027-01-01T00:00:00Z")).orElseThrow()).isEqualTo(before);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
        Statement s = c.createStatement()) {
      assertThat(strings(s, "PRAGMA user_version")).containsExactly(String.valueOf(SqliteSchema.VERSION));
      // the report facts are filled for the cases that were there before
      assertThat(strings(s, "SELECT count(*) FROM cases WHERE as_of_unix IS NULL OR entered_at IS NULL")).containsExactly("0");
      assertThat(strings(s, "SELECT count(DISTINCT case_id) FROM report_clocks")).containsExactly("3");
      // the queries overdue runs: a range scan of the rebuilt index on due time, no table lookups
      for (String scan : List.of(ClockScan.SEPARATED, ClockScan.PREFIXED)) {
        assertThat(plan(c, scan)).as(scan).anySatisfy(step -> assertThat(step).contains("COVERING INDEX clocks_by_due"));
      }
    }
  }

  private static List<String> plan(Connection c, String query) throws Exception {
    List<String> steps = new ArrayList<>();
    try (java.sql.PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + query)) {
      p.setLong(1, 0);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          steps.add(rs.getString(rs.getMetaData().getColumnCount()));
        }
      }
    }
    return steps;
  }

  @Test
  void processesOpeningANewOrOldDatabaseAtOnceAllSucceed() throws Exception {
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: sqlite:cases.db\n");
    Workspace workspace = Workspace.open(root);
    openAtOnce(workspace, 8); // a new file: every opener finds schema 0
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
    }
    downgradeToSchemaOne(root.resolve("cases.db"));
    openAtOnce(workspace, 8); // schema 1: every opener would upgrade it
    try (CaseStore store = workspace.openStore()) {
      assertThat(store.ids()).containsExactly("ACME-2026-001");
    }
  }

  @Test
  void schemaTwoGainsTheSentLogOfNotify() throws Exception {
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: sqlite:cases.db\n");
    Workspace workspace = Workspace.open(root);
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001", "zhang.wei", Priority.A));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
        Statement s = c.createStatement()) {
      dropReportFacts(s);
      s.execute("DROP TABLE notify_sent");
      s.execute("PRAGMA user_version = 2");
    }
    dev.salesflow.core.store.SentNotice sent = new dev.salesflow.core.store.SentNotice("ACME-2026-001", "first-contact",
        Instant.parse("2026-11-02T01:30:00.250Z"), 2, "liu.yang");
    try (CaseStore store = workspace.openStore()) {
      assertThat(store.sentLog().orElseThrow().sent()).isEmpty();
      store.sentLog().orElseThrow().record(List.of(sent, sent));
    }
    try (CaseStore store = workspace.openStore()) {
      assertThat(store.sentLog().orElseThrow().sent()).containsExactly(sent);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
        Statement s = c.createStatement()) {
      assertThat(strings(s, "PRAGMA user_version")).containsExactly(String.valueOf(SqliteSchema.VERSION));
    }
  }

  /** Schema 5 undone: no report summaries, their triggers or the indexes the reports read. */
  static void dropReportSummaries(Statement s) throws Exception {
    for (String trigger : ReportSummaries.TRIGGERS.keySet()) {
      s.execute("DROP TRIGGER IF EXISTS " + trigger);
    }
    for (String table : List.of("report_counts", "report_values", "report_clock_counts")) {
      s.execute("DROP TABLE " + table);
    }
    s.execute("DROP INDEX cases_by_stage_entered");
    s.execute("DROP INDEX report_clocks_running");
  }

  /** Schema 8 undone: no deal values on cases nor their summary, an older clock fingerprint. */
  static void dropDealValues(Statement s) throws Exception {
    for (String trigger : ReportSummaries.TRIGGERS.keySet()) {
      if (trigger.startsWith("report_deal_values_")) {
        s.execute("DROP TRIGGER " + trigger);
      }
    }
    s.execute("DROP TABLE report_deal_values");
    s.execute("ALTER TABLE cases DROP COLUMN deal_value");
    s.execute("UPDATE meta SET value = 'an older fingerprint' WHERE key = 'clock_fingerprint'");
  }

  /**
   * Schemas 4 to 8 undone: no report facts on cases, no report_clocks, an older clock fingerprint,
   * no registration as first written, no index of imported cases, no deal values.
   */
  private static void dropReportFacts(Statement s) throws Exception {
    dropDealValues(s);
    s.execute("DROP INDEX events_opened");
    s.execute("ALTER TABLE cases DROP COLUMN written");
    dropReportSummaries(s);
    s.execute("DROP TABLE report_clocks");
    s.execute("DROP INDEX cases_by_as_of");
    s.execute("DROP INDEX cases_by_id_length");
    for (String column : List.of("registered_unix", "entered_at", "entered_unix", "reached", "lost_from", "lost_reason",
        "contract_value", "unknown_years", "as_of_unix")) {
      s.execute("ALTER TABLE cases DROP COLUMN " + column);
    }
    s.execute("UPDATE meta SET value = 'an older fingerprint' WHERE key = 'clock_fingerprint'");
  }

  /** Turns a current database back into schema 1: clocks without their case's columns, no notify_sent, no report facts. */
  private static void downgradeToSchemaOne(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      dropReportFacts(s);
      s.execute("DROP TABLE notify_sent");
      s.execute("DROP INDEX clocks_by_due");
      for (String column : List.of("stage", "owner", "priority", "company")) {
        s.execute("ALTER TABLE clocks DROP COLUMN " + column);
      }
      s.execute("CREATE INDEX clocks_by_due ON clocks(due_unix)");
      s.execute("PRAGMA user_version = 1");
    }
  }

  /** Opens the workspace's store from {@code n} threads released together; fails if any open fails. */
  private static void openAtOnce(Workspace workspace, int n) throws Exception {
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      List<java.util.concurrent.Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        opened.add(pool.submit(() -> {
          go.await();
          try (CaseStore store = workspace.openStore()) {
            return store.ids();
          }
        }));
      }
      go.countDown();
      for (java.util.concurrent.Future<?> f : opened) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Case newCase(String id, String owner, Priority priority) {
    return new Case(id, new Customer("苏州精工机械有限公司", "manufacturing", null, new Contact("王磊", null, "+86 512 5555 0101", null)),
        "exhibition", priority, owner, T0, null, List.of());
  }

  private static List<String> strings(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        rows.add(rs.getString(n));
      }
    }
    return rows;
  }
}
