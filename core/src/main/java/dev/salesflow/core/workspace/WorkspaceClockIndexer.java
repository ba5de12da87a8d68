package dev.salesflow.core.workspace;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.process.EventTypeSpec;
import dev.salesflow.core.process.FieldSpec;
import dev.salesflow.core.process.Guard;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.report.ReportFacts;
import dev.salesflow.core.report.ReportPlan;
import dev.salesflow.core.sla.RunningClock;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.store.CaseIndex;
import dev.salesflow.core.store.ClockIndexer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The running clocks of a workspace's cases, and a fingerprint of the settings they depend on. */
final class WorkspaceClockIndexer implements ClockIndexer {
  private final Workspace workspace;
  private final StateMachine machine;
  private final ReportFacts facts;

  WorkspaceClockIndexer(Workspace workspace) {
    this.workspace = workspace;
    this.machine = workspace.stateMachine();
    this.facts = new ReportFacts(workspace.process(), workspace.slaEngine(), ReportPlan.of(workspace.process(), workspace.zone()));
  }

  /**
   * Clocks are worked out as at the case's latest instant, so every recorded event counts: the
   * running ones are those not stopped (none on an ended case).
   */
  @Override
  public java.util.Map<String, String> eventProblems(dev.salesflow.core.model.Event e) {
    return workspace.process().fieldProblems(e);
  }

  @Override
  public CaseIndex index(Case stored) {
    Replay replay = machine.replay(stored);
    Case c = stored.current(); // the clocks' targets, owner and company follow the corrections
    ClockSheet sheet = facts.clocks(c, replay);
    List<RunningClock> running = new ArrayList<>();
    if (!workspace.process().isTerminal(replay.stage())) {
      for (SlaClock clock : sheet.clocks()) {
        if (clock.stoppedAt() == null) {
          running.add(new RunningClock(clock.rule(), clock.key(), clock.startedAt(), clock.dueAt()));
        }
      }
    }
    return new CaseIndex(replay.stage(), running, facts.of(c, replay, sheet));
  }

  /**
   * The settings the clocks depend on, as text: stored whole, not hashed (the database then says
   * what its clocks were computed with, and SHA-256 cost every command on SQLite some 17 ms to
   * start). Written without record {@code toString}, streams or lambdas, each of which costs a
   * command that has just started more than the whole text.
   */
  @Override
  public String fingerprint() {
    ProcessDefinition p = workspace.process();
    // 4: events replayed in time order (recorded late), and stalled-deal rules; 5: deal values kept
    StringBuilder s = new StringBuilder("salesflow-clocks-5\n");
    s.append("threshold ").append(workspace.config().approvalThreshold().stripTrailingZeros().toPlainString()).append('\n');
    for (Stage stage : p.stages()) {
      s.append("stage ").append(stage.id()).append(' ').append(sorted(stage.events())).append('\n');
      for (Guard guard : stage.exit()) {
        s.append("  guard ").append(canonical(guard)).append('\n');
      }
    }
    s.append("forecast ").append(p.forecast().valueFrom()).append('\n');
    s.append("terminal ").append(p.closed().id()).append(' ').append(p.lost().id()).append('\n');
    s.append("generic ").append(sorted(p.genericEvents())).append('\n');
    for (Map.Entry<String, EventTypeSpec> type : new TreeMap<>(p.eventTypes()).entrySet()) {
      s.append("type ").append(type.getKey()).append(' ').append(type.getValue().required()).append('\n');
    }
    for (Map.Entry<String, FieldSpec> field : new TreeMap<>(p.eventFields()).entrySet()) {
      s.append("field ").append(field.getKey()).append(' ').append(field.getValue().kind()).append(' ')
          .append(field.getValue().values()).append('\n');
    }
    for (SlaRule r : p.sla()) {
      s.append("rule ").append(r.id())
          .append(" start=").append(r.start() == null ? "" : r.start().text())
          .append(" stop=").append(r.stop())
          .append(" match=").append(r.match())
          .append(" target=").append(r.target() == null ? "" : r.target().text())
          .append(" targets=");
      if (r.targets() != null) {
        for (Map.Entry<Priority, Target> t : new TreeMap<>(r.targets()).entrySet()) {
          s.append(t.getKey()).append(':').append(t.getValue().text()).append(',');
        }
      }
      s.append(" warn=").append(r.warnBefore())
          .append(" while=").append(r.whileStage())
          .append(" every=").append(r.every() == null ? "" : r.every().text())
          .append(" during=").append(r.during());
      if (r.due() != null || r.beforeDue() != null) { // as before for the rules without
        s.append(" due=").append(r.due() == null ? "" : r.due().text()).append(" before_due=").append(r.beforeDue());
      }
      if (r.idle() != null) {
        s.append(" idle=");
        for (Map.Entry<String, Target> t : r.idle().entrySet()) {
          s.append(t.getKey()).append(':').append(t.getValue() == null ? SlaRule.NEVER : t.getValue().text()).append(',');
        }
      }
      s.append('\n');
    }
    BusinessCalendar cal = workspace.calendar();
    s.append("calendar ").append(cal.zone()).append(' ').append(cal.workingDays()).append(' ').append(cal.workingHours())
        .append(' ').append(cal.holidays()).append(' ').append(cal.makeupWorkdays()).append(' ').append(cal.knownYears());
    if (cal.fallback() != dev.salesflow.core.calendar.YearFallback.WEEKLY) { // as before for a calendar without one
      s.append(" fallback ").append(cal.fallback()).append(' ').append(dev.salesflow.core.calendar.StatutoryHolidays.RULE);
    }
    return s.toString();
  }

  private static String sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy.toString();
  }

  private static String canonical(Guard guard) {
    if (guard instanceof Guard.Registration r) {
      return "registration " + r.fields();
    } else if (guard instanceof Guard.EventRecorded e) {
      return "event " + e.type() + " " + new TreeMap<>(e.where()) + (e.unless().isEmpty() ? "" : " unless " + new TreeMap<>(e.unless()));
    } else if (guard instanceof Guard.Approval a) {
      return "approval " + a.type() + " " + new TreeMap<>(a.where()) + " before " + a.before() + " " + a.amountField()
          + " " + a.threshold();
    } else if (guard instanceof Guard.FloorPrice f) {
      return "floor_price " + f.checklist() + " " + f.floorField() + " " + f.signed() + " " + f.amountField() + " "
          + f.type() + " " + f.roles();
    } else if (guard instanceof Guard.Paired pair) {
      return "paired " + pair.start() + " " + pair.stop() + " " + pair.match();
    }
    return guard.getClass().getName();
  }
}
