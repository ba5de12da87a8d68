package dev.salesflow.core.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clock of a case, judged at an instant.
 *
 * @param rule the rule id
 * @param key the {@code match} value pairing stop with start (e.g. the issue id), or null
 * @param stoppedAt when a stop event stopped it, or null while running
 * @param judgedAt the instant its state was judged: now, or when the case was closed or lost
 */
public record Clock(
    String rule, String key, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant judgedAt, ClockState state) {

  public Clock {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(state, "state");
  }

  /** How long past due a breached clock is at {@link #judgedAt()}; zero otherwise. */
  public Duration overdueBy() {
    return state == ClockState.BREACHED ? Duration.between(dueAt, judgedAt) : Duration.ZERO;
  }
}
