package dev.salesflow.core.store;

import dev.salesflow.core.model.Case;
import java.util.List;

/**
 * What a store needs to keep an index of running deadlines: the running clocks of a case, and a
 * fingerprint of everything they depend on (process, rules, calendar), so an index built under
 * other settings is rebuilt.
 */
public interface ClockIndexer {
  /** The clocks of {@code c} that are running (not stopped, case not ended). */
  List<RunningClock> running(Case c);

  /** Changes whenever {@link #running} could give another answer for the same case. */
  String fingerprint();
}
