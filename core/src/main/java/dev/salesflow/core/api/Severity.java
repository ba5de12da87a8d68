package dev.salesflow.core.api;

/** How bad a finding is: errors fail a check, warnings only with {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING;

  /** Lower-case name as printed: {@code error}, {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
