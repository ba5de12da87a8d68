package dev.salesflow.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a file, with its place.
 *
 * @param caseId the case concerned, or null for workspace files
 */
public record Diagnostic(
    DiagnosticCode code,
    Severity severity,
    Path file,
    SourcePosition position,
    String message,
    String caseId) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    position = position == null ? SourcePosition.START : position;
  }

  /** An error at {@code position} of {@code file}. */
  public static Diagnostic error(DiagnosticCode code, Path file, SourcePosition position, String message) {
    return new Diagnostic(code, Severity.ERROR, file, position, message, null);
  }

  /** This diagnostic attributed to case {@code id}. */
  public Diagnostic forCase(String id) {
    return new Diagnostic(code, severity, file, position, message, id);
  }

  /** {@code path:line:col: severity: message [SFnnn]}, the form editors and CI logs link. */
  public String oneLine() {
    return String.format(
        "%s:%d:%d: %s: %s [%s %s]",
        file == null ? "<input>" : file,
        position.line(),
        position.column(),
        severity.label(),
        message,
        code.id(),
        code.slug());
  }
}
