package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A required field of an event's form that is not filled in yet, as a person at a terminal is
 * asked for it ({@code log CASE TYPE} with {@code forms: required}).
 *
 * @param key the event field to fill in, e.g. {@code signer}, or {@code items.1.model} for a part of
 *     a list of items
 * @param label the field's label in the language asked for, e.g. {@code Signed by (customer)}; for an
 *     item's part, the list's label with the item's number and the part
 * @param kind {@code text}, {@code number}, {@code money}, {@code date}, {@code enum} or {@code person}
 * @param choices an enum's values (what Tab completes); empty for other kinds
 */
public record MissingFormField(String key, String label, String kind, List<String> choices) {
  /**
   * Checks the names and copies the choices.
   *
   * @param key the event field; not null
   * @param label its label; not null
   * @param kind its kind; not null
   * @param choices the values to choose from, or null for none
   */
  public MissingFormField {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    choices = choices == null ? List.of() : List.copyOf(choices);
  }
}
