package dev.salesflow.core.api;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's event log.
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

  public Event {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    by = by == null || by.isBlank() ? null : by;
    note = note == null || note.isBlank() ? null : note;
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    fields.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new IllegalArgumentException("event field " + k + " has no value");
      }
    });
  }

  /** The value of a further field, if present. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** True for an {@code advance} event. */
  public boolean isAdvance() {
    return ADVANCE.equals(type);
  }
}
