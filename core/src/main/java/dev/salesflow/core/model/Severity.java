package dev.salesflow.core.model;

/** How bad a finding is: errors fail a check, warnings only with {@code --strict}. */
public enum Severity {
  /** Fails the check. */
  ERROR,
  /** Reported; fails the check only with {@code --strict}. */
  WARNING;

  /**
   * The severity as printed in findings.
   *
   * @return the lower-case name: {@code error} or {@code warning}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
