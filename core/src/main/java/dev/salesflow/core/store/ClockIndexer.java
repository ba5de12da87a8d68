package dev.salesflow.core.store;

import dev.salesflow.core.model.Case;

/**
 * What a store needs to keep an index of running deadlines: the running clocks of a case, and a
 * fingerprint of everything they depend on (process, rules, calendar), so an index built under
 * other settings is rebuilt.
 */
public interface ClockIndexer {
  /** The stage of {@code c} and its clocks that are running (not stopped, case not ended). */
  CaseIndex index(Case c);

  /**
   * What is wrong with an event read back from a row by the workspace's process, keyed by field
   * ({@code type} for its type), as a case file's event is checked; empty for a good one, and by
   * default (no process to check against).
   */
  default java.util.Map<String, String> eventProblems(dev.salesflow.core.model.Event e) {
    return java.util.Map.of();
  }

  /** Changes whenever {@link #running} could give another answer for the same case. */
  String fingerprint();
}
