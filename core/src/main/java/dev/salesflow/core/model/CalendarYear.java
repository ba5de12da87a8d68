package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The holidays and makeup working days of one year of the workspace calendar.
 *
 * @param year the year
 * @param source where the year's schedule comes from: {@link CalendarSource#BUILT_IN},
 *     {@link CalendarSource#FILE}, {@link CalendarSource#STATUTORY} or {@link CalendarSource#WEEKLY}
 * @param file the schedule file when the source is {@link CalendarSource#FILE}, as the settings name it; else null
 * @param days the year's holidays and makeup working days in date order, each with its own source
 *     (a workspace's own days are {@link CalendarSource#WORKSPACE})
 */
public record CalendarYear(int year, CalendarSource source, String file, List<CalendarDay> days) {
  /**
   * Copies the days.
   *
   * @param year the year
   * @param source the year's source
   * @param file the schedule file, or null
   * @param days the holidays and makeup working days
   */
  public CalendarYear {
    Objects.requireNonNull(source, "source");
    days = List.copyOf(days);
  }

  /**
   * Whether the year has no official schedule, so that its makeup working days are unknown.
   *
   * @return true for a year whose holidays come from the statutory rule alone
   */
  public boolean statutoryOnly() {
    return source == CalendarSource.STATUTORY;
  }
}
