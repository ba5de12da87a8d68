package dev.salesflow.core.model;

/**
 * Stable codes of every finding salesflow reports; the numbers never change meaning. SF1xx are
 * problems of a file's text, fields and id, SF2xx of a case's events under the process, SF3xx of
 * its SLA clocks.
 */
public enum DiagnosticCode {
  /** The file cannot be read, is not YAML, holds more than one document or nests too deep. */
  YAML_SYNTAX("SF100", "yaml-syntax"),
  /** A field salesflow does not know; the message lists the known ones. */
  UNKNOWN_FIELD("SF101", "unknown-field"),
  /** A value of the wrong shape: a list or mapping where a single value belongs, or the reverse. */
  WRONG_TYPE("SF102", "wrong-type"),
  /** A required field is missing or empty. */
  MISSING_FIELD("SF103", "missing-field"),
  /**
   * A value the field does not accept: an unknown source, event type or time zone, a priority other
   * than A, B or C, an event field value of the wrong kind.
   */
  BAD_VALUE("SF104", "bad-value"),
  /** A timestamp that is not ISO-8601 or names an impossible date. */
  BAD_TIMESTAMP("SF105", "bad-timestamp"),
  /** A YAML anchor or alias, which salesflow files may not use. */
  ALIAS("SF106", "alias"),
  /** The same key twice in one mapping. */
  DUPLICATE_KEY("SF107", "duplicate-key"),
  /** The file is not valid UTF-8 or holds a NUL character. */
  INVALID_ENCODING("SF108", "invalid-encoding"),
  /** A case file whose id differs from its file name. */
  ID_MISMATCH("SF109", "id-mismatch"),
  /**
   * An id that cannot name a case: ids are 1 to 128 letters, digits, {@code -} or {@code _}, start
   * with a letter or digit and are not a reserved device name such as {@code CON}.
   */
  BAD_ID("SF110", "bad-id"),
  /** A YAML tag such as {@code !!str}, which salesflow files may not use. */
  TAG("SF111", "tag"),
  /** A case id that an earlier file of the same check already uses. */
  DUPLICATE_ID("SF112", "duplicate-id"),
  /** A case file over 16 MiB, or a line over 65,536 characters: refused before it is parsed. */
  TOO_LARGE("SF113", "too-large"),
  /** A case file that is a symbolic link: never read or written through. */
  SYMLINK("SF114", "symlink"),
  /**
   * A name {@code X.yaml} among the case files that is no case file: a FIFO, a folder, a device or
   * socket (never opened), an empty file, or one that cannot be read.
   */
  NOT_A_CASE_FILE("SF115", "not-a-case-file"),
  /**
   * An event the process does not allow where the case stands: an event type not allowed in the
   * stage, a move to a stage that cannot be reached or without a required reason, or any event after
   * the case was closed or lost.
   */
  ILLEGAL_EVENT("SF201", "illegal-event"),
  /** A move forward while the stage's requirements (records, approvals) are unmet. */
  UNMET_GUARD("SF202", "unmet-guard"),
  /**
   * An event earlier than the registration, or one whose {@code recorded_at} is earlier than its
   * {@code at} (written before it happened).
   */
  TIME_ORDER("SF203", "time-order"),
  /** An event after the instant the check judges at. */
  FUTURE_EVENT("SF204", "future-event"),
  /**
   * A stop event (e.g. {@code issue_resolved}) whose matching field names no earlier start event
   * (e.g. an {@code issue_reported} with the same {@code issue}).
   */
  UNPAIRED_ISSUE("SF205", "unpaired-issue"),
  /**
   * An event recorded by someone who holds none of the roles the process names for it (e.g. a
   * {@code contract_reviewed} not by legal), or an approval by someone without the role it names.
   * Reported only in a workspace with a team.
   */
  ROLE_NOT_ALLOWED("SF206", "role-not-allowed"),
  /** An event whose {@code by} names no person of the workspace's team. */
  UNKNOWN_PERSON("SF207", "unknown-person"),
  /**
   * An event whose form (a table or checklist of the manual) lacks a required field, in a workspace
   * with {@code forms: required}.
   */
  FORM_INCOMPLETE("SF208", "form-incomplete"),
  /**
   * An {@code attached} event whose file is missing from the workspace's {@code attachments/}
   * folder, or no longer has the SHA-256 (or size) the event recorded.
   */
  BAD_ATTACHMENT("SF209", "bad-attachment"),
  /** An approval without a signature, in a workspace with {@code signatures: required}. */
  UNSIGNED_APPROVAL("SF210", "unsigned-approval"),
  /**
   * An approval's signature that is no readable SSH signature: not armored, truncated, of another
   * namespace than {@code salesflow}, or of an unsupported key or hash algorithm.
   */
  BAD_SIGNATURE("SF211", "bad-signature"),
  /** An approval signed with a key that the allowed-signers file does not list for its approver's e-mail. */
  UNKNOWN_SIGNER("SF212", "unknown-signer"),
  /**
   * An approval whose signature, by a listed key, does not verify over the event's case, role,
   * amount, time and approver: the event was edited after it was signed.
   */
  EDITED_AFTER_SIGNING("SF213", "edited-after-signing"),
  /** An SLA clock still running past its deadline; an error or a warning as {@link SlaMode} says. */
  SLA_BREACHED("SF301", "sla-breached"),
  /** An SLA clock stopped after its deadline; an error or a warning as {@link SlaMode} says. */
  SLA_LATE("SF302", "sla-late"),
  /**
   * Reserved for invalid workspace settings; no check reports it yet (problems in settings, process
   * and calendar files carry the codes above).
   */
  BAD_CONFIG("SF401", "bad-config");

  private final String id;
  private final String slug;

  DiagnosticCode(String id, String slug) {
    this.id = id;
    this.slug = slug;
  }

  /**
   * The code as printed in findings.
   *
   * @return the stable id, e.g. {@code SF101}
   */
  public String id() {
    return id;
  }

  /**
   * The code's name as printed next to its id.
   *
   * @return the stable short name, e.g. {@code unknown-field}
   */
  public String slug() {
    return slug;
  }

  /**
   * The code with a given short name.
   *
   * @param slug a short name, e.g. {@code duplicate-key}
   * @return the code whose slug is {@code slug}; {@link #YAML_SYNTAX} when none matches
   */
  public static DiagnosticCode ofSlug(String slug) {
    for (DiagnosticCode code : values()) {
      if (code.slug.equals(slug)) {
        return code;
      }
    }
    return YAML_SYNTAX;
  }
}
