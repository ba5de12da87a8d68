package dev.salesflow.core.api;

/** A 1-based line and column in a source file. */
public record SourcePosition(int line, int column) {
  /** Where nothing better is known: the start of the file. */
  public static final SourcePosition START = new SourcePosition(1, 1);

  public SourcePosition {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }
}
