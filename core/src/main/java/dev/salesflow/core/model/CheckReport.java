package dev.salesflow.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a check.
 *
 * @param files every file checked, in order (case files and workspace files)
 * @param findings every diagnostic, sorted by file, line and column
 */
public record CheckReport(List<Path> files, List<Diagnostic> findings) {
  /**
   * Copies the lists so the report is immutable.
   *
   * @param files every file checked
   * @param findings every diagnostic
   */
  public CheckReport {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
  }

  /**
   * The findings of severity {@link Severity#ERROR}.
   *
   * @return how many there are
   */
  public long errors() {
    return findings.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  /**
   * The findings of severity {@link Severity#WARNING}.
   *
   * @return how many there are
   */
  public long warnings() {
    return findings.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }
}
