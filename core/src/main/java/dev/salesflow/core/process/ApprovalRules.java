package dev.salesflow.core.process;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the approval guard needs beyond the process: the approval matrix (tiers in ascending order
 * of amount) and which approval events count (a workspace with a team or signatures rejects an
 * approval by someone without the role, or one whose signature does not verify).
 */
public record ApprovalRules(List<ApprovalTier> tiers, Check check) {
  /** Whether a recorded approval counts. */
  public interface Check {
    /**
     * Why {@code approval} does not count, or null when it does.
     *
     * @param c the case it was recorded on
     * @param approval an approval event
     */
    String whyNot(Case c, Event approval);
  }

  /** Every approval counts: a workspace without a team or signatures. */
  public static final Check EVERY_APPROVAL = new EveryApproval();

  public ApprovalRules {
    tiers = List.copyOf(tiers);
    Objects.requireNonNull(check, "check");
    for (int i = 1; i < tiers.size(); i++) {
      if (tiers.get(i).from().compareTo(tiers.get(i - 1).from()) <= 0) {
        throw new IllegalArgumentException("approval tiers must be in ascending order of 'from'");
      }
    }
  }

  /** Today's single threshold: at or above it, the general manager approves. */
  public static ApprovalRules threshold(BigDecimal threshold) {
    return new ApprovalRules(List.of(new ApprovalTier(GENERAL_MANAGER, threshold)), EVERY_APPROVAL);
  }

  /** The role that the single {@code approval_threshold} names. */
  public static final String GENERAL_MANAGER = "general_manager";

  /** The index of the tier an amount falls in, or -1 below the first. */
  public int tierOf(BigDecimal amount) {
    int tier = -1;
    for (int i = 0; i < tiers.size(); i++) {
      if (amount.compareTo(tiers.get(i).from()) >= 0) {
        tier = i;
      }
    }
    return tier;
  }

  /** A named class rather than a lambda: replays run on the start-up path (see TreeBinding). */
  private static final class EveryApproval implements Check {
    @Override
    public String whyNot(Case c, Event approval) {
      return null;
    }
  }
}
