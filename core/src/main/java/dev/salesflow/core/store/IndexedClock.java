package dev.salesflow.core.store;

import dev.salesflow.core.model.Priority;

/** A running clock from a store's deadline index, with what reports need of its case. */
public record IndexedClock(
    String caseId, String stage, String owner, Priority priority, String company, RunningClock clock) {}
