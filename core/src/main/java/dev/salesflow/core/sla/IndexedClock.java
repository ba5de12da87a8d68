package dev.salesflow.core.sla;

import dev.salesflow.core.model.Priority;
import java.util.Comparator;

/** A running clock from a store's deadline index, with what reports need of its case. */
public record IndexedClock(
    String caseId, String stage, String owner, Priority priority, String company, RunningClock clock) {

  /**
   * Due order, the order {@link DueClocks#runningClocksDueBefore} promises: by due time, then case
   * id, then rule. A class rather than a chain of comparators: no lambda on a store's path.
   */
  public static final Comparator<IndexedClock> DUE_ORDER = new DueOrder();

  private static final class DueOrder implements Comparator<IndexedClock> {
    @Override
    public int compare(IndexedClock a, IndexedClock b) {
      int byDue = a.clock().dueAt().compareTo(b.clock().dueAt());
      if (byDue != 0) {
        return byDue;
      }
      int byCase = a.caseId().compareTo(b.caseId());
      return byCase != 0 ? byCase : a.clock().rule().compareTo(b.clock().rule());
    }
  }
}
