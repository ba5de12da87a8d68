package dev.salesflow.core.model;

/**
 * A 1-based line and column in a source file.
 *
 * @param line the line, from 1
 * @param column the column, from 1, counted in Unicode code points
 */
public record SourcePosition(int line, int column) {
  /** Where nothing better is known: the start of the file. */
  public static final SourcePosition START = new SourcePosition(1, 1);

  /**
   * Raises a line or column below 1 to 1.
   *
   * @param line the line
   * @param column the column
   */
  public SourcePosition {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }
}
