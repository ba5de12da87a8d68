package dev.salesflow.core.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's event log. Values are kept as written; which types and fields are valid
 * is the process's business, judged when the event is recorded or replayed.
 *
 * @param at when it happened, with the offset it was written with (or the workspace zone's)
 * @param type the event type, one the process declares, or {@code advance}
 * @param by who recorded it; may be null
 * @param note free text; may be null
 * @param fields further fields such as {@code to}, {@code reason}, {@code amount}, in file order
 */
public record Event(OffsetDateTime at, String type, String by, String note, Map<String, String> fields) {

  /** The event type that moves a case to another stage; its {@code to} field names the stage. */
  public static final String ADVANCE = "advance";

  /**
   * The event that opens a case mid-process, only as its first event: {@code to} names the stage
   * it starts in (closed or lost too), with an optional {@code reason} (required for lost), {@code
   * amount} (a won deal's value) and {@code source} (the system it was brought in from).
   */
  public static final String OPENED = "opened";

  /** The further fields an {@code opened} event may carry, in the order they are written. */
  public static final java.util.List<String> OPENED_FIELDS = java.util.List.of("to", "reason", "amount", "source");

  /**
   * Turns a blank {@code by} or {@code note} into null and copies the fields, keeping their order,
   * so the event is immutable.
   *
   * @param at when it happened; not null
   * @param type the event type; not null
   * @param by who recorded it, or null
   * @param note free text, or null
   * @param fields further fields, or null for none
   * @throws IllegalArgumentException when a field has a null name or value
   */
  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    by = by == null || by.isBlank() ? null : by;
    note = note == null || note.isBlank() ? null : note;
    // no copy for the commonest event, one without further fields (millions of them in a migration)
    fields = fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey() == null || field.getValue() == null) {
        throw new IllegalArgumentException("event field " + field.getKey() + " has no value");
      }
    }
  }

  /**
   * The value of a further field.
   *
   * @param name a field name, e.g. {@code to} or {@code amount}
   * @return its value as written, or empty when the event has no such field
   */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * Whether this event moves the case to another stage.
   *
   * @return true for an {@code advance} event
   */
  public boolean isAdvance() {
    return ADVANCE.equals(type);
  }

  /**
   * Whether this event opens the case in a stage (an import of a deal already under way).
   *
   * @return true for an {@code opened} event
   */
  public boolean isOpened() {
    return OPENED.equals(type);
  }

  /**
   * Whether this event puts the case in the stage its {@code to} names.
   *
   * @return true for an {@code advance} or an {@code opened} event
   */
  public boolean isStageChange() {
    return ADVANCE.equals(type) || OPENED.equals(type);
  }
}
