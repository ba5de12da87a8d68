package dev.salesflow.core.process;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier of the approval matrix: a contract amount at or above {@code from} (and below the next
 * tier's) needs the approval of {@code role}, or of a role of a higher tier.
 */
public record ApprovalTier(String role, BigDecimal from) {
  public ApprovalTier {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(from, "from");
    if (from.signum() < 0) {
      throw new IllegalArgumentException("an approval tier starts at an amount of 0 or more");
    }
  }
}
