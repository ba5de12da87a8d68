package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/** Why the columns of a lead list cannot be mapped to registration fields ({@link LeadColumns#resolve}). */
public sealed interface ColumnProblem extends RequestProblem {

  /**
   * An explicit mapping names a column the file does not have.
   *
   * @param column the column the mapping names
   * @param field the field it was to be read as, as given
   * @param headers the file's header row
   */
  record UnknownColumn(String column, String field, List<String> headers) implements ColumnProblem {
    /**
     * Copies the headers.
     *
     * @param column the column
     * @param field the field, as given
     * @param headers the header row
     */
    public UnknownColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(field, "field");
      headers = List.copyOf(headers);
    }

    @Override
    public String message() {
      return column + "=" + field + ": the file has no column '" + column + "' (columns: " + String.join(", ", headers) + ")";
    }
  }

  /**
   * An explicit mapping names no field (nor {@code ignore}).
   *
   * @param column the column the mapping names
   * @param field the field name, as given
   */
  record UnknownField(String column, String field) implements ColumnProblem {
    /**
     * Checks both are given.
     *
     * @param column the column
     * @param field the field name, as given
     */
    public UnknownField {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String message() {
      return column + "=" + field + ": unknown field '" + field + "' (fields: "
          + String.join(", ", RegistrationField.columns()) + ", " + String.join(", ", DealField.columns()) + ", ignore)";
    }
  }

  /**
   * Two columns are read as the same field.
   *
   * @param first the first column's header
   * @param second the other column's header
   * @param field the field both give
   */
  record SameField(String first, String second, RegistrationField field) implements ColumnProblem {
    /**
     * Checks all are given.
     *
     * @param first the first header
     * @param second the other header
     * @param field the field
     */
    public SameField {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String message() {
      return "columns '" + first + "' and '" + second + "' both give " + field.column();
    }
  }

  /**
   * A required field that no column and no default gives.
   *
   * @param field the field
   * @param headers the file's header row
   */
  record NoColumn(RegistrationField field, List<String> headers) implements ColumnProblem {
    /**
     * Copies the headers.
     *
     * @param field the field
     * @param headers the header row
     */
    public NoColumn {
      Objects.requireNonNull(field, "field");
      headers = List.copyOf(headers);
    }

    @Override
    public String message() {
      return "no column gives " + field.column() + " (columns: " + String.join(", ", headers) + ")";
    }
  }
}
