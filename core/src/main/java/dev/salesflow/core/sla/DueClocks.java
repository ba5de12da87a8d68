package dev.salesflow.core.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store's index of running deadlines, as {@link OverdueFinder} reads it. Every store that keeps
 * one returns its clocks in due order ({@link IndexedClock#DUE_ORDER}), whatever its storage gives
 * it, so the finder groups them by owner in one pass instead of sorting.
 */
public interface DueClocks {

  /**
   * Every running clock due at or before {@code horizon}, in due order: by due time, then case id,
   * then rule; empty when the store keeps no index of deadlines (then every case is replayed).
   */
  Optional<List<IndexedClock>> runningClocksDueBefore(Instant horizon);
}
