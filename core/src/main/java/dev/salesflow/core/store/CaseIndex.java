package dev.salesflow.core.store;

import dev.salesflow.core.sla.RunningClock;
import java.util.List;

/** What a store keeps derived from a case's events: its current stage and its running clocks. */
public record CaseIndex(String stage, List<RunningClock> running) {
  public CaseIndex {
    running = List.copyOf(running);
  }
}
