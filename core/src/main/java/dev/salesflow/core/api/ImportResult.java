package dev.salesflow.core.api;

import java.util.List;

/**
 * What an import did, or, when {@link #written()} is false, would do.
 *
 * @param rows the data rows read
 * @param registered the rows registered (ids are null when nothing was written)
 * @param duplicates the rows whose company and contact are already registered, or appear earlier
 *     in the file; never registered twice
 * @param errors the invalid rows, in row order, every problem of a row in one message
 * @param written whether any case was written
 */
public record ImportResult(int rows, List<Registered> registered, List<Duplicate> duplicates, List<RowError> errors,
    boolean written) {
  public ImportResult {
    registered = List.copyOf(registered);
    duplicates = List.copyOf(duplicates);
    errors = List.copyOf(errors);
  }

  public record Registered(int row, String id, String company) {}

  /** @param existing the id of the case already registered, or {@code row N} for an earlier row of the file */
  public record Duplicate(int row, String company, String contact, String existing) {}

  public record RowError(int row, String message) {}
}
