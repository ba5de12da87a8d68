package dev.salesflow.core.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a lead list holds which field: from the headers, overridden by explicit
 * {@code column=field} mappings ({@code field} may be {@code ignore}).
 *
 * @param fields 0-based column index to field
 * @param unused headers that map to no field and were not ignored explicitly (blank headers and the
 *     {@code stage} and {@code stage_since} columns that {@code export} writes are not listed)
 */
public record LeadColumns(Map<Integer, LeadField> fields, List<String> unused) {
  /** Columns that {@code export} writes but that are derived, so importing them means nothing. */
  private static final Set<String> DERIVED = Set.of("stage", "stagesince");
  /** Fields a registration cannot do without (a phone or e-mail is only needed to leave the lead stage). */
  public static final List<LeadField> REQUIRED = List.of(LeadField.COMPANY, LeadField.INDUSTRY, LeadField.CONTACT_NAME,
      LeadField.SOURCE, LeadField.PRIORITY, LeadField.OWNER);

  /**
   * Copies the map and list so the mapping is immutable.
   *
   * @param fields column index to field
   * @param unused headers that map to no field
   */
  public LeadColumns {
    fields = Map.copyOf(fields);
    unused = List.copyOf(unused);
  }

  /**
   * Maps {@code headers}; refuses, with every problem at once, an explicit mapping naming an
   * unknown column or field, two columns for one field, and a required field that no column and
   * no default in {@code defaulted} supplies.
   *
   * @param headers the header row, in column order
   * @param explicit column header to field name (a canonical name or a header that stands for it) or
   *     {@code ignore}; headers are compared as in {@link LeadField#ofHeader}
   * @param defaulted the fields that have a default value, so need no column
   * @return the mapping of every column to its field
   * @throws InvalidRequestException listing every problem, when there is any
   */
  public static LeadColumns resolve(List<String> headers, Map<String, String> explicit, Set<LeadField> defaulted) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      index.putIfAbsent(LeadField.normalise(headers.get(i)), i);
    }
    Map<Integer, LeadField> fields = new LinkedHashMap<>();
    Map<Integer, Boolean> decided = new LinkedHashMap<>();
    explicit.forEach((column, field) -> {
      Integer at = index.get(LeadField.normalise(column));
      if (at == null) {
        problems.add("--map " + column + "=" + field + ": the file has no column '" + column + "' (columns: "
            + String.join(", ", headers) + ")");
        return;
      }
      decided.put(at, true);
      if (field.equalsIgnoreCase("ignore")) {
        return;
      }
      LeadField.ofHeader(field).ifPresentOrElse(f -> fields.put(at, f), () -> problems.add("--map " + column + "="
          + field + ": unknown field '" + field + "' (fields: " + String.join(", ", LeadField.keys()) + ", ignore)"));
    });
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (decided.containsKey(i)) {
        continue;
      }
      var field = LeadField.ofHeader(headers.get(i));
      if (field.isPresent()) {
        fields.put(i, field.get());
      } else if (!DERIVED.contains(LeadField.normalise(headers.get(i))) && !headers.get(i).isBlank()) {
        unused.add(headers.get(i));
      }
    }
    Map<LeadField, Integer> seen = new EnumMap<>(LeadField.class);
    fields.forEach((column, field) -> {
      Integer before = seen.putIfAbsent(field, column);
      if (before != null) {
        problems.add("columns '" + headers.get(before) + "' and '" + headers.get(column) + "' both give " + field.key()
            + " (use --map COLUMN=ignore for one of them)");
      }
    });
    for (LeadField required : REQUIRED) {
      if (!seen.containsKey(required) && !defaulted.contains(required)) {
        problems.add("no column gives " + required.key() + " (columns: " + String.join(", ", headers)
            + "); use --map COLUMN=" + required.key() + " or --default " + required.key() + "=VALUE");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", problems));
    }
    return new LeadColumns(fields, unused);
  }
}
