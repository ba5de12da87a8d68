package dev.salesflow.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.Amounts;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.report.CaseFacts;
import dev.salesflow.core.sla.RunningClock;
import dev.salesflow.core.store.BadRows;
import dev.salesflow.core.store.CaseIndex;
import dev.salesflow.core.store.RowDecoder;
import dev.salesflow.core.store.ClockIndexer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The rows of cases, events and clocks of one connection. Statements are prepared once and kept
 * for the life of the connection: preparing one costs more than running it.
 */
final class CaseRows {
  static final String CASE_COLUMNS = RegistrationColumns.NAMES;
  /**
   * {@link #CASE_COLUMNS} (the current registration) and {@code written}, the registration as first
   * written when corrections changed it: what a case is read back from.
   */
  static final String STORED_COLUMNS = CASE_COLUMNS + ", written";
  private static final String UPDATE_REGISTRATION = "UPDATE cases SET (" + CASE_COLUMNS + ")"
      + " = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), written = coalesce(written, ?) WHERE id = ?";
  /** The columns of {@link CaseFacts} on the case row, bound by {@link #bindFacts} from parameter 1. */
  private static final String FACT_COLUMNS = "stage, registered_unix, entered_at, entered_unix, reached, lost_from,"
      + " lost_reason, contract_value, deal_value, unknown_years, as_of_unix";
  private static final String INSERT_CASE = "INSERT INTO cases(" + FACT_COLUMNS + ", id, " + STORED_COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_FACTS = "UPDATE cases SET (" + FACT_COLUMNS + ")"
      + " = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?";
  private static final String INSERT_REPORT_CLOCK = "INSERT INTO report_clocks(case_id, rule, owner, registered_unix,"
      + " started_unix, due_unix, warn_unix, stopped_unix, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      "INSERT INTO events(case_id, seq, at, at_unix, type, by, note, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CLOCK = "INSERT INTO clocks(case_id, rule, match_key, started_unix, due_unix,"
      + " stage, owner, priority, company) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Connection db;
  private final Path file;
  private final ZoneId zone;
  /** Row values into cases, checked as case files are. */
  private final RowDecoder decode;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  CaseRows(Connection db, Path file, ZoneId zone, ClockIndexer indexer) {
    this.db = db;
    this.file = file;
    this.zone = zone;
    this.decode = new RowDecoder(file, zone, indexer);
  }

  /**
   * A case with all a write needs worked out beforehand (stage, running clocks, formatted
   * timestamps and fields), so it can be made on other threads than the one writing.
   */
  record Encoded(Case value, CaseIndex index, String registeredAt, String[] eventAt, String[] eventFields) {}

  static Encoded encode(Case c, ClockIndexer indexer) {
    List<Event> events = c.events();
    String[] at = new String[events.size()];
    String[] fields = new String[events.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = Timestamps.format(events.get(i).at());
      fields[i] = json(events.get(i).fields());
    }
    String registered = c.registeredAt() == null ? null : Timestamps.format(c.registeredAt());
    return new Encoded(c, indexer.index(c), registered, at, fields);
  }

  /** The statement for {@code sql}, prepared on first use. */
  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = db.prepareStatement(sql);
      statements.put(sql, p);
    }
    return p;
  }

  /**
   * Inserts the case row (with its stage), its events and its running clocks; false, with nothing
   * written, when the primary key says the id is taken.
   */
  boolean insert(Encoded e) throws SQLException {
    try {
      insertAll(List.of(e));
      return true;
    } catch (SQLiteException ex) {
      if (taken(ex)) {
        return false;
      }
      throw ex;
    }
  }

  /**
   * Inserts many new cases a table at a time, each table's rows in one batch (one call into the
   * driver rather than one per row). A taken id fails the batch with a constraint error; the
   * caller rolls the transaction back and finds the id with {@link #takenId}.
   */
  void insertAll(List<Encoded> batch) throws SQLException {
    PreparedStatement p = statement(INSERT_CASE);
    for (Encoded e : batch) {
      Case c = e.value();
      int at = bindFacts(p, c, e.index().facts());
      p.setString(at, c.id());
      Case current = c.current();
      bindRegistration(p, at + 1, current, e.registeredAt());
      p.setString(at + 13, RegistrationColumns.written(c, current));
      p.addBatch();
    }
    executeBatch(p);
    for (Encoded e : batch) {
      insertEvents(e);
    }
    PreparedStatement clocks = statement(INSERT_CLOCK);
    for (Encoded e : batch) {
      for (RunningClock clock : e.index().running()) {
        bindClock(clocks, e.value().current(), e.index().stage(), clock);
        clocks.addBatch();
      }
    }
    executeBatch(clocks);
    PreparedStatement reportClocks = statement(INSERT_REPORT_CLOCK);
    for (Encoded e : batch) {
      addReportClocks(reportClocks, e.value().current(), e.index().facts());
    }
    executeBatch(reportClocks);
  }

  /** Binds the values of {@link #CASE_COLUMNS} of {@code c} from parameter {@code at}. */
  private static void bindRegistration(PreparedStatement p, int at, Case c, String registeredAt) throws SQLException {
    p.setString(at, c.customer().company());
    p.setString(at + 1, c.customer().industry());
    p.setString(at + 2, c.customer().size());
    p.setString(at + 3, c.customer().contact().name());
    p.setString(at + 4, c.customer().contact().title());
    p.setString(at + 5, c.customer().contact().phone());
    p.setString(at + 6, c.customer().contact().email());
    p.setString(at + 7, c.source());
    p.setString(at + 8, c.priority() == null ? null : c.priority().name());
    p.setString(at + 9, c.owner());
    p.setString(at + 10, registeredAt); // formatted once, beforehand
    p.setString(at + 11, c.need());
  }

  /** Binds the facts columns ({@link #FACT_COLUMNS}) from parameter 1; returns the next parameter. */
  private static int bindFacts(PreparedStatement p, Case c, CaseFacts f) throws SQLException {
    p.setString(1, f.stage());
    setLong(p, 2, c.registeredAt() == null ? null : c.registeredAt().toEpochSecond());
    p.setString(3, f.enteredAt() == null ? null : Timestamps.format(f.enteredAt()));
    setLong(p, 4, f.enteredAt() == null ? null : f.enteredAt().toEpochSecond());
    p.setLong(5, f.reached());
    p.setString(6, f.lostFrom());
    p.setString(7, f.lostReason());
    p.setString(8, f.contractValue() == null ? null : f.contractValue().toString());
    p.setString(9, f.dealValue() == null ? null : f.dealValue().toPlainString());
    p.setString(10, f.unknownYears().isEmpty() ? null : yearsText(f.unknownYears()));
    // rounded up: the facts hold from this second on
    setLong(p, 11, f.asOf() == null ? null : f.asOf().getEpochSecond() + (f.asOf().getNano() > 0 ? 1 : 0));
    return 12;
  }

  private static String yearsText(java.util.SortedSet<Integer> years) {
    StringBuilder s = new StringBuilder();
    for (int year : years) {
      s.append(s.length() == 0 ? "" : ",").append(year);
    }
    return s.toString();
  }

  private static void setLong(PreparedStatement p, int index, Long value) throws SQLException {
    if (value == null) {
      p.setNull(index, java.sql.Types.INTEGER);
    } else {
      p.setLong(index, value);
    }
  }

  /** Adds the rows of {@code f}'s clocks to the batch of {@code p}. */
  private static void addReportClocks(PreparedStatement p, Case c, CaseFacts f) throws SQLException {
    for (CaseFacts.Clock clock : f.clocks()) {
      p.setString(1, c.id());
      p.setString(2, clock.rule());
      p.setString(3, c.owner());
      setLong(p, 4, c.registeredAt() == null ? null : c.registeredAt().toEpochSecond());
      p.setLong(5, clock.startedAt().getEpochSecond());
      p.setLong(6, clock.dueAt().getEpochSecond());
      p.setLong(7, clock.warnAt().getEpochSecond());
      setLong(p, 8, clock.stoppedAt() == null ? null : clock.stoppedAt().getEpochSecond());
      p.setString(9, clock.state() == null ? null : clock.state().name());
      p.addBatch();
    }
  }

  /**
   * Inserts the events of a new case with one statement per {@value #EVENTS_PER_STATEMENT} events:
   * a single row per statement costs as much again in the driver and in SQLite.
   */
  private void insertEvents(Encoded e) throws SQLException {
    List<Event> events = e.value().events();
    for (int from = 0; from < events.size(); from += EVENTS_PER_STATEMENT) {
      int count = Math.min(EVENTS_PER_STATEMENT, events.size() - from);
      PreparedStatement p = statement(insertEvents(from, count));
      p.setString(1, e.value().id());
      int param = 2;
      for (int i = from; i < from + count; i++) {
        Event event = events.get(i);
        p.setString(param++, e.eventAt()[i]);
        p.setLong(param++, event.at().toEpochSecond());
        p.setString(param++, event.type());
        p.setString(param++, event.by());
        p.setString(param++, event.note());
        p.setString(param++, e.eventFields()[i]);
      }
      p.executeUpdate();
    }
  }

  private static final int EVENTS_PER_STATEMENT = 64;

  /** Rows of events {@code from} to {@code from + count - 1} of one case: its id is ?1, the seq numbers literals. */
  private static String insertEvents(int from, int count) {
    StringBuilder sql = new StringBuilder("INSERT INTO events(case_id, seq, at, at_unix, type, by, note, fields) VALUES ");
    for (int i = 0; i < count; i++) {
      int p = 2 + 6 * i;
      sql.append(i == 0 ? "" : ", ").append("(?1, ").append(from + i);
      for (int k = 0; k < 6; k++) {
        sql.append(", ?").append(p + k);
      }
      sql.append(')');
    }
    return sql.toString();
  }

  /** Runs a batch, leaving the statement empty even when a row fails. */
  private static void executeBatch(PreparedStatement p) throws SQLException {
    try {
      p.executeBatch();
    } finally {
      p.clearBatch();
    }
  }

  /** Whether {@code e} is a constraint failure, as a taken id gives. */
  static boolean taken(SQLException e) {
    return e instanceof SQLiteException s && (s.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
  }

  /**
   * After a batch failed on a constraint and was rolled back: the first of its ids that is stored
   * already or comes twice in the batch.
   */
  Optional<String> takenId(List<Encoded> batch) throws SQLException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Encoded e : batch) {
      String id = e.value().id();
      if (!seen.add(id) || exists(id)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private boolean exists(String id) throws SQLException {
    PreparedStatement q = statement("SELECT 1 FROM cases WHERE id = ?");
    q.setString(1, id);
    try (ResultSet rs = q.executeQuery()) {
      return rs.next();
    }
  }

  void insertEvent(String id, int seq, Event e) throws SQLException {
    insertEvent(id, seq, e, Timestamps.format(e.at()), json(e.fields()));
  }

  private void insertEvent(String id, int seq, Event e, String at, String fields) throws SQLException {
    PreparedStatement p = statement(INSERT_EVENT);
    bindEvent(p, id, seq, e, at, fields);
    p.executeUpdate();
  }

  private static void bindEvent(PreparedStatement p, String id, int seq, Event e, String at, String fields)
      throws SQLException {
    p.setString(1, id);
    p.setInt(2, seq);
    p.setString(3, at);
    p.setLong(4, e.at().toEpochSecond());
    p.setString(5, e.type());
    p.setString(6, e.by());
    p.setString(7, e.note());
    p.setString(8, fields);
  }

  /**
   * Rewrites the stage, running clocks and report facts of case {@code stored}, and its
   * registration columns when its corrections changed them.
   */
  void replaceIndex(Case stored, CaseIndex index) throws SQLException {
    String id = stored.id();
    Case c = stored.current();
    if (c != stored) {
      String registeredAt = stored.registeredAt() == null ? null : Timestamps.format(stored.registeredAt());
      PreparedStatement r = statement(UPDATE_REGISTRATION);
      bindRegistration(r, 1, c, registeredAt);
      r.setString(13, RegistrationColumns.written(stored, c));
      r.setString(14, id);
      r.executeUpdate();
    }
    PreparedStatement u = statement(UPDATE_FACTS);
    u.setString(bindFacts(u, c, index.facts()), id);
    u.executeUpdate();
    PreparedStatement d = statement("DELETE FROM clocks WHERE case_id = ?");
    d.setString(1, id);
    d.executeUpdate();
    PreparedStatement p = statement(INSERT_CLOCK);
    for (RunningClock clock : index.running()) {
      bindClock(p, c, index.stage(), clock);
      p.executeUpdate();
    }
    PreparedStatement dr = statement("DELETE FROM report_clocks WHERE case_id = ?");
    dr.setString(1, id);
    dr.executeUpdate();
    PreparedStatement r = statement(INSERT_REPORT_CLOCK);
    addReportClocks(r, c, index.facts());
    executeBatch(r);
  }

  private static void bindClock(PreparedStatement p, Case c, String stage, RunningClock clock) throws SQLException {
    p.setString(1, c.id());
    p.setString(2, clock.rule());
    p.setString(3, clock.key());
    p.setLong(4, clock.startedAt().getEpochSecond());
    p.setLong(5, clock.dueAt().getEpochSecond());
    p.setString(6, stage);
    p.setString(7, c.owner());
    p.setString(8, c.priority() == null ? null : c.priority().name());
    p.setString(9, c.customer().company());
  }

  /**
   * The case {@code id} with its events, or empty when there is none.
   *
   * @throws dev.salesflow.core.model.DiagnosticsException when a value of its rows cannot be read ({@link BadRows})
   */
  Optional<Case> read(String id) throws SQLException {
    PreparedStatement q = statement("SELECT " + STORED_COLUMNS + " FROM cases WHERE id = ?");
    q.setString(1, id);
    Case c;
    try (ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      c = storedCaseAt(rs, 1, id);
    }
    List<Event> events = new ArrayList<>();
    PreparedStatement e = statement("SELECT " + EVENT_COLUMNS + " FROM events WHERE case_id = ? ORDER BY seq");
    e.setString(1, id);
    try (ResultSet rs = e.executeQuery()) {
      while (rs.next()) {
        events.add(eventAt(rs, 1, id));
      }
    }
    return Optional.of(withEvents(c, events));
  }

  /** The columns of an event read back, in the order {@link #eventAt} reads them. */
  static final String EVENT_COLUMNS = "at, type, by, note, fields, seq";

  /** The case whose {@link #CASE_COLUMNS} start at column {@code from}, without events. */
  Case caseAt(ResultSet rs, int from, String id) throws SQLException {
    String[] values = new String[12];
    for (int i = 0; i < values.length; i++) {
      values[i] = rs.getString(from + i);
    }
    return caseOf(values, 0, id, null);
  }

  /**
   * The case as stored whose {@link #STORED_COLUMNS} start at column {@code from}, without events:
   * its registration as first written.
   */
  Case storedCaseAt(ResultSet rs, int from, String id) throws SQLException {
    String written = rs.getString(from + RegistrationColumns.COUNT);
    if (written == null) {
      return caseAt(rs, from, id);
    }
    return decode.written(id, written, RegistrationColumns::parse);
  }

  /**
   * The case whose {@link #CASE_COLUMNS} start at {@code values[from]}, without events.
   *
   * @param column the column the values come from, for a message; null when each is its own column
   * @throws dev.salesflow.core.model.DiagnosticsException when the priority or registration time is none
   */
  Case caseOf(String[] values, int from, String id, String column) {
    return decode.registration(id, values, from, column);
  }

  /**
   * The event of case {@code id} whose {@link #EVENT_COLUMNS} start at column {@code from}, checked
   * as a case file's event is.
   *
   * @throws dev.salesflow.core.model.DiagnosticsException when a value cannot be read or the process refuses the event
   */
  Event eventAt(ResultSet rs, int from, String id) throws SQLException {
    return decode.event(id, rs.getInt(from + 5), rs.getString(from), rs.getString(from + 1), rs.getString(from + 2),
        rs.getString(from + 3), rs.getString(from + 4));
  }

  /** The stage {@code text} of case {@code id}'s row. */
  String stage(String id, String text) {
    return decode.stage(id, text);
  }

  /** The stage entry time {@code text} of case {@code id}'s row. */
  OffsetDateTime enteredAt(String id, String text) {
    return decode.enteredAt(id, text);
  }

  static Case withEvents(Case c, List<Event> events) {
    return new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), events);
  }

  private static String json(Map<String, String> fields) {
    return TextCodec.json(fields);
  }

  /** Closes every prepared statement; the connection stays open. */
  void close() {
    for (PreparedStatement p : statements.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing the connection next frees it anyway
      }
    }
    statements.clear();
  }
}
