package dev.salesflow.core.sla;

import java.util.Objects;

/**
 * A deadline that an event carries, rather than a fixed target: the end of the date in {@code
 * field} of the event {@code of} that starts the clock (e.g. the promised delivery date of the
 * contract), in the calendar's zone. Written {@code due: {field: delivery_date, of: contract_signed}}.
 *
 * @param field the event field holding a date ({@code YYYY-MM-DD})
 * @param of the event type carrying it, which starts the clock; null means the rule's start
 */
public record DueFrom(String field, String of) {
  public DueFrom {
    Objects.requireNonNull(field, "field");
  }

  /** The YAML form, for messages and fingerprints. */
  public String text() {
    return "{field: " + field + (of == null ? "" : ", of: " + of) + "}";
  }
}
