package dev.salesflow.core.store;

import dev.salesflow.core.report.CaseFacts;
import dev.salesflow.core.sla.RunningClock;
import java.util.List;
import java.util.Objects;

/**
 * What a store keeps derived from a case's events: its current stage, its running clocks and
 * what the reports aggregate.
 */
public record CaseIndex(String stage, List<RunningClock> running, CaseFacts facts) {
  public CaseIndex {
    running = List.copyOf(running);
    Objects.requireNonNull(facts, "facts");
  }
}
