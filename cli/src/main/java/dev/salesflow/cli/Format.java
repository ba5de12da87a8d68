package dev.salesflow.cli;

/** Output formats; each command accepts the ones that make sense for it. */
public enum Format {
  TEXT,
  JSON,
  CSV,
  YAML,
  JUNIT,
  SARIF,
  GITHUB,
  MD,
  HTML;

  /** Lower-case name as typed on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
