package dev.salesflow.core.calendar;

/**
 * A schedule file that cannot be read as one: its message is {@code SOURCE:LINE:COLUMN: detail};
 * {@link #detail()}, {@link #line()} and {@link #column()} give the parts.
 */
public final class ScheduleFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String detail;
  private final int line;
  private final int column;

  /**
   * @param source the file, as it should be named
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem
   * @param detail what is wrong there
   */
  public ScheduleFileException(String source, int line, int column, String detail) {
    super(source + ":" + line + ":" + column + ": " + detail);
    this.detail = detail;
    this.line = line;
    this.column = column;
  }

  /** What is wrong, without the place. */
  public String detail() {
    return detail;
  }

  /** The 1-based line. */
  public int line() {
    return line;
  }

  /** The 1-based column. */
  public int column() {
    return column;
  }
}
