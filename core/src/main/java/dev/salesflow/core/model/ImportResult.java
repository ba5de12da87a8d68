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
 * @param assumptions what the import assumed where rows left something unsaid, one entry per kind
 * @param events how many events of an event file the registered cases hold (0 without one)
 * @param logErrors the problems of an event file that belong to no row of the case list, each
 *     {@code FILE:LINE: message} (events of a case the list does not hold); they count as invalid rows
 */
public record ImportResult(int rows, List<Registered> registered, List<Duplicate> duplicates, List<RowError> errors,
    boolean written, List<Assumption> assumptions, int events, List<String> logErrors) {
  /**
   * Copies the lists so the result is immutable.
   *
   * @param rows the data rows read
   * @param registered the rows registered
   * @param duplicates the rows skipped as duplicates
   * @param errors the invalid rows
   * @param written whether any case was written
   * @param assumptions what was assumed, one entry per kind
   * @param events how many events the registered cases hold
   * @param logErrors the event file's problems outside the case list's rows
   */
  public ImportResult {
    logErrors = List.copyOf(logErrors);
    registered = List.copyOf(registered);
    duplicates = List.copyOf(duplicates);
    errors = List.copyOf(errors);
    assumptions = List.copyOf(assumptions);
  }

  /**
   * An import without an event file.
   *
   * @param rows the data rows read
   * @param registered the rows registered
   * @param duplicates the rows skipped as duplicates
   * @param errors the invalid rows
   * @param written whether any case was written
   * @param assumptions what was assumed, one entry per kind
   */
  public ImportResult(int rows, List<Registered> registered, List<Duplicate> duplicates, List<RowError> errors,
      boolean written, List<Assumption> assumptions) {
    this(rows, registered, duplicates, errors, written, assumptions, 0, List.of());
  }

  /**
   * Whether anything was invalid: a row, or an event outside the rows.
   *
   * @return true when {@link #errors()} or {@link #logErrors()} is not empty
   */
  public boolean invalid() {
    return !errors.isEmpty() || !logErrors.isEmpty();
  }

  /**
   * Something an import assumed for some rows, said once for all of them.
   *
   * @param kind what was assumed
   * @param rows how many rows it concerns; at least one
   * @param firstRow the first of them, as a spreadsheet numbers it
   */
  public record Assumption(Kind kind, int rows, int firstRow) {
    /**
     * Checks the counts.
     *
     * @param kind what was assumed
     * @param rows how many rows; at least one
     * @param firstRow the first row
     */
    public Assumption {
      java.util.Objects.requireNonNull(kind, "kind");
      if (rows < 1) {
        throw new IllegalArgumentException("an assumption concerns at least one row, got " + rows);
      }
    }

    /** The kinds of assumption. */
    public enum Kind {
      /** No registration time: registered at the import's "now". */
      REGISTERED_NOW,
      /** A registration date without a time: read as 00:00 in the workspace's zone. */
      DATE_ONLY,
      /** A registration time without an offset: read in the workspace's zone. */
      NO_OFFSET
    }
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
   * @param problems every problem of the row's registration
   * @param dealProblems every problem of the row's deal fields ({@link DealField}), each naming its field
   */
  public record RowError(int row, List<RegistrationProblem> problems, List<String> dealProblems) {
    /**
     * Copies the problems so the error is immutable.
     *
     * @param row the row number
     * @param problems every problem of the row's registration
     * @param dealProblems every problem of where the row says the deal stands, each naming its field
     */
    public RowError {
      problems = List.copyOf(problems);
      dealProblems = List.copyOf(dealProblems);
    }

    /**
     * A row whose registration has problems.
     *
     * @param row the row number
     * @param problems every problem of the row
     */
    public RowError(int row, List<RegistrationProblem> problems) {
      this(row, problems, List.of());
    }

    /**
     * The row's problems in the lead list's terms: each field named by its column, as in {@code
     * missing contact_name}.
     *
     * @return every problem, joined with {@code "; "}
     */
    public String message() {
      StringBuilder s = new StringBuilder();
      for (RegistrationProblem p : problems) {
        s.append(s.length() == 0 ? "" : "; ").append(p.describe(p.field().column()));
      }
      for (String p : dealProblems) {
        s.append(s.length() == 0 ? "" : "; ").append(p);
      }
      return s.toString();
    }
  }
}
