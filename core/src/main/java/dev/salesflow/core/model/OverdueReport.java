package dev.salesflow.core.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The result of {@code overdue}: items sorted by owner, most overdue first, and the years the
 * calendar had to guess (it fell back to its weekly pattern there).
 *
 * @param items the clocks reported, by owner, then earliest deadline, case id and rule
 * @param unknownYears years the deadlines needed that the calendar has no holiday schedule for
 */
public record OverdueReport(List<OverdueItem> items, SortedSet<Integer> unknownYears) {
  /**
   * Copies both collections so the report cannot change.
   *
   * @param items the clocks reported
   * @param unknownYears the years the calendar had to guess
   */
  public OverdueReport {
    items = List.copyOf(items);
    unknownYears = Collections.unmodifiableSortedSet(new TreeSet<>(unknownYears));
  }

  /**
   * Whether anything is past due, e.g. to set a cron job's exit status.
   *
   * @return true when any item is breached
   */
  public boolean anyBreached() {
    return items.stream().anyMatch(i -> i.clock().state() == dev.salesflow.core.model.ClockState.BREACHED);
  }
}
