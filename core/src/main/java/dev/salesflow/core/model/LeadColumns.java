package dev.salesflow.core.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of a lead list holds which field: from the headers, overridden by explicit
 * {@code column=field} mappings ({@code field} may be {@code ignore}).
 *
 * @param fields 0-based column index to field
 * @param deal 0-based column index to deal field (only by explicit mapping)
 * @param unused headers that map to no field and were not ignored explicitly (blank headers and the
 *     {@code stage} and {@code stage_since} columns that {@code export} writes are not listed)
 */
public record LeadColumns(Map<Integer, RegistrationField> fields, Map<Integer, DealField> deal, List<String> unused) {
  /** Columns that {@code export} writes but that are derived, so importing them means nothing. */
  private static final Set<String> DERIVED = Set.of("stage", "stagesince");

  /**
   * Copies the map and list so the mapping is immutable.
   *
   * @param fields column index to field
   * @param deal column index to deal field
   * @param unused headers that map to no field
   */
  public LeadColumns {
    fields = Map.copyOf(fields);
    deal = Map.copyOf(deal);
    unused = List.copyOf(unused);
  }

  /**
   * Maps {@code headers}; refuses, with every problem at once, an explicit mapping naming an
   * unknown column or field, two columns for one field, and a required field that no column and
   * no default in {@code defaulted} supplies.
   *
   * @param headers the header row, in column order
   * @param explicit column header to field name (a canonical name or a header that stands for it, or
   *     a {@link DealField}) or {@code ignore}; headers are compared as in {@link RegistrationField#ofHeader}
   * @param defaulted the fields that have a default value, so need no column
   * @return the mapping of every column to its field
   * @throws InvalidRequestException listing every problem as a {@link ColumnProblem}, when there is any
   */
  public static LeadColumns resolve(List<String> headers, Map<String, String> explicit, Set<RegistrationField> defaulted) {
    List<ColumnProblem> problems = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      index.putIfAbsent(RegistrationField.normalise(headers.get(i)), i);
    }
    Map<Integer, RegistrationField> fields = new LinkedHashMap<>();
    Map<Integer, DealField> deal = new LinkedHashMap<>();
    Map<Integer, Boolean> decided = new LinkedHashMap<>();
    explicit.forEach((column, field) -> {
      Integer at = index.get(RegistrationField.normalise(column));
      if (at == null) {
        problems.add(new ColumnProblem.UnknownColumn(column, field, headers));
        return;
      }
      decided.put(at, true);
      if (field.equalsIgnoreCase("ignore")) {
        return;
      }
      Optional<DealField> dealField = DealField.ofName(field);
      if (dealField.isPresent()) {
        deal.put(at, dealField.get());
        return;
      }
      RegistrationField.ofHeader(field).ifPresentOrElse(f -> fields.put(at, f),
          () -> problems.add(new ColumnProblem.UnknownField(column, field)));
    });
    List<String> unused = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (decided.containsKey(i)) {
        continue;
      }
      var field = RegistrationField.ofHeader(headers.get(i));
      if (field.isPresent()) {
        fields.put(i, field.get());
      } else if (!DERIVED.contains(RegistrationField.normalise(headers.get(i))) && !headers.get(i).isBlank()) {
        unused.add(headers.get(i));
      }
    }
    Map<RegistrationField, Integer> seen = new EnumMap<>(RegistrationField.class);
    fields.forEach((column, field) -> {
      Integer before = seen.putIfAbsent(field, column);
      if (before != null) {
        problems.add(new ColumnProblem.SameField(headers.get(before), headers.get(column), field));
      }
    });
    for (RegistrationField required : RegistrationField.requiredFields()) {
      if (!seen.containsKey(required) && !defaulted.contains(required)) {
        problems.add(new ColumnProblem.NoColumn(required, headers));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(null, problems);
    }
    return new LeadColumns(fields, deal, unused);
  }
}
