package dev.salesflow.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of a lead list.
 *
 * @param row its row number as a spreadsheet shows it: the header is row 1
 * @param values the non-blank cells, by field
 * @param deal the non-blank cells of deal fields (where the deal stands), by field
 */
public record LeadRow(int row, Map<RegistrationField, String> values, Map<DealField, String> deal) {
  /**
   * Keeps only the non-blank cells, copied so the row is immutable.
   *
   * @param row the row number
   * @param values the cells by field; null and blank values are dropped
   * @param deal the cells of deal fields; null and blank values are dropped
   */
  public LeadRow {
    EnumMap<RegistrationField, String> copy = new EnumMap<>(RegistrationField.class);
    values.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        copy.put(k, v);
      }
    });
    values = Collections.unmodifiableMap(copy);
    EnumMap<DealField, String> dealCopy = new EnumMap<>(DealField.class);
    deal.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        dealCopy.put(k, v);
      }
    });
    deal = Collections.unmodifiableMap(dealCopy);
  }

  /**
   * A row of registration fields only.
   *
   * @param row the row number
   * @param values the cells by field; null and blank values are dropped
   */
  public LeadRow(int row, Map<RegistrationField, String> values) {
    this(row, values, Map.of());
  }

  /**
   * The cell of one field.
   *
   * @param field a field
   * @return its value, or null when the row leaves it blank or has no such column
   */
  public String get(RegistrationField field) {
    return values.get(field);
  }
}
