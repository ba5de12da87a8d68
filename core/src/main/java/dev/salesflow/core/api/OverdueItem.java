package dev.salesflow.core.api;


/** A running clock of a case that is breached or due soon, with what reports need of the case. */
public record OverdueItem(String caseId, String stage, String owner, Priority priority, String company, Clock clock) {}
