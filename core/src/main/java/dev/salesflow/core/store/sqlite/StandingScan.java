package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.RegistrationField;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where every case stands, read from {@code cases} alone (no event) a chunk of ids at a time: SQLite
 * joins the chunk's rows into one value, as {@link ClockScan} does for clocks (columns split by
 * byte {@code FF}, rows by {@code FE}, NULL as {@code FD}: bytes that never occur in UTF-8), so a
 * row costs no native call of its own. Only the registration columns asked for are read (list needs
 * four of the twelve). A chunk whose value does not split into whole rows (text put in by another
 * program) is read again column by column. A helper thread reads while the caller uses the chunk
 * before; memory is that of three chunks.
 */
final class StandingScan {
  static final int CHUNK = 2000;
  /** {@link CaseRows#CASE_COLUMNS} in order, as registration fields. */
  private static final RegistrationField[] CASE_FIELDS = {
    RegistrationField.COMPANY, RegistrationField.INDUSTRY, RegistrationField.SIZE, RegistrationField.CONTACT_NAME,
    RegistrationField.CONTACT_TITLE, RegistrationField.PHONE, RegistrationField.EMAIL, RegistrationField.SOURCE,
    RegistrationField.PRIORITY, RegistrationField.OWNER, RegistrationField.REGISTERED_AT, RegistrationField.NEED};

  /** The slot in {@link CaseRows#CASE_COLUMNS} of each column read after the id; stage and entered_at follow. */
  private final int[] slots;
  private final int columns;
  private final String joined;
  private final String plain;

  /** A scan reading the id, {@code fields}, the stage and its entry time. */
  StandingScan(Set<RegistrationField> fields) {
    String[] names = CaseRows.CASE_COLUMNS.split(", ");
    List<String> read = new ArrayList<>(List.of("id"));
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < CASE_FIELDS.length; i++) {
      if (fields.contains(CASE_FIELDS[i])) {
        read.add(names[i]);
        at.add(i);
      }
    }
    read.addAll(List.of("stage", "entered_at"));
    slots = at.stream().mapToInt(Integer::intValue).toArray();
    columns = read.size();
    String list = String.join(", ", read);
    StringBuilder concat = new StringBuilder();
    for (String column : read) {
      concat.append(concat.length() == 0 ? "" : ", X'FF', ").append("ifnull(").append(column).append(", X'FD')");
    }
    joined = "SELECT CAST(group_concat(concat(" + concat + "), X'FE') AS BLOB), count(*), max(id)"
        + " FROM (SELECT " + list + " FROM cases WHERE id > ? ORDER BY id LIMIT " + CHUNK + ")";
    plain = "SELECT " + list + " FROM cases WHERE id > ? ORDER BY id LIMIT " + CHUNK;
  }

  /**
   * Gives every case's standing to {@code action} in id order, on the calling thread, while a
   * helper thread reads and splits the next chunk ({@link Handoff}).
   */
  void forEach(Connection db, CaseRows rows, Consumer<CaseStanding> action,
      Consumer<dev.salesflow.core.model.DiagnosticsException> skip) throws SQLException {
    Handoff.<List<Object>, SQLException>run("salesflow-read-cases", sink -> read(db, rows, sink),
        chunk -> {
          for (Object standing : chunk) {
            // a row it cannot read is given, in its place, on the calling thread, as the case it stands for
            if (standing instanceof CaseStanding s) {
              action.accept(s);
            } else {
              skip.accept((dev.salesflow.core.model.DiagnosticsException) standing);
            }
          }
        });
  }

  private void read(Connection db, CaseRows rows, Handoff.Sink<List<Object>> sink)
      throws SQLException, InterruptedException {
    String after = "";
    try (PreparedStatement p = db.prepareStatement(joined)) {
      while (true) {
        p.setString(1, after);
        byte[] value;
        int count;
        String last;
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          value = rs.getBytes(1);
          count = rs.getInt(2);
          last = rs.getString(3);
        }
        if (count == 0) {
          return;
        }
        List<Object> chunk = split(value, rows);
        if (chunk == null || chunk.size() != count || !sorted(chunk)) {
          chunk = plain(db, rows, after);
        }
        sink.put(chunk);
        after = last;
      }
    }
  }

  /** group_concat's order is SQLite's to choose (the subquery's in practice); any other is read again. */
  private static boolean sorted(List<Object> chunk) {
    for (int i = 1; i < chunk.size(); i++) {
      if (idOf(chunk.get(i - 1)).compareTo(idOf(chunk.get(i))) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String idOf(Object standing) {
    return standing instanceof CaseStanding s ? s.value().id()
        : ((dev.salesflow.core.model.DiagnosticsException) standing).diagnostics().get(0).caseId();
  }

  /** The rows of {@code value}; null when some row does not have its columns. */
  private List<Object> split(byte[] value, CaseRows rows) {
    List<Object> out = new ArrayList<>(CHUNK);
    String[] fields = new String[columns];
    int field = 0;
    int start = 0;
    for (int i = 0; i <= value.length; i++) {
      byte b = i < value.length ? value[i] : (byte) 0xFE;
      if (b != (byte) 0xFF && b != (byte) 0xFE) {
        continue;
      }
      if (field == columns) {
        return null;
      }
      fields[field++] = i - start == 1 && value[start] == (byte) 0xFD ? null
          : new String(value, start, i - start, StandardCharsets.UTF_8);
      start = i + 1;
      if (b == (byte) 0xFE) {
        if (field != columns) {
          return null;
        }
        out.add(standing(rows, fields));
        field = 0;
      }
    }
    return out;
  }

  private List<Object> plain(Connection db, CaseRows rows, String after) throws SQLException {
    List<Object> out = new ArrayList<>(CHUNK);
    try (PreparedStatement p = db.prepareStatement(plain)) {
      p.setString(1, after);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String[] fields = new String[columns];
          for (int i = 0; i < columns; i++) {
            fields[i] = rs.getString(i + 1);
          }
          out.add(standing(rows, fields));
        }
      }
    }
    return out;
  }

  /** The standing the row {@code f} holds, or the failure naming what in it cannot be read. */
  private Object standing(CaseRows rows, String[] f) {
    String[] values = new String[CASE_FIELDS.length];
    for (int i = 0; i < slots.length; i++) {
      values[slots[i]] = f[1 + i];
    }
    try {
      Case c = rows.caseOf(values, 0, f[0], null);
      String entered = f[columns - 1];
      return new CaseStanding(c, rows.stage(f[0], f[columns - 2]), entered == null ? null : rows.enteredAt(f[0], entered));
    } catch (dev.salesflow.core.model.DiagnosticsException badRow) {
      return badRow;
    }
  }
}
