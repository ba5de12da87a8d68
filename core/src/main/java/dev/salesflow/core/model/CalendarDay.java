package dev.salesflow.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of the business calendar and why it is, or is not, a working day.
 *
 * @param date the date
 * @param working whether it is a working day
 * @param kind {@code holiday}, {@code makeup} (a working day outside the weekly pattern),
 *     {@code weekend} (outside the weekly pattern) or {@code workday} (inside it)
 * @param name the holiday's name where the source gives one (e.g. 春节); may be null
 * @param source where that comes from
 * @param note a caveat, e.g. that a statutory holiday on a weekend is owed a compensatory day off
 *     whose date the rule cannot give; may be null
 */
public record CalendarDay(LocalDate date, boolean working, String kind, String name, CalendarSource source, String note) {
  /**
   * Checks the required parts.
   *
   * @param date the date
   * @param working whether it is a working day
   * @param kind holiday, makeup, weekend or workday
   * @param name the name, or null
   * @param source the source
   * @param note a caveat, or null
   */
  public CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
  }
}
