package dev.salesflow.core.store.sqlite;

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
import dev.salesflow.core.sla.RunningClock;
import dev.salesflow.core.store.CaseIndex;
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
  /** Jackson for reading event fields, made on first use: overdue and list never read an event. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};
  }

  static final String CASE_COLUMNS = "company, industry, size, contact_name, contact_title, phone, email, source,"
      + " priority, owner, registered_at, needs";
  private static final String INSERT_CASE = "INSERT INTO cases(id, " + CASE_COLUMNS + ", stage)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      "INSERT INTO events(case_id, seq, at, at_unix, type, by, note, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CLOCK = "INSERT INTO clocks(case_id, rule, match_key, started_unix, due_unix,"
      + " stage, owner, priority, company) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Connection db;
  private final Path file;
  private final ZoneId zone;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  CaseRows(Connection db, Path file, ZoneId zone) {
    this.db = db;
    this.file = file;
    this.zone = zone;
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
      p.setString(1, c.id());
      p.setString(2, c.customer().company());
      p.setString(3, c.customer().industry());
      p.setString(4, c.customer().size());
      p.setString(5, c.customer().contact().name());
      p.setString(6, c.customer().contact().title());
      p.setString(7, c.customer().contact().phone());
      p.setString(8, c.customer().contact().email());
      p.setString(9, c.source());
      p.setString(10, c.priority() == null ? null : c.priority().name());
      p.setString(11, c.owner());
      p.setString(12, e.registeredAt());
      p.setString(13, c.need());
      p.setString(14, e.index().stage());
      p.addBatch();
    }
    executeBatch(p);
    for (Encoded e : batch) {
      insertEvents(e);
    }
    PreparedStatement clocks = statement(INSERT_CLOCK);
    for (Encoded e : batch) {
      for (RunningClock clock : e.index().running()) {
        bindClock(clocks, e.value(), e.index().stage(), clock);
        clocks.addBatch();
      }
    }
    executeBatch(clocks);
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

  /** Rewrites the stage and running clocks of case {@code c}. */
  void replaceIndex(Case c, CaseIndex index) throws SQLException {
    String id = c.id();
    PreparedStatement u = statement("UPDATE cases SET stage = ? WHERE id = ?");
    u.setString(1, index.stage());
    u.setString(2, id);
    u.executeUpdate();
    PreparedStatement d = statement("DELETE FROM clocks WHERE case_id = ?");
    d.setString(1, id);
    d.executeUpdate();
    PreparedStatement p = statement(INSERT_CLOCK);
    for (RunningClock clock : index.running()) {
      bindClock(p, c, index.stage(), clock);
      p.executeUpdate();
    }
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

  /** The case {@code id} with its events, or empty when there is none. */
  Optional<Case> read(String id) throws SQLException {
    PreparedStatement q = statement("SELECT " + CASE_COLUMNS + " FROM cases WHERE id = ?");
    q.setString(1, id);
    Case c;
    try (ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      c = caseAt(rs, 1, id);
    }
    List<Event> events = new ArrayList<>();
    PreparedStatement e = statement("SELECT at, type, by, note, fields FROM events WHERE case_id = ? ORDER BY seq");
    e.setString(1, id);
    try (ResultSet rs = e.executeQuery()) {
      while (rs.next()) {
        events.add(eventAt(rs, 1));
      }
    }
    return Optional.of(withEvents(c, events));
  }

  /** The case whose {@link #CASE_COLUMNS} start at column {@code from}, without events. */
  Case caseAt(ResultSet rs, int from, String id) throws SQLException {
    String priority = rs.getString(from + 8);
    String registered = rs.getString(from + 10);
    return new Case(id,
        new Customer(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2),
            new Contact(rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5), rs.getString(from + 6))),
        rs.getString(from + 7), priority == null ? null : Priority.valueOf(priority), rs.getString(from + 9),
        registered == null ? null : time(registered), rs.getString(from + 11), List.of());
  }

  /** The event whose at, type, by, note and fields start at column {@code from}. */
  Event eventAt(ResultSet rs, int from) throws SQLException {
    return new Event(time(rs.getString(from)), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
        fields(rs.getString(from + 4)));
  }

  static Case withEvents(Case c, List<Event> events) {
    return new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), events);
  }

  private OffsetDateTime time(String text) {
    return Timestamps.parse(text, zone).orElseThrow(() -> new StoreException(file + ": unreadable timestamp '" + text + "'"));
  }

  private Map<String, String> fields(String json) {
    if ("{}".equals(json)) {
      return Map.of();
    }
    try {
      return Json.MAPPER.readValue(json, Json.FIELDS);
    } catch (JsonProcessingException e) {
      throw new StoreException(file + ": unreadable event fields " + json, e);
    }
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
