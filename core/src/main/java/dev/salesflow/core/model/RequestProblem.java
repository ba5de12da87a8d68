package dev.salesflow.core.model;

/**
 * One thing wrong with a request, as a value: a caller words it in its own terms (the CLI names
 * its flags); {@link #message()} words it in the library's, naming no command-line option.
 */
public sealed interface RequestProblem permits RegistrationProblem, ColumnProblem {
  /**
   * The problem in the library's words: registration fields by their case-file path, a lead list's
   * fields and columns by name.
   *
   * @return e.g. {@code missing customer.industry}
   */
  String message();
}
