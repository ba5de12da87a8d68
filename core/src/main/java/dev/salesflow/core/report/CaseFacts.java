package dev.salesflow.core.report;

import dev.salesflow.core.model.ClockState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the reports need of one case, derived from its events: a store keeps it beside the case,
 * rewritten in the same transaction as every write to it, and aggregates it instead of replaying.
 * It holds for every instant at or after {@code asOf}: no clock starts or stops after the case's
 * last recorded instant.
 *
 * @param stage the current stage
 * @param reached the stages entered at least once, as bits in the order of {@link ReportPlan#stages()}
 * @param enteredAt when the current stage was entered, with its recorded offset; null when unknown
 * @param lostFrom for a lost case, the stage it was lost from; null otherwise
 * @param lostReason for a lost case, the reason given with the move to lost; null when none
 * @param contractValue the amount of the last contract signing of a case that is not lost; null when none
 * @param dealValue for an open case, its estimated value (the process's {@code forecast: value_from}); null
 *     when it has none or has ended
 * @param unknownYears years its deadlines needed that the calendar has no schedule for
 * @param asOf the latest instant of the case (registration or event); null when it has none
 * @param clocks every SLA clock of the case as at {@code asOf}
 */
public record CaseFacts(String stage, long reached, OffsetDateTime enteredAt, String lostFrom, String lostReason,
    BigDecimal contractValue, BigDecimal dealValue, SortedSet<Integer> unknownYears, Instant asOf, List<Clock> clocks) {
  public CaseFacts {
    Objects.requireNonNull(stage, "stage");
    unknownYears = Collections.unmodifiableSortedSet(new TreeSet<>(unknownYears));
    clocks = List.copyOf(clocks);
  }

  /**
   * One SLA clock.
   *
   * @param rule the rule id
   * @param startedAt when it started
   * @param dueAt its deadline
   * @param warnAt from when it is due soon: {@code dueAt} less the rule's warning lead
   * @param stoppedAt when it was stopped, or null
   * @param state its final state (met, met late, or as it stood when the case ended); null while it
   *     runs on an open case, when the state depends on the instant it is judged at
   */
  public record Clock(String rule, Instant startedAt, Instant dueAt, Instant warnAt, Instant stoppedAt, ClockState state) {
    public Clock {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(dueAt, "dueAt");
      Objects.requireNonNull(warnAt, "warnAt");
    }
  }
}
