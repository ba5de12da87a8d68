package dev.salesflow.core.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.sla.RunningClock;
import dev.salesflow.core.store.CaseIndex;
import dev.salesflow.core.store.ClockIndexer;
import dev.salesflow.core.store.sqlite.RegistrationColumns;
import dev.salesflow.core.store.sqlite.TextCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rows of cases, events and clocks: read through prepared statements, new cases written with
 * {@code COPY} (text format, {@link CopyText}), one {@code COPY} per table for a whole batch.
 */
final class PgRows {
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};
  }

  static final String CASE_COLUMNS = RegistrationColumns.NAMES;
  /** {@link #CASE_COLUMNS} (the current registration) and the registration as first written, once corrected. */
  /** The case-file paths of {@link #CASE_COLUMNS}, in their order, to name a value COPY cannot take. */
  private static final String[] CASE_FIELDS = {"customer.company", "customer.industry", "customer.size",
      "customer.contact.name", "customer.contact.title", "customer.contact.phone", "customer.contact.email", "source",
      "priority", "owner", "registered_at", "need"};
  private static final String STORED_COLUMNS = CASE_COLUMNS + ", written";
  private static final String EVENT_COLUMNS = "at, type, recorded_by, note, fields, seq";
  private static final String CLOCK_COLUMNS = "case_id, rule, match_key, started_unix, due_unix, stage, owner, priority, company";

  private final Connection db;
  private final String where;
  private final ZoneId zone;
  /** Row values into cases, checked as case files are. */
  private final dev.salesflow.core.store.RowDecoder decode;

  PgRows(Connection db, String where, ZoneId zone, ClockIndexer indexer) {
    this.db = db;
    this.where = where;
    this.zone = zone;
    // findings name the spec (no password) as their file, as check's do
    this.decode = new dev.salesflow.core.store.RowDecoder(java.nio.file.Path.of(where), zone, indexer);
  }

  /**
   * New cases as the rows of {@code COPY}'s text format, one buffer per table, with their stage and
   * running clocks worked out: made on any thread, then sent by the one that holds the connection.
   */
  record Batch(int size, CopyText cases, CopyText events, CopyText clocks) {}

  /**
   * Encodes {@code list}; a value PostgreSQL cannot store (a NUL character) is refused naming the
   * case and the field.
   *
   * @throws StoreException when a value cannot be stored
   */
  static Batch encode(List<Case> list, ClockIndexer indexer, String where) {
    CopyText cases = new CopyText(320 * list.size());
    CopyText events = new CopyText(1024 * list.size());
    CopyText clocks = new CopyText(64 * list.size());
    try {
      for (Case c : list) {
        encode(c, indexer.index(c), cases, events, clocks);
      }
    } catch (IllegalArgumentException e) {
      throw new StoreException("cannot store " + e.getMessage() + " in " + where + " (nothing was stored)", e);
    }
    return new Batch(list.size(), cases, events, clocks);
  }

  private static void encode(Case c, CaseIndex index, CopyText cases, CopyText events, CopyText clocks) {
    String id = c.id();
    // the columns hold the current registration, `written` the header once a correction changed it
    Case current = c.current();
    String[] values = RegistrationColumns.values(current);
    cases.rowsOf(id, "", null).text("id", id);
    for (int i = 0; i < values.length; i++) {
      cases.text(CASE_FIELDS[i], values[i]);
    }
    cases.text("stage", index.stage()).text("registration", RegistrationColumns.written(c, current)).end();
    List<Event> list = c.events();
    for (int i = 0; i < list.size(); i++) {
      Event event = list.get(i);
      events.rowsOf(id, "event", i + 1).text("case", id).number(i).text("at", Timestamps.format(event.at()))
          .number(event.at().toEpochSecond()).text("type", event.type()).text("by", event.by())
          .text("note", event.note()).text("fields", TextCodec.json(event.fields())).end();
    }
    String priority = current.priority() == null ? null : current.priority().name();
    for (RunningClock clock : index.running()) {
      clocks.rowsOf(id, "clock", clock.rule()).text("case", id).text("rule", clock.rule()).text("key", clock.key())
          .number(clock.startedAt().getEpochSecond()).number(clock.dueAt().getEpochSecond()).text("stage", index.stage())
          .text("owner", current.owner()).text("priority", priority).text("company", current.customer().company()).end();
    }
  }

  /** Writes {@code batch} with one {@code COPY} per table; a taken id fails with a unique violation. */
  void copy(Batch batch) throws SQLException {
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    copyIn(copy, "cases(id, " + CASE_COLUMNS + ", stage, written)", batch.cases());
    copyIn(copy, "events(case_id, seq, at, at_unix, type, recorded_by, note, fields)", batch.events());
    copyIn(copy, "clocks(" + CLOCK_COLUMNS + ")", batch.clocks());
  }

  private static void copyIn(CopyManager copy, String table, CopyText rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    org.postgresql.copy.CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN");
    try {
      in.writeToCopy(rows.array(), 0, rows.length());
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  /** Appends event number {@code seq} of case {@code id}. */
  void insertEvent(String id, int seq, Event e) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO events(case_id, seq, at, at_unix, type, recorded_by,"
        + " note, fields) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS json))")) {
      p.setString(1, id);
      p.setInt(2, seq);
      p.setString(3, Timestamps.format(e.at()));
      p.setLong(4, e.at().toEpochSecond());
      p.setString(5, e.type());
      p.setString(6, e.by());
      p.setString(7, e.note());
      p.setString(8, TextCodec.json(e.fields()));
      p.executeUpdate();
    }
  }

  /**
   * Rewrites the stage and running clocks of case {@code stored}, and its registration columns
   * when its corrections changed them.
   */
  void replaceIndex(Case stored, CaseIndex index) throws SQLException {
    Case c = stored.current();
    if (c != stored) {
      try (PreparedStatement r = db.prepareStatement("UPDATE cases SET (" + CASE_COLUMNS + ")"
          + " = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), written = coalesce(written, ?) WHERE id = ?")) {
        String[] values = RegistrationColumns.values(c);
        for (int i = 0; i < values.length; i++) {
          r.setString(i + 1, values[i]);
        }
        r.setString(RegistrationColumns.COUNT + 1, RegistrationColumns.written(stored, c));
        r.setString(RegistrationColumns.COUNT + 2, c.id());
        r.executeUpdate();
      }
    }
    try (PreparedStatement u = db.prepareStatement("UPDATE cases SET stage = ? WHERE id = ?");
        PreparedStatement d = db.prepareStatement("DELETE FROM clocks WHERE case_id = ?");
        PreparedStatement p = db.prepareStatement("INSERT INTO clocks(" + CLOCK_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      u.setString(1, index.stage());
      u.setString(2, c.id());
      u.executeUpdate();
      d.setString(1, c.id());
      d.executeUpdate();
      for (RunningClock clock : index.running()) {
        p.setString(1, c.id());
        p.setString(2, clock.rule());
        p.setString(3, clock.key());
        p.setLong(4, clock.startedAt().getEpochSecond());
        p.setLong(5, clock.dueAt().getEpochSecond());
        p.setString(6, index.stage());
        p.setString(7, c.owner());
        p.setString(8, c.priority() == null ? null : c.priority().name());
        p.setString(9, c.customer().company());
        p.addBatch();
      }
      if (!index.running().isEmpty()) {
        p.executeBatch();
      }
    }
  }

  /** Locks the row of case {@code id} until the transaction ends; false when there is none. */
  boolean lock(String id) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM cases WHERE id = ? FOR UPDATE")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The case {@code id} with its events, or empty when there is none. */
  Optional<Case> read(String id) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT c.id, " + prefixed("c.", STORED_COLUMNS) + ", "
        + prefixed("e.", EVENT_COLUMNS) + " FROM cases c LEFT JOIN events e ON e.case_id = c.id WHERE c.id = ?"
        + " ORDER BY e.seq")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        List<Case> one = new ArrayList<>(1);
        readCases(rs, one::add, bad -> {
          throw bad;
        });
        return one.stream().findFirst();
      }
    }
  }

  /**
   * Every case in id order through a cursor, a case at a time; one with a row that cannot be read
   * goes to {@code skip} in its place.
   */
  void forEach(java.util.function.Consumer<Case> action,
      java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> skip) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT c.id, " + prefixed("c.", STORED_COLUMNS) + ", "
        + prefixed("e.", EVENT_COLUMNS) + " FROM cases c LEFT JOIN events e ON e.case_id = c.id ORDER BY c.id, e.seq")) {
      q.setFetchSize(2000);
      try (ResultSet rs = q.executeQuery()) {
        readCases(rs, action, skip);
      }
    }
  }

  /**
   * Rows of case columns and event columns (null for a case without events), in id and then event
   * order; a case with a value that cannot be read goes to {@code skip}, its other rows passed over.
   */
  private void readCases(ResultSet rs, java.util.function.Consumer<Case> action,
      java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> skip) throws SQLException {
    String currentId = null;
    Case current = null;
    dev.salesflow.core.model.DiagnosticsException bad = null;
    List<Event> events = new ArrayList<>();
    while (rs.next()) {
      String id = rs.getString(1);
      if (currentId == null || !currentId.equals(id)) {
        give(current, events, bad, action, skip);
        currentId = id;
        current = null;
        bad = null;
        events = new ArrayList<>();
        try {
          current = caseAt(rs, id);
        } catch (dev.salesflow.core.model.DiagnosticsException e) {
          bad = e;
        }
      }
      if (bad == null && rs.getString(15) != null) {
        try {
          events.add(decode.event(id, rs.getInt(20), rs.getString(15), rs.getString(16), rs.getString(17),
              rs.getString(18), rs.getString(19)));
        } catch (dev.salesflow.core.model.DiagnosticsException e) {
          bad = e;
        }
      }
    }
    give(current, events, bad, action, skip);
  }

  private static void give(Case c, List<Event> events, dev.salesflow.core.model.DiagnosticsException bad,
      java.util.function.Consumer<Case> action, java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> skip) {
    if (bad != null) {
      skip.accept(bad);
    } else if (c != null) {
      action.accept(withEvents(c, events));
    }
  }

  /** The case as stored (its registration as first written) whose {@link #STORED_COLUMNS} start at column 2. */
  private Case caseAt(ResultSet rs, String id) throws SQLException {
    String[] v = new String[RegistrationColumns.COUNT];
    for (int i = 0; i < v.length; i++) {
      v[i] = rs.getString(2 + i);
    }
    String written = rs.getString(2 + RegistrationColumns.COUNT);
    return written == null ? decode.registration(id, v, 0, null) : decode.written(id, written, RegistrationColumns::parse);
  }

  private static Case withEvents(Case c, List<Event> events) {
    return new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), events);
  }

  /** Every case id, in id order (the column's collation is "C": code point order). */
  boolean anyOwnedBy(String owner) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM cases WHERE owner = ? LIMIT 1")) {
      q.setString(1, owner);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  List<String> ids() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement("SELECT id FROM cases ORDER BY id")) {
      q.setFetchSize(10_000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** The running clocks due at or before {@code dueUnix}, in due order: the index's order, checked. */
  List<IndexedClock> clocksDueBy(long dueUnix) throws SQLException {
    List<IndexedClock> clocks = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement("SELECT " + CLOCK_COLUMNS
        + " FROM clocks WHERE due_unix <= ? ORDER BY due_unix, case_id, rule")) {
      q.setFetchSize(10_000);
      q.setLong(1, dueUnix);
      Map<String, String> seen = new java.util.HashMap<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String priority = rs.getString(8);
          clocks.add(new IndexedClock(rs.getString(1), shared(seen, rs.getString(6)), shared(seen, rs.getString(7)),
              priority == null ? null : Priority.valueOf(priority), shared(seen, rs.getString(9)),
              new RunningClock(shared(seen, rs.getString(2)), rs.getString(3), Instant.ofEpochSecond(rs.getLong(4)),
                  Instant.ofEpochSecond(rs.getLong(5)))));
        }
      }
    }
    for (int i = 1; i < clocks.size(); i++) {
      if (IndexedClock.DUE_ORDER.compare(clocks.get(i - 1), clocks.get(i)) > 0) {
        clocks.sort(IndexedClock.DUE_ORDER);
        break;
      }
    }
    return clocks;
  }

  /** One instance of each repeated value (stage, owner, company, rule): a million clocks hold few distinct ones. */
  private static String shared(Map<String, String> seen, String value) {
    return value == null ? null : seen.computeIfAbsent(value, v -> v);
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }
}
