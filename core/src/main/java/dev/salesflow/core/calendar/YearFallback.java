package dev.salesflow.core.calendar;

import java.time.LocalDate;

/** What a business calendar knows of a year for which it has no official schedule. */
public enum YearFallback {
  /** Nothing: the weekly pattern alone. */
  WEEKLY,
  /**
   * Mainland China's statutory holidays by rule ({@link StatutoryHolidays}), from 2025 on: no
   * makeup working days, no compensatory days off. Before 2025, the weekly pattern alone.
   */
  CN_STATUTORY;

  /** Whether this fallback derives the holidays of {@code year} (rather than the weekly pattern alone). */
  public boolean derives(int year) {
    return this == CN_STATUTORY && StatutoryHolidays.covers(year);
  }

  /** Whether {@code date} is a holiday by this fallback. */
  boolean isHoliday(LocalDate date) {
    return this == CN_STATUTORY && StatutoryHolidays.isHoliday(date);
  }
}
