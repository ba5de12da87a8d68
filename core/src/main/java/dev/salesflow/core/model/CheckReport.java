package dev.salesflow.core.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The outcome of a check.
 *
 * @param files every file checked, in order (case files and workspace files)
 * @param findings every diagnostic, sorted by file, line and column
 * @param unknownYears years the SLA clocks' deadlines needed that the calendar has no official
 *     schedule for (it used its fallback there: the statutory holidays or the weekly pattern)
 * @param imported how many of the cases checked were opened by an import (their first event is
 *     {@code opened}: they started mid-process, so no clock runs from before)
 */
public record CheckReport(List<Path> files, List<Diagnostic> findings, SortedSet<Integer> unknownYears, int imported) {
  /**
   * Copies the collections so the report is immutable.
   *
   * @param files every file checked
   * @param findings every diagnostic
   * @param unknownYears the years without an official schedule the deadlines needed
   * @param imported how many cases were opened by an import; not negative
   */
  public CheckReport {
    if (imported < 0) {
      throw new IllegalArgumentException("imported must not be negative, got " + imported);
    }
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    unknownYears = Collections.unmodifiableSortedSet(new TreeSet<>(unknownYears));
  }

  /**
   * A report whose deadlines needed no year without an official schedule.
   *
   * @param files every file checked
   * @param findings every diagnostic
   */
  public CheckReport(List<Path> files, List<Diagnostic> findings) {
    this(files, findings, new TreeSet<>(), 0);
  }

  /**
   * As the canonical constructor, from any collection of years.
   *
   * @param files every file checked
   * @param findings every diagnostic
   * @param unknownYears the years without an official schedule the deadlines needed
   * @param imported how many cases were opened by an import
   */
  public CheckReport(List<Path> files, List<Diagnostic> findings, Collection<Integer> unknownYears, int imported) {
    this(files, findings, new TreeSet<>(unknownYears), imported);
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
