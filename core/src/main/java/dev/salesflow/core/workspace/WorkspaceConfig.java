package dev.salesflow.core.workspace;

import java.math.BigDecimal;

/**
 * The settings of {@code salesflow.yaml}; every one has a default.
 *
 * @param timezone zone of timestamps written without an offset, and of the calendar
 * @param approvalThreshold contract amount at or above which the general manager must approve
 * @param idPrefix prefix of generated case ids ({@code <prefix>-<year>-<NNN>})
 * @param process path of a replacement process definition, relative to the workspace
 * @param calendar the business calendar of SLA deadlines (default: the built-in {@code cn})
 * @param sla rules added to the process's, or overriding one of them by id (only the fields set)
 * @param store where cases live: a folder of case files, or {@code sqlite:FILE} (default {@code cases})
 *     <p>The team settings ({@code team}, {@code approvals}, {@code signatures}, {@code
 *     allowed_signers}) are bound from the YAML tree by {@link dev.salesflow.core.team.TeamSettings};
 *     {@code forms} and {@code sources} by {@link Workspace}.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"team", "approvals", "signatures", "allowed_signers", "notify", "forms",
    "sources"})
public record WorkspaceConfig(
    String timezone,
    BigDecimal approvalThreshold,
    String idPrefix,
    String process,
    CalendarSpec calendar,
    java.util.List<dev.salesflow.core.sla.SlaRule> sla,
    String store) {
  public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";
  public static final BigDecimal DEFAULT_APPROVAL_THRESHOLD = new BigDecimal("1000000");
  public static final String DEFAULT_ID_PREFIX = "SF";

  public WorkspaceConfig {
    timezone = timezone == null ? DEFAULT_TIMEZONE : timezone;
    approvalThreshold = approvalThreshold == null ? DEFAULT_APPROVAL_THRESHOLD : approvalThreshold;
    idPrefix = idPrefix == null ? DEFAULT_ID_PREFIX : idPrefix;
    calendar = calendar == null ? CalendarSpec.named("cn") : calendar;
    sla = sla == null ? java.util.List.of() : java.util.List.copyOf(sla);
  }

  /** All defaults. */
  public static WorkspaceConfig defaults() {
    return new WorkspaceConfig(null, null, null, null, null, null, null);
  }
}
