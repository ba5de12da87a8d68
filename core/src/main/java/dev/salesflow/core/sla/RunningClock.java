package dev.salesflow.core.sla;

import java.time.Instant;

/** A running SLA clock as a store indexes it: enough to find the cases whose deadlines are near. */
public record RunningClock(String rule, String key, Instant startedAt, Instant dueAt) {}
