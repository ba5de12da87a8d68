package dev.salesflow.core.api;

import java.util.List;

/**
 * A file could not be used because of the problems it carries. {@link #kind()} tells a caller
 * whether the file is data (a case file: the store is unreadable) or configuration.
 */
public final class DiagnosticsException extends dev.salesflow.core.api.SalesflowException {
  private static final long serialVersionUID = 1L;

  /** What sort of file failed. */
  public enum Kind {
    CASE_FILE,
    CONFIGURATION
  }

  private final transient List<Diagnostic> diagnostics;
  private final Kind kind;

  public DiagnosticsException(Kind kind, List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid file" : diagnostics.get(0).oneLine());
    this.kind = kind;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public Kind kind() {
    return kind;
  }
}
