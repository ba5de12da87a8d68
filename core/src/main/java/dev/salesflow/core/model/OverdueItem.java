package dev.salesflow.core.model;

/**
 * A running clock of a case that is breached or due soon, with what reports need of the case.
 *
 * @param caseId the case id
 * @param stage the case's current stage id
 * @param owner the case's owner; may be null
 * @param priority the case's priority
 * @param company the customer company
 * @param clock the clock, judged at the instant asked for
 */
public record OverdueItem(String caseId, String stage, String owner, Priority priority, String company, SlaClock clock) {}
