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
   * The further field every event may carry: when it was written, added by salesflow to an event
   * recorded late (its {@code at} earlier than an event already in the case), as an ISO-8601 time
   * with an offset.
   */
  public static final String RECORDED_AT = "recorded_at";

  /**
   * A correction of registration fields ({@code salesflow edit}): each further field is named by
   * its path in a case file (e.g. {@code customer.contact.phone}) and holds the new value, an empty
   * one removing it; an optional {@code reason}. The header stays as first written; the current
   * registration is the header with these events applied in order ({@link Case#current()}).
   */
  public static final String REGISTRATION_EDITED = "registration_edited";

  /**
   * A change of owner ({@code salesflow reassign}): {@code to} names the new owner, {@code from}
   * the one before, with an optional {@code reason}.
   */
  public static final String REASSIGNED = "reassigned";

  /**
   * A lost case taken back to the stage it was lost from ({@code salesflow reopen}): {@code to}
   * names that stage, {@code reason} says why (required).
   */
  public static final String REOPENED = "reopened";

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
   * When this event was written, for an event recorded late.
   *
   * @return its {@code recorded_at}, or empty when it has none or it is not a time with an offset
   */
  public Optional<OffsetDateTime> recordedAt() {
    return recordedTime(fields.get(RECORDED_AT));
  }

  /**
   * Reads a {@code recorded_at} value.
   *
   * @param text the value, or null
   * @return the time, or empty for null or a text that is not an ISO-8601 time with an offset
   */
  public static Optional<OffsetDateTime> recordedTime(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()));
    } catch (java.time.format.DateTimeParseException notATime) {
      return Optional.empty();
    }
  }

  /**
   * This event marked as written at {@code now}, with its {@code at} unchanged.
   *
   * @param now when it is written; kept to the second
   * @return a copy with {@code recorded_at} set
   */
  public Event recordedAt(OffsetDateTime now) {
    Map<String, String> more = new LinkedHashMap<>(fields);
    more.put(RECORDED_AT, Timestamps.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    return new Event(at, type, by, note, more);
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
   * Whether this event takes a lost case back to the stage it was lost from.
   *
   * @return true for a {@code reopened} event
   */
  public boolean isReopened() {
    return REOPENED.equals(type);
  }

  /**
   * Whether this event corrects the registration or the owner of its case.
   *
   * @return true for a {@code registration_edited} or a {@code reassigned} event
   */
  public boolean isCorrection() {
    return REGISTRATION_EDITED.equals(type) || REASSIGNED.equals(type);
  }

  /**
   * Whether this event puts the case in the stage its {@code to} names.
   *
   * @return true for an {@code advance}, an {@code opened} or a {@code reopened} event
   */
  public boolean isStageChange() {
    return ADVANCE.equals(type) || OPENED.equals(type) || REOPENED.equals(type);
  }
}
