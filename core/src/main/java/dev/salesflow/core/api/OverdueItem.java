package dev.salesflow.core.api;

import dev.salesflow.core.sla.Clock;

/** A running clock of a case that is breached or due soon. */
public record OverdueItem(CaseView view, Clock clock) {}
