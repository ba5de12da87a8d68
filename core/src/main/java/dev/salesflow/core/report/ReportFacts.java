package dev.salesflow.core.report;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Works out the {@link CaseFacts} of a replayed case: what a store keeps so reports need no replay. */
public final class ReportFacts {
  private final ProcessDefinition process;
  private final SlaEngine sla;
  private final ReportPlan plan;
  private final Map<String, Duration> warnLead = new HashMap<>();
  private final ContractSigning signing;
  private final DealValue dealValue;

  public ReportFacts(ProcessDefinition process, SlaEngine sla, ReportPlan plan) {
    this.process = process;
    this.sla = sla;
    this.plan = plan;
    for (SlaRule rule : sla.rules()) {
      warnLead.put(rule.id(), rule.warnLead());
    }
    this.signing = new ContractSigning(process);
    this.dealValue = new DealValue(process);
  }

  /** The latest instant of {@code c}: its registration or its latest event; null when it has neither. */
  public static Instant asOf(Case c) {
    Instant latest = c.registeredAt() == null ? null : c.registeredAt().toInstant();
    for (Event e : c.events()) {
      Instant at = e.at().toInstant();
      if (latest == null || at.isAfter(latest)) {
        latest = at;
      }
    }
    return latest;
  }

  /** The clocks of {@code c} as at {@link #asOf}: the same at every later instant but for the state of running ones. */
  public ClockSheet clocks(Case c, Replay replay) {
    Instant asOf = asOf(c);
    return sla.clocks(c, replay, asOf == null ? Instant.EPOCH : asOf, Duration.ZERO);
  }

  /** The facts of {@code c}, from its replay and its {@link #clocks}. */
  public CaseFacts of(Case c, Replay replay, ClockSheet sheet) {
    long reached = 0;
    for (Replay.Visit visit : replay.visits()) {
      reached |= plan.bit(visit.stage());
    }
    String lostFrom = null;
    String lostReason = null;
    BigDecimal value = null;
    boolean ended = process.isTerminal(replay.stage());
    if (replay.stage().equals(process.lost().id())) {
      List<Replay.Visit> visits = replay.visits();
      lostFrom = visits.get(visits.size() - 2).stage();
      lostReason = c.events().get(visits.get(visits.size() - 1).eventIndex()).field("reason").map(String::strip).orElse(null);
    } else {
      value = signing.value(c, replay).orElse(null);
    }
    List<CaseFacts.Clock> clocks = new ArrayList<>(sheet.clocks().size());
    for (SlaClock clock : sheet.clocks()) {
      Duration warn = warnLead.getOrDefault(clock.rule(), Duration.ZERO);
      clocks.add(new CaseFacts.Clock(clock.rule(), clock.startedAt(), clock.dueAt(), clock.dueAt().minus(warn),
          clock.stoppedAt(), clock.stoppedAt() != null || ended ? clock.state() : null));
    }
    BigDecimal estimate = ended ? null : dealValue.value(c, replay).orElse(null);
    return new CaseFacts(replay.stage(), reached, replay.enteredAt(), lostFrom, lostReason, value, estimate,
        sheet.unknownYears(),
        asOf(c), clocks);
  }
}
