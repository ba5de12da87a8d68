package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where every case stands, read from {@code cases} alone (no event) a chunk of ids at a time: SQLite
 * joins the chunk's rows into one value, as {@link ClockScan} does for clocks (columns split by
 * byte {@code FF}, rows by {@code FE}, NULL as {@code FD}: bytes that never occur in UTF-8), so a
 * row costs no native call of its own. A chunk whose value does not split into whole rows (text
 * put in by another program) is read again column by column. Memory is that of one chunk.
 */
final class StandingScan {
  static final int CHUNK = 2000;
  /** id, the case columns, stage, entered_at. */
  private static final int COLUMNS = 15;
  private static final String COLUMN_LIST = "id, " + CaseRows.CASE_COLUMNS + ", stage, entered_at";
  static final String JOINED;

  static {
    StringBuilder concat = new StringBuilder();
    for (String column : COLUMN_LIST.split(", ")) {
      concat.append(concat.length() == 0 ? "" : ", X'FF', ").append("ifnull(").append(column).append(", X'FD')");
    }
    JOINED = "SELECT CAST(group_concat(concat(" + concat + "), X'FE') AS BLOB), count(*), max(id)"
        + " FROM (SELECT " + COLUMN_LIST + " FROM cases WHERE id > ? ORDER BY id LIMIT " + CHUNK + ")";
  }

  private static final String PLAIN = "SELECT " + COLUMN_LIST + " FROM cases WHERE id > ? ORDER BY id LIMIT " + CHUNK;

  private StandingScan() {}

  /** Gives every case's standing to {@code action} in id order. */
  static void forEach(Connection db, CaseRows rows, Consumer<CaseStanding> action) throws SQLException {
    String after = "";
    try (PreparedStatement joined = db.prepareStatement(JOINED)) {
      while (true) {
        joined.setString(1, after);
        byte[] value;
        int count;
        String last;
        try (ResultSet rs = joined.executeQuery()) {
          rs.next();
          value = rs.getBytes(1);
          count = rs.getInt(2);
          last = rs.getString(3);
        }
        if (count == 0) {
          return;
        }
        List<CaseStanding> chunk = split(value, rows);
        if (chunk == null || chunk.size() != count) {
          chunk = plain(db, rows, after);
        }
        chunk.sort(BY_ID); // group_concat's order is SQLite's to choose; it is the subquery's in practice
        chunk.forEach(action);
        after = last;
      }
    }
  }

  private static final Comparator<CaseStanding> BY_ID = Comparator.comparing(s -> s.value().id());

  /** The rows of {@code value}; null when some row does not have its columns. */
  private static List<CaseStanding> split(byte[] value, CaseRows rows) throws SQLException {
    List<CaseStanding> out = new ArrayList<>(CHUNK);
    String[] fields = new String[COLUMNS];
    int field = 0;
    int start = 0;
    for (int i = 0; i <= value.length; i++) {
      byte b = i < value.length ? value[i] : (byte) 0xFE;
      if (b != (byte) 0xFF && b != (byte) 0xFE) {
        continue;
      }
      if (field == COLUMNS) {
        return null;
      }
      fields[field++] = i - start == 1 && value[start] == (byte) 0xFD ? null
          : new String(value, start, i - start, StandardCharsets.UTF_8);
      start = i + 1;
      if (b == (byte) 0xFE) {
        if (field != COLUMNS) {
          return null;
        }
        out.add(standing(rows, fields));
        field = 0;
      }
    }
    return out;
  }

  private static List<CaseStanding> plain(Connection db, CaseRows rows, String after) throws SQLException {
    List<CaseStanding> out = new ArrayList<>(CHUNK);
    try (PreparedStatement p = db.prepareStatement(PLAIN)) {
      p.setString(1, after);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String[] fields = new String[COLUMNS];
          for (int i = 0; i < COLUMNS; i++) {
            fields[i] = rs.getString(i + 1);
          }
          out.add(standing(rows, fields));
        }
      }
    }
    return out;
  }

  private static CaseStanding standing(CaseRows rows, String[] f) {
    Case c = rows.caseOf(f, 1, f[0]);
    return new CaseStanding(c, f[13], f[14] == null ? null : rows.time(f[14]));
  }
}
