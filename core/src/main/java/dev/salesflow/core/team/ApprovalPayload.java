package dev.salesflow.core.team;

import java.time.OffsetDateTime;

/**
 * The canonical text an approval's signature covers: five {@code key: value} lines after a first
 * line {@code salesflow approval v1}, each ending in a line feed. The time is the instant in UTC
 * ({@code 2026-11-20T02:00:00Z}), so rewriting its offset changes nothing; the amount is written
 * without trailing zeros ({@code 1850000.00} signs as {@code 1850000}).
 *
 * <pre>
 * salesflow approval v1
 * case: ACME-2026-001
 * role: general_manager
 * amount: 1850000
 * at: 2026-10-10T02:00:00Z
 * by: zheng.hua
 * </pre>
 */
public final class ApprovalPayload {
  private ApprovalPayload() {}

  /** The text signed for an approval of {@code amount} by {@code by} in {@code role} on case {@code caseId} at {@code at}. */
  public static String text(String caseId, String role, String amount, OffsetDateTime at, String by) {
    return "salesflow approval v1\n"
        + "case: " + caseId + "\n"
        + "role: " + role + "\n"
        + "amount: " + canonicalAmount(amount) + "\n"
        + "at: " + at.toInstant() + "\n"
        + "by: " + (by == null ? "" : by) + "\n";
  }

  static String canonicalAmount(String amount) {
    if (amount == null) {
      return "";
    }
    return dev.salesflow.core.model.Amounts.parse(amount)
        .map(n -> n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString())
        .orElse(amount);
  }
}
