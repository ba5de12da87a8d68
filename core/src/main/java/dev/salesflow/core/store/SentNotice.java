package dev.salesflow.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One notice {@code notify} has sent: the key of its sent-log. A clock met and later breached again
 * has a new start, so it is a new notice.
 *
 * @param caseId the case
 * @param rule the SLA rule of the clock
 * @param clockStart when the clock started
 * @param level 0 due soon (to the owner), 1 breached (to the owner), 2 the owner's manager, 3 the
 *     manager's manager, and so on
 * @param recipient the person id told
 */
public record SentNotice(String caseId, String rule, Instant clockStart, int level, String recipient) {
  public SentNotice {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(clockStart, "clockStart");
    Objects.requireNonNull(recipient, "recipient");
    if (level < 0) {
      throw new IllegalArgumentException("level must be 0 or more, got " + level);
    }
  }
}
