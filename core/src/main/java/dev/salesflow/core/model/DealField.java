package dev.salesflow.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a lead list that say where a deal stands in the system it comes from, beyond its
 * registration: read only through an explicit {@code --map COLUMN=FIELD} (the {@code stage} column
 * that {@code export} writes is derived and not read back by itself). A row with a stage other than
 * the first is opened there by an {@code opened} first event.
 */
public enum DealField {
  /** The stage the deal stands in: a stage id of the process, e.g. {@code negotiation}, {@code closed}, {@code lost}. */
  STAGE("stage"),
  /** When the deal got to its stage, a timestamp; blank means the registration time. */
  STAGE_AT("stage_at"),
  /** The deal's amount, a number (a {@code closed} deal's is its won value). */
  AMOUNT("amount"),
  /** Why the deal was lost; needed for a {@code lost} one. */
  REASON("reason");

  private final String column;

  DealField(String column) {
    this.column = column;
  }

  /**
   * The field's name as {@code --map} names it.
   *
   * @return e.g. {@code stage_at}
   */
  public String column() {
    return column;
  }

  /**
   * The field a {@code --map} target names, compared as {@link RegistrationField#ofHeader} compares.
   *
   * @param name a field name, e.g. {@code stage_at} or {@code stage-at}
   * @return the field, or empty when it names none
   */
  public static Optional<DealField> ofName(String name) {
    String wanted = RegistrationField.normalise(name);
    for (DealField f : values()) {
      if (RegistrationField.normalise(f.column).equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Every field name, for messages.
   *
   * @return the names in declaration order
   */
  public static List<String> columns() {
    List<String> columns = new ArrayList<>();
    for (DealField f : values()) {
      columns.add(f.column);
    }
    return columns;
  }
}
