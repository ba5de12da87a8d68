package dev.salesflow.core.api;

import java.time.Duration;

/**
 * Which running clocks {@code overdue} reports: breached ones, and with {@code dueWithin} also
 * those due within that window (it widens every rule's warning window). Null criteria match all.
 */
public record OverdueQuery(Duration dueWithin, String owner, Priority priority, String rule) {
  public OverdueQuery {
    if (dueWithin != null && dueWithin.isNegative()) {
      throw new InvalidRequestException("the due-within window must not be negative");
    }
  }
}
