package dev.salesflow.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a check.
 *
 * @param files every file checked, in order (case files and workspace files)
 * @param findings every diagnostic, sorted by file, line and column
 */
public record CheckReport(List<Path> files, List<Diagnostic> findings) {
  public CheckReport {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
  }

  public long errors() {
    return findings.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  public long warnings() {
    return findings.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }
}
