package dev.salesflow.core.check;

/** Stable codes of every finding salesflow reports; the numbers never change meaning. */
public enum DiagnosticCode {
  YAML_SYNTAX("SF100", "yaml-syntax"),
  UNKNOWN_FIELD("SF101", "unknown-field"),
  WRONG_TYPE("SF102", "wrong-type"),
  MISSING_FIELD("SF103", "missing-field"),
  BAD_VALUE("SF104", "bad-value"),
  BAD_TIMESTAMP("SF105", "bad-timestamp"),
  ALIAS("SF106", "alias"),
  DUPLICATE_KEY("SF107", "duplicate-key"),
  INVALID_ENCODING("SF108", "invalid-encoding"),
  ID_MISMATCH("SF109", "id-mismatch"),
  BAD_ID("SF110", "bad-id"),
  TAG("SF111", "tag"),
  DUPLICATE_ID("SF112", "duplicate-id"),
  TOO_LARGE("SF113", "too-large"),
  SYMLINK("SF114", "symlink"),
  ILLEGAL_EVENT("SF201", "illegal-event"),
  UNMET_GUARD("SF202", "unmet-guard"),
  TIME_ORDER("SF203", "time-order"),
  FUTURE_EVENT("SF204", "future-event"),
  UNPAIRED_ISSUE("SF205", "unpaired-issue"),
  SLA_BREACHED("SF301", "sla-breached"),
  SLA_LATE("SF302", "sla-late"),
  BAD_CONFIG("SF401", "bad-config");

  private final String id;
  private final String slug;

  DiagnosticCode(String id, String slug) {
    this.id = id;
    this.slug = slug;
  }

  /** The stable id, e.g. {@code SF101}. */
  public String id() {
    return id;
  }

  /** The stable short name, e.g. {@code unknown-field}. */
  public String slug() {
    return slug;
  }

  /** The code whose slug is {@code slug}; {@link #YAML_SYNTAX} when none matches. */
  public static DiagnosticCode ofSlug(String slug) {
    for (DiagnosticCode code : values()) {
      if (code.slug.equals(slug)) {
        return code;
      }
    }
    return YAML_SYNTAX;
  }
}
