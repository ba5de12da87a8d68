package dev.salesflow.core.model;

import java.time.Duration;

/**
 * Which running clocks {@code overdue} reports: breached ones, and with {@code dueWithin} also
 * those due within that window (it widens every rule's warning window). Null criteria match all.
 *
 * @param dueWithin also report the clocks due within this window or inside their rule's own warning
 *     window; null: breached clocks only
 * @param owner the owner the case must have, or null
 * @param priority the priority the case must have, or null
 * @param rule the SLA rule id the clock must belong to, or null
 */
public record OverdueQuery(Duration dueWithin, String owner, Priority priority, String rule) {
  /**
   * Checks the window.
   *
   * @param dueWithin the due-soon window, or null
   * @param owner the owner, or null
   * @param priority the priority, or null
   * @param rule the rule id, or null
   * @throws InvalidRequestException when {@code dueWithin} is negative
   */
  public OverdueQuery {
    if (dueWithin != null && dueWithin.isNegative()) {
      throw new InvalidRequestException("the due-within window must not be negative");
    }
  }
}
