package dev.salesflow.core.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The clocks of one case at an instant, and the years its deadlines needed that the business
 * calendar does not know (those deadlines fell back to the weekly pattern).
 *
 * @param clocks the clocks, ordered by start time and then by the order of the rules
 * @param unknownYears years outside the calendar's official schedules
 */
public record ClockSheet(List<SlaClock> clocks, SortedSet<Integer> unknownYears) {

  /**
   * Copies both collections so the sheet is immutable.
   *
   * @param clocks the clocks
   * @param unknownYears the years the calendar does not know
   */
  public ClockSheet {
    clocks = List.copyOf(clocks);
    unknownYears = Collections.unmodifiableSortedSet(new TreeSet<>(unknownYears));
  }
}
