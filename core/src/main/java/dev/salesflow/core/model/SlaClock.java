package dev.salesflow.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clock of a case, judged at an instant. Times are instants; show them in the workspace's
 * zone.
 *
 * @param rule the rule id
 * @param key the {@code match} value pairing stop with start (e.g. the issue id), or null
 * @param startedAt when it started: the registration, entering a stage, or an event the rule starts (or
 *     for a recurring rule restarts) on
 * @param dueAt its deadline, computed from the start on the workspace's business calendar
 * @param stoppedAt when a stop event stopped it, or null while running
 * @param judgedAt the instant its state was judged: now, or when the case was closed or lost
 * @param state where it stands at {@code judgedAt}
 */
public record SlaClock(
    String rule, String key, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant judgedAt, ClockState state) {

  /**
   * Checks that the rule, start, deadline and state are given.
   *
   * @param rule the rule id; not null
   * @param key the pairing value, or null
   * @param startedAt when it started; not null
   * @param dueAt its deadline; not null
   * @param stoppedAt when it was stopped, or null
   * @param judgedAt the instant it was judged
   * @param state its state; not null
   */
  public SlaClock {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(state, "state");
  }

  /**
   * How far past its deadline a breached clock is.
   *
   * @return the time from {@link #dueAt()} to {@link #judgedAt()} when {@link ClockState#BREACHED};
   *     zero otherwise
   */
  public Duration overdueBy() {
    return state == ClockState.BREACHED ? Duration.between(dueAt, judgedAt) : Duration.ZERO;
  }
}
