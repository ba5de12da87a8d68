package dev.salesflow.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One follow-up told to one person by {@code notify}.
 *
 * @param caseId the case
 * @param company the customer company
 * @param owner the case's owner; may be null
 * @param rule the SLA rule of the clock
 * @param clockStart when the clock started
 * @param dueAt the clock's deadline
 * @param state {@link ClockState#BREACHED} or {@link ClockState#DUE_SOON}
 * @param overdueBy how far past its deadline it is (zero when due soon)
 * @param level 0 due soon (to the owner), 1 breached (to the owner), 2 escalated to the owner's
 *     manager, 3 to the manager's manager, and so on
 */
public record NotifyNotice(String caseId, String company, String owner, String rule, Instant clockStart, Instant dueAt,
    ClockState state, java.time.Duration overdueBy, int level) {
  /**
   * Checks that the keys are given and the level is not negative.
   *
   * @param caseId the case; not null
   * @param company the customer company
   * @param owner the owner, or null
   * @param rule the rule id; not null
   * @param clockStart the clock's start; not null
   * @param dueAt the deadline; not null
   * @param state the clock's state; not null
   * @param overdueBy how far past its deadline; not null
   * @param level 0 or more
   */
  public NotifyNotice {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(clockStart, "clockStart");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(overdueBy, "overdueBy");
    if (level < 0) {
      throw new IllegalArgumentException("level must be 0 or more, got " + level);
    }
  }
}
