package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.RegistrationField;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where cases stand, read a chunk at a time on a helper thread: every case once, in id order, over
 * several chunks; only the fields asked for; a chunk holding bytes that are not UTF-8 read again
 * column by column; a failure on either thread thrown to the caller.
 */
class StandingScanTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Reads here never index a case. */
  private static final dev.salesflow.core.store.ClockIndexer NO_INDEX = new dev.salesflow.core.store.ClockIndexer() {
    @Override
    public dev.salesflow.core.store.CaseIndex index(dev.salesflow.core.model.Case c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String fingerprint() {
      return "";
    }
  };
  private static final java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> THROW = e -> {
    throw e;
  };

  @TempDir Path root;

  @Test
  void everyCaseOnceInIdOrderWithTheFieldsAskedFor() throws Exception {
    try (Connection db = database(2 * StandingScan.CHUNK + 7)) {
      CaseRows rows = new CaseRows(db, root.resolve("cases.db"), ZONE, NO_INDEX);
      List<CaseStanding> all = read(db, rows, EnumSet.allOf(RegistrationField.class));
      assertThat(all).hasSize(2 * StandingScan.CHUNK + 7);
      assertThat(all).extracting(s -> s.value().id()).isSorted().doesNotHaveDuplicates();
      CaseStanding third = all.get(2);
      assertThat(third.value().customer().company()).isEqualTo("公司 2 \"x\"");
      assertThat(third.value().customer().contact().phone()).isEqualTo("+86 2");
      assertThat(third.stage()).isEqualTo("lead");
      assertThat(third.since()).hasToString("2026-11-03T14:00+08:00");
      assertThat(all.get(1).since()).isNull();

      List<CaseStanding> listed = read(db, rows, EnumSet.of(RegistrationField.OWNER));
      assertThat(listed).extracting(s -> s.value().id()).isEqualTo(all.stream().map(s -> s.value().id()).toList());
      assertThat(listed.get(2).value().owner()).isEqualTo("zhang.wei");
      assertThat(listed.get(2).value().customer().company()).isNull();
      assertThat(listed.get(2).value().customer().contact().phone()).isNull();
    }
  }

  /** Only another program can store text that is not UTF-8; such a text may hold the separators. */
  @Test
  void aChunkWithBytesThatAreNotUtf8IsReadAgainColumnByColumn() throws Exception {
    try (Connection db = database(5)) {
      CaseRows rows = new CaseRows(db, root.resolve("cases.db"), ZONE, NO_INDEX);
      for (String bytes : List.of("41FF42", "41FE42", "FF", "FE", "41FDFF")) {
        try (Statement s = db.createStatement()) {
          s.execute("UPDATE cases SET company = CAST(X'" + bytes + "' AS TEXT) WHERE id = 'ACME-2026-000003'");
        }
        List<CaseStanding> all = read(db, rows, EnumSet.of(RegistrationField.COMPANY));
        assertThat(all).as(bytes).hasSize(5);
        assertThat(all.get(3).value().customer().company()).as(bytes).isEqualTo(plainCompany(db));
        assertThat(all.get(4).value().customer().company()).isEqualTo("公司 4 ");
      }
    }
  }

  @Test
  void failuresReachTheCaller() throws Exception {
    try (Connection db = database(3 * StandingScan.CHUNK)) {
      CaseRows rows = new CaseRows(db, root.resolve("cases.db"), ZONE, NO_INDEX);
      StandingScan scan = new StandingScan(EnumSet.noneOf(RegistrationField.class));
      int[] seen = {0};
      assertThatThrownBy(() -> scan.forEach(db, rows, s -> {
        if (++seen[0] == StandingScan.CHUNK + 1) {
          throw new IllegalStateException("the caller gives up");
        }
      }, THROW)).hasMessage("the caller gives up");
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE cases SET entered_at = 'not a time' WHERE id = 'ACME-2026-004500'");
      }
      assertThatThrownBy(() -> scan.forEach(db, rows, s -> { }, THROW))
          .hasMessageContaining("unreadable timestamp 'not a time'");
      try (Statement s = db.createStatement()) {
        s.execute("DROP TABLE cases");
      }
      assertThatThrownBy(() -> scan.forEach(db, rows, s -> { }, THROW)).isInstanceOf(SQLException.class);
    }
  }

  /** Another program's bad value in one row: that case is given to the skip sink in its place, every other one read. */
  @Test
  void aRowThatCannotBeReadIsSkippedInItsPlaceNamingCaseTableAndColumn() throws Exception {
    try (Connection db = database(2 * StandingScan.CHUNK + 7)) {
      CaseRows rows = new CaseRows(db, root.resolve("cases.db"), ZONE, NO_INDEX);
      try (Statement s = db.createStatement()) {
        s.execute("UPDATE cases SET priority = 'Z' WHERE id = 'ACME-2026-000003'");
        s.execute("UPDATE cases SET entered_at = 'not a time' WHERE id = 'ACME-2026-002500'");
      }
      List<String> read = new ArrayList<>();
      List<String> order = new ArrayList<>();
      List<dev.salesflow.core.model.DiagnosticsException> skipped = new ArrayList<>();
      new StandingScan(EnumSet.of(RegistrationField.PRIORITY)).forEach(db, rows, s -> {
        read.add(s.value().id());
        order.add(s.value().id());
      }, e -> {
        skipped.add(e);
        order.add(e.diagnostics().get(0).caseId());
      });
      assertThat(order).as("every case once, in id order").hasSize(2 * StandingScan.CHUNK + 7).isSorted().doesNotHaveDuplicates();
      assertThat(read).hasSize(2 * StandingScan.CHUNK + 5).doesNotContain("ACME-2026-000003", "ACME-2026-002500");
      assertThat(skipped).extracting(e -> e.diagnostics().get(0).message()).containsExactly(
          "ACME-2026-000003: table cases, column priority: priority must be A, B or C, got 'Z'",
          "ACME-2026-002500: table cases, column entered_at: unreadable timestamp 'not a time' (" 
              + dev.salesflow.core.model.Timestamps.accepted() + ")");
      assertThat(skipped).extracting(e -> e.diagnostics().get(0).file()).containsOnly(root.resolve("cases.db"));
    }
  }

  private static List<CaseStanding> read(Connection db, CaseRows rows, Set<RegistrationField> fields) throws SQLException {
    List<CaseStanding> out = new ArrayList<>();
    new StandingScan(fields).forEach(db, rows, out::add, THROW);
    return out;
  }

  private static String plainCompany(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        var rs = s.executeQuery("SELECT company FROM cases WHERE id = 'ACME-2026-000003'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** {@code n} cases, inserted in reverse id order (so rowid order is not id order). */
  private Connection database(int n) throws Exception {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
    try (Statement s = db.createStatement()) {
      for (List<String> migration : SqliteSchema.MIGRATIONS) {
        for (String sql : migration) {
          s.execute(sql);
        }
      }
    }
    db.setAutoCommit(false);
    try (PreparedStatement p = db.prepareStatement("INSERT INTO cases(id, company, phone, owner, priority, stage, entered_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = n - 1; i >= 0; i--) {
        p.setString(1, String.format("ACME-2026-%06d", i));
        p.setString(2, "公司 " + i + " " + (i % 3 == 2 ? "\"x\"" : ""));
        p.setString(3, "+86 " + i);
        p.setString(4, i % 2 == 0 ? "zhang.wei" : null);
        p.setString(5, i % 2 == 0 ? "A" : null);
        p.setString(6, "lead");
        p.setString(7, i % 2 == 0 ? "2026-11-03T14:00:00+08:00" : null);
        p.executeUpdate();
      }
    }
    db.commit();
    db.setAutoCommit(true);
    return db;
  }
}
