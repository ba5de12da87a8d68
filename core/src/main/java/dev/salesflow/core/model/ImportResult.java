package dev.salesflow.core.model;

import java.util.List;

/**
 * What an import did, or, in a dry run, would do.
 *
 * @param rows the data rows read
 * @param registered the rows registered, in row order; in a dry run those that would be (with the id
 *     the row gives, or null); empty when invalid rows stopped the import
 * @param duplicates the rows whose company and contact are already registered, or appear earlier
 *     in the file; never registered twice
 * @param errors the invalid rows, in row order, every problem of a row in one message
 * @param written whether any case was written
 */
public record ImportResult(int rows, List<Registered> registered, List<Duplicate> duplicates, List<RowError> errors,
    boolean written) {
  /**
   * Copies the lists so the result is immutable.
   *
   * @param rows the data rows read
   * @param registered the rows registered
   * @param duplicates the rows skipped as duplicates
   * @param errors the invalid rows
   * @param written whether any case was written
   */
  public ImportResult {
    registered = List.copyOf(registered);
    duplicates = List.copyOf(duplicates);
    errors = List.copyOf(errors);
  }

  /**
   * A row registered as a case.
   *
   * @param row the row number, as in {@link LeadRow#row()}
   * @param id the new case's id; in a dry run the id the row gives, or null
   * @param company the customer company
   */
  public record Registered(int row, String id, String company) {}

  /**
   * A row not registered because its company and contact person already are.
   *
   * @param row the row number, as in {@link LeadRow#row()}
   * @param company the customer company
   * @param contact the contact person's name
   * @param existing the id of the case already registered, or {@code row N} for an earlier row of the file
   */
  public record Duplicate(int row, String company, String contact, String existing) {}

  /**
   * An invalid row.
   *
   * @param row the row number, as in {@link LeadRow#row()}
   * @param message every problem of the row, joined with {@code "; "}
   */
  public record RowError(int row, String message) {}
}
