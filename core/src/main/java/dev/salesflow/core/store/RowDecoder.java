package dev.salesflow.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.Amounts;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Timestamps;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a database's rows made into a case and its events, checked as a case file's are:
 * what the SQLite and PostgreSQL stores share, so a row another program wrote that no case file
 * could hold is refused alike in both, as a {@link BadRows} failure naming case, table and column.
 */
public final class RowDecoder {
  /** Jackson for reading event fields, made on first use: overdue and list never read an event. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};
  }

  private final Path database;
  private final ZoneId zone;
  private final ClockIndexer indexer;

  /**
   * @param database the database's file or spec, as findings name it
   * @param zone the workspace's zone, for timestamps without an offset
   * @param indexer the workspace's process, which every event is checked against ({@link BadRows#checkEvent})
   */
  public RowDecoder(Path database, ZoneId zone, ClockIndexer indexer) {
    this.database = database;
    this.zone = zone;
    this.indexer = indexer;
  }

  /**
   * The case {@code id} without events, from the twelve registration columns' values ({@code
   * RegistrationColumns}) starting at {@code values[from]}.
   *
   * @param column the column all the values come from ({@code written}), for a message; null when each is its own
   * @throws dev.salesflow.core.model.DiagnosticsException when the priority or registration time is none
   */
  public Case registration(String id, String[] values, int from, String column) {
    String priority = values[from + 8];
    String registered = values[from + 10];
    Priority p = priority == null ? null : Priority.parse(priority)
        .orElseThrow(() -> BadRows.inCases(database, id, column == null ? "priority" : column, Priority.notAPriority(priority)));
    OffsetDateTime at = registered == null ? null : Timestamps.parse(registered, zone)
        .orElseThrow(() -> BadRows.inCases(database, id, column == null ? "registered_at" : column, unreadableTime(registered)));
    return new Case(id,
        new Customer(values[from], values[from + 1], values[from + 2],
            new Contact(values[from + 3], values[from + 4], values[from + 5], values[from + 6])),
        values[from + 7], p, values[from + 9], at, values[from + 11], List.of());
  }

  /**
   * The registration as first written, from the {@code written} column's JSON array.
   *
   * @throws dev.salesflow.core.model.DiagnosticsException when it is no such array or holds a bad value
   */
  public Case written(String id, String written, java.util.function.Function<String, String[]> parse) {
    String[] values;
    try {
      values = parse.apply(written);
    } catch (IllegalArgumentException e) {
      throw BadRows.inCases(database, id, "written", "not the JSON array of the registration as first written ("
          + e.getMessage() + ")");
    }
    return registration(id, values, 0, "written");
  }

  /**
   * Event {@code seq} of case {@code id} from its columns' values, checked as a case file's event is.
   *
   * @throws dev.salesflow.core.model.DiagnosticsException when a value cannot be read or the process refuses the event
   */
  public Event event(String id, int seq, String at, String type, String by, String note, String fields) {
    OffsetDateTime time = Timestamps.parse(at, zone)
        .orElseThrow(() -> BadRows.inEvents(database, id, seq, "at", unreadableTime(at)));
    if (type == null) {
      throw BadRows.inEvents(database, id, seq, "type", "no event type");
    }
    Event e = new Event(time, type, by, note, fields(fields, id, seq));
    BadRows.checkEvent(indexer, database, id, seq, e);
    return e;
  }

  /** The stage {@code text} of case {@code id}'s row, derived and kept by salesflow: never none. */
  public String stage(String id, String text) {
    if (text == null) {
      throw BadRows.inCases(database, id, "stage", "no stage");
    }
    return text;
  }

  /** The stage entry time {@code text} of case {@code id}'s row. */
  public OffsetDateTime enteredAt(String id, String text) {
    return enteredAt(database, zone, id, text);
  }

  /** The stage entry time {@code text} of case {@code id}'s row in {@code database}, read in {@code zone} without an offset. */
  public static OffsetDateTime enteredAt(Path database, ZoneId zone, String id, String text) {
    return Timestamps.parse(text, zone).orElseThrow(() -> BadRows.inCases(database, id, "entered_at", unreadableTime(text)));
  }

  private Map<String, String> fields(String json, String id, int seq) {
    if ("{}".equals(json)) {
      return Map.of();
    }
    Map<String, String> fields;
    try {
      fields = json == null ? null : Json.MAPPER.readValue(json, Json.FIELDS);
    } catch (JsonProcessingException e) {
      fields = null;
    }
    if (fields == null || fields.containsKey(null) || fields.containsValue(null)) {
      throw BadRows.inEvents(database, id, seq, "fields", "not a JSON object of texts: '" + Amounts.shortened(json) + "'");
    }
    return fields;
  }

  private static String unreadableTime(String text) {
    return "unreadable timestamp '" + Amounts.shortened(text) + "' (" + Timestamps.accepted() + ")";
  }
}
