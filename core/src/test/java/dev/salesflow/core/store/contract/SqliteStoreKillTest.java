package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Writers of a SQLite database killed mid-write. */
class SqliteStoreKillTest extends KillContract {
  @Override
  String storeSetting() {
    return "store: sqlite:cases.db\n";
  }

  /**
   * {@code PRAGMA integrity_check} and {@code foreign_key_check} pass, every case's events are
   * numbered 0..n-1, and the materialised stage and clocks equal those rebuilt from scratch.
   */
  @Override
  void assertFilesSound(Workspace workspace) throws Exception {
    Path db = root.resolve("cases.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      assertThat(rows(s, "PRAGMA integrity_check")).containsExactly("ok");
      assertThat(rows(s, "PRAGMA foreign_key_check")).isEmpty();
      assertThat(rows(s, "SELECT case_id FROM events GROUP BY case_id HAVING count(*) <> max(seq) + 1 OR min(seq) <> 0"))
          .as("events numbered 0..n-1 per case").isEmpty();
    }
    // the index as the writers left it, against one rebuilt from the events alone
    Path copy = Files.createDirectories(root.resolve("rebuilt-" + System.nanoTime()));
    Files.copy(root.resolve("salesflow.yaml"), copy.resolve("salesflow.yaml"));
    Files.createDirectories(copy.resolve("cases"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + copy.resolve("cases.db") + "'");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("cases.db"));
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM meta WHERE key = 'clock_fingerprint'");
      s.execute("UPDATE cases SET stage = NULL");
      s.execute("DELETE FROM clocks");
    }
    try (CaseStore reopened = Workspace.open(copy).openStore()) {
      assertThat(reopened.ids()).containsExactlyElementsOf(CASES);
    }
    String clocks = "SELECT case_id, rule, coalesce(match_key, ''), started_unix, due_unix, stage, owner, priority, company"
        + " FROM clocks"
        + " ORDER BY case_id, rule, match_key, started_unix";
    String stages = "SELECT id, stage FROM cases ORDER BY id";
    try (Connection kept = DriverManager.getConnection("jdbc:sqlite:" + db);
        Connection rebuilt = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("cases.db"));
        Statement k = kept.createStatement();
        Statement r = rebuilt.createStatement()) {
      assertThat(rows(k, stages)).as("stages as written").isEqualTo(rows(r, stages)).isNotEmpty();
      assertThat(rows(k, clocks)).as("running clocks as written equal rebuilt ones").isEqualTo(rows(r, clocks));
    }
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
