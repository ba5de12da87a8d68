package dev.salesflow.core.model;

import java.util.List;

/**
 * A file could not be used because of the problems it carries. {@link #kind()} tells a caller
 * whether the file is data (a case file: the store is unreadable) or configuration.
 */
public final class DiagnosticsException extends dev.salesflow.core.model.SalesflowException {
  private static final long serialVersionUID = 1L;

  /** What sort of file failed. */
  public enum Kind {
    /** A case file: the case it holds cannot be read from the store. */
    CASE_FILE,
    /** The workspace settings ({@code salesflow.yaml}), the process file or a calendar file. */
    CONFIGURATION,
    /** A form file given on the command line ({@code log --form FILE}): a usage error. */
    FORM
  }

  private final transient List<Diagnostic> diagnostics;
  /** What sort of file failed. */
  private final Kind kind;

  /**
   * A failure whose message is the first diagnostic's one-line form.
   *
   * @param kind what sort of file failed
   * @param diagnostics every problem found in it, with their places
   */
  public DiagnosticsException(Kind kind, List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "invalid file" : diagnostics.get(0).oneLine());
    this.kind = kind;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The problems that made the file unusable.
   *
   * @return every diagnostic, with file, line and column; empty only when none was given
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * What sort of file failed.
   *
   * @return {@link Kind#CASE_FILE} for data, {@link Kind#CONFIGURATION} for configuration
   */
  public Kind kind() {
    return kind;
  }
}
