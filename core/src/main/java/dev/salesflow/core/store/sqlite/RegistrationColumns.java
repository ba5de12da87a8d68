package dev.salesflow.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Timestamps;
import java.util.Map;

/**
 * The registration columns of a database's {@code cases} table, shared by the SQLite and
 * PostgreSQL stores: they hold the current registration (after {@code edit} and {@code
 * reassign}), so queries by owner, priority or company follow the corrections; the {@code written}
 * column keeps the registration as first written (a JSON array of the same values) once a
 * correction has changed them, so a case reads back, and migrates, with its header as written.
 */
public final class RegistrationColumns {
  /** The columns, in the order of {@link #values}. */
  public static final String NAMES = "company, industry, size, contact_name, contact_title, phone, email, source,"
      + " priority, owner, registered_at, needs";

  /** How many columns {@link #NAMES} lists. */
  public static final int COUNT = 12;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistrationColumns() {}

  /** The values of {@link #NAMES} of {@code c}, in their order. */
  public static String[] values(Case c) {
    return new String[] {c.customer().company(), c.customer().industry(), c.customer().size(),
        c.customer().contact().name(), c.customer().contact().title(), c.customer().contact().phone(),
        c.customer().contact().email(), c.source(), c.priority() == null ? null : c.priority().name(), c.owner(),
        c.registeredAt() == null ? null : Timestamps.format(c.registeredAt()), c.need()};
  }

  /**
   * The {@code written} column of a stored case: null when its corrections leave the registration
   * as written (the registration columns are then the header), else the header's values as JSON.
   */
  public static String written(Case stored, Case current) {
    if (stored == current) {
      return null;
    }
    String[] values = values(stored);
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "" : ",");
      if (values[i] == null) {
        json.append("null");
      } else {
        // TextCodec escapes a string as Jackson does; an object of one entry is sliced down to the value
        String one = TextCodec.json(Map.of("", values[i]));
        json.append(one, 4, one.length() - 1);
      }
    }
    return json.append(']').toString();
  }

  /**
   * The header values a {@code written} column holds.
   *
   * @throws IllegalArgumentException when it is not a JSON array of {@link #COUNT} strings or nulls
   */
  public static String[] parse(String written) {
    try {
      String[] values = MAPPER.readValue(written, String[].class);
      if (values.length != COUNT) {
        throw new IllegalArgumentException("expected " + COUNT + " values, got " + values.length);
      }
      return values;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}
