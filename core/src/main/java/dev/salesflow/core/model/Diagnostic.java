package dev.salesflow.core.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem found in a file, with its place.
 *
 * @param code what kind of problem it is
 * @param severity whether it fails a check
 * @param file the file it was found in; null when the text did not come from a file
 * @param position where in the file; {@link SourcePosition#START} when nothing better is known
 * @param message what is wrong, for a person, without the place
 * @param caseId the case concerned, or null for workspace files and case files too broken to name one
 * @param text the message as a catalog entry, written in the language of the output; {@code message}
 *     is its English text
 */
public record Diagnostic(
    DiagnosticCode code,
    Severity severity,
    Path file,
    SourcePosition position,
    String message,
    String caseId,
    Message text) {

  /**
   * Checks the code, severity and message, and places a diagnostic without a position at the start
   * of the file.
   *
   * @param code the code; not null
   * @param severity the severity; not null
   * @param file the file, or null
   * @param position the place, or null for the start of the file
   * @param message the message; not null
   * @param caseId the case, or null
   * @param text the message as a catalog entry; null for {@link Message#literal} of {@code message}
   */
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    position = position == null ? SourcePosition.START : position;
    text = text == null ? Message.literal(message) : text;
  }

  /**
   * A diagnostic whose message is text not (yet) in the catalog.
   *
   * @param code the code; not null
   * @param severity the severity; not null
   * @param file the file, or null
   * @param position the place, or null for the start of the file
   * @param message the message; not null
   * @param caseId the case, or null
   */
  public Diagnostic(DiagnosticCode code, Severity severity, Path file, SourcePosition position, String message,
      String caseId) {
    this(code, severity, file, position, message, caseId, null);
  }

  /**
   * A diagnostic whose message is a catalog entry.
   *
   * @param code the code; not null
   * @param severity the severity; not null
   * @param file the file, or null
   * @param position the place, or null for the start of the file
   * @param text the message; not null
   * @param caseId the case, or null
   */
  public Diagnostic(DiagnosticCode code, Severity severity, Path file, SourcePosition position, Message text,
      String caseId) {
    this(code, severity, file, position, text.english(), caseId, text);
  }

  /**
   * The message in a language.
   *
   * @param lang {@code en} or {@code zh}
   * @return what is wrong, in that language where the catalog has it
   */
  public String message(String lang) {
    return "en".equals(lang) ? message : text.in(lang);
  }

  /**
   * An error at {@code position} of {@code file}, not yet attributed to a case.
   *
   * @param code what kind of problem it is
   * @param file the file, or null
   * @param position the place, or null for the start of the file
   * @param message what is wrong
   * @return a diagnostic of severity {@link Severity#ERROR} without a case id
   */
  public static Diagnostic error(DiagnosticCode code, Path file, SourcePosition position, String message) {
    return new Diagnostic(code, Severity.ERROR, file, position, message, null);
  }

  /**
   * An error at {@code position} of {@code file} whose message is a catalog entry.
   *
   * @param code what kind of problem it is
   * @param file the file, or null
   * @param position the place, or null for the start of the file
   * @param text what is wrong
   * @return a diagnostic of severity {@link Severity#ERROR} without a case id
   */
  public static Diagnostic error(DiagnosticCode code, Path file, SourcePosition position, Message text) {
    return new Diagnostic(code, Severity.ERROR, file, position, text, null);
  }

  /**
   * This diagnostic attributed to a case.
   *
   * @param id the case id
   * @return a copy with {@code caseId} set to {@code id}
   */
  public Diagnostic forCase(String id) {
    return new Diagnostic(code, severity, file, position, message, id, text);
  }

  /**
   * The diagnostic as one line, in the form editors and CI logs turn into links.
   *
   * @return {@code path:line:col: severity: message [SFnnn slug]}, with {@code <input>} for a missing file
   */
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
