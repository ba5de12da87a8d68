package dev.salesflow.core.model;

/** Where a calendar's knowledge of a year, or of one day, comes from. */
public enum CalendarSource {
  /** An official schedule bundled with salesflow (the State Council's, via holiday-cn). */
  BUILT_IN("official built-in"),
  /** An official schedule loaded from a file named in {@code calendar: {schedules: [...]}}. */
  FILE("loaded file"),
  /** The statutory holidays derived by rule; makeup working days and compensatory days off unknown. */
  STATUTORY("statutory rule"),
  /** The workspace's own {@code holidays:} or {@code workdays:}. */
  WORKSPACE("workspace setting"),
  /** Nothing but the weekly pattern of working days. */
  WEEKLY("weekly");

  private final String label;

  CalendarSource(String label) {
    this.label = label;
  }

  /**
   * How listings name it.
   *
   * @return e.g. {@code statutory rule}
   */
  public String label() {
    return label;
  }
}
