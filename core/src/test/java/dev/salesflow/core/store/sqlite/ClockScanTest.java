package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Priority;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.sla.RunningClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clocks read in one value, in either layout, are what reading the columns one by one gives, in
 * the same order: with separators, digits and line breaks inside values, NULL beside the empty
 * string, text in several scripts, negative times, and enough rows for two threads to split them.
 */
class ClockScanTest {
  @TempDir Path root;

  @Test
  void fewAwkwardClocks() throws Exception {
    try (Connection db = database()) {
      insert(db, "ACME-2026-001", "lead", "zhang.wei", "A", "苏州精工 \"机械\"", "first-contact", null, 100, 200);
      insert(db, "ACME-2026-002", "", "", null, "3:a;b,c\u001e\u001f", "first-contact", "", -5, 200);
      insert(db, "ACME-2026-003", null, null, "C", null, "issue-response", "12:34", 0, 150);
      insert(db, "ACME-2026-003", "quote", "😀 owner", "B", "-1:", "issue-response", "line\nbreak", 0, 150);
      insert(db, "ACME-2026-004", "won", "o", "A", "c", "late", null, 0, 10_000);
      for (boolean prefixed : new boolean[] {false, true}) {
        assertThat(ClockScan.read(db, 9_999, prefixed)).isEqualTo(columnByColumn(db, 9_999)).hasSize(4);
        assertThat(ClockScan.read(db, 10_000, prefixed)).isEqualTo(columnByColumn(db, 10_000)).hasSize(5);
        assertThat(ClockScan.read(db, 99, prefixed)).isEmpty();
      }
    }
  }

  /** Text that is not UTF-8 (only another program can store it) may hold the separators: read again with lengths. */
  @Test
  void bytesThatAreNotUtf8AreReadWithLengths() throws Exception {
    try (Connection db = database()) {
      insert(db, "ACME-2026-001", "lead", "zhang.wei", "A", "a", "first-contact", null, 100, 200);
      insert(db, "ACME-2026-002", "lead", "li.na", "B", "b", "first-contact", null, 100, 300);
      for (String bytes : List.of("41FF42", "41FE42", "FF", "FE", "41FDFF")) {
        try (Statement s = db.createStatement()) {
          s.execute("UPDATE clocks SET company = CAST(X'" + bytes + "' AS TEXT) WHERE case_id = 'ACME-2026-001'");
        }
        assertThat(ClockScan.read(db, 1_000)).as(bytes).isEqualTo(columnByColumn(db, 1_000));
      }
    }
  }

  @Test
  void enoughClocksToSplitBetweenTwoThreads() throws Exception {
    try (Connection db = database()) {
      db.setAutoCommit(false);
      String[] owners = {"zhang.wei", "李娜", "", null};
      int n = 0;
      for (int i = 0; n < 2 * ClockScan.SPLIT; i++) { // n: about the bytes of the value
        String company = "公司 " + i + " ".repeat(i % 50) + (i % 97 == 0 ? ":;," : "");
        String owner = owners[i % owners.length];
        insert(db, String.format("ACME-2026-%06d", i / 2), i % 3 == 0 ? "lead" : "quote", owner,
            i % 4 == 0 ? null : Priority.values()[i % 3].name(), company, i % 2 == 0 ? "first-contact" : "issue-response",
            i % 5 == 0 ? "Q-" + i : null, 1_000L * i, 1_000L * (i / 3) + 7);
        n += 90 + company.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      }
      db.commit();
      List<IndexedClock> expected = columnByColumn(db, Long.MAX_VALUE);
      assertThat(expected.size()).isGreaterThan(30_000);
      assertThat(ClockScan.read(db, Long.MAX_VALUE, false)).isEqualTo(expected);
      assertThat(ClockScan.read(db, Long.MAX_VALUE, true)).isEqualTo(expected);
    }
  }

  private Connection database() throws Exception {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("clocks.db"));
    try (Statement s = db.createStatement()) {
      for (List<String> migration : SqliteSchema.MIGRATIONS) {
        for (String sql : migration) {
          s.execute(sql);
        }
      }
    }
    return db;
  }

  private static void insert(Connection db, String caseId, String stage, String owner, String priority, String company,
      String rule, String key, long started, long due) throws Exception {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO clocks(case_id, rule, match_key, started_unix, due_unix,"
        + " stage, owner, priority, company) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, caseId);
      p.setString(2, rule);
      p.setString(3, key);
      p.setLong(4, started);
      p.setLong(5, due);
      p.setString(6, stage);
      p.setString(7, owner);
      p.setString(8, priority);
      p.setString(9, company);
      p.executeUpdate();
    }
  }

  /** The reference: one JDBC column at a time. */
  private static List<IndexedClock> columnByColumn(Connection db, long dueUnix) throws Exception {
    List<IndexedClock> clocks = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT case_id, stage, owner, priority, company, rule, match_key, started_unix, due_unix"
            + " FROM clocks WHERE due_unix <= ? ORDER BY due_unix, case_id, rule")) {
      q.setLong(1, dueUnix);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          clocks.add(new IndexedClock(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4) == null ? null : Priority.valueOf(rs.getString(4)), rs.getString(5),
              new RunningClock(rs.getString(6), rs.getString(7), Instant.ofEpochSecond(rs.getLong(8)),
                  Instant.ofEpochSecond(rs.getLong(9)))));
        }
      }
    }
    return clocks;
  }
}
