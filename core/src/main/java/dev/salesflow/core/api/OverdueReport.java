package dev.salesflow.core.api;

import java.util.List;
import java.util.SortedSet;

/**
 * The result of {@code overdue}: items sorted by owner, most overdue first, and the years the
 * calendar had to guess (it fell back to its weekly pattern there).
 */
public record OverdueReport(List<OverdueItem> items, SortedSet<Integer> unknownYears) {
  public OverdueReport {
    items = List.copyOf(items);
  }

  /** True when any item is breached. */
  public boolean anyBreached() {
    return items.stream().anyMatch(i -> i.clock().state() == dev.salesflow.core.api.ClockState.BREACHED);
  }
}
