package dev.salesflow.core.sla;

import dev.salesflow.core.model.SalesProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that SLA rules name event types, fields and stages the process knows, and are complete. */
public final class SlaRuleValidator {
  private SlaRuleValidator() {}

  /** A problem with one field of a rule ({@code field} is its YAML key). */
  public record Problem(int ruleIndex, String field, String message) {}

  /** Every problem of {@code rules}, which are the effective (merged) rules of a process. */
  public static List<Problem> check(List<SlaRule> rules, SalesProcess process) {
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      SlaRule r = rules.get(i);
      String name = "rule " + r.id() + ": ";
      if (!ids.add(r.id())) {
        problems.add(new Problem(i, "id", name + "the id is used twice"));
      }
      if (r.stalledRule()) {
        stalled(problems, process, r, i, name);
        continue;
      }
      if (r.stop() == null || r.stop().isEmpty()) {
        problems.add(new Problem(i, "stop", name + "needs 'stop' (the event type that stops its clock)"));
      } else {
        for (String type : r.stop()) {
          eventType(problems, process, i, "stop", name, type);
        }
      }
      if (r.beforeDue() != null) {
        beforeDue(problems, rules, i, name);
        continue;
      }
      if (r.recurring()) {
        if (!isStage(process, r.whileStage())) {
          problems.add(new Problem(i, "while", name + "'while' names no stage: '" + r.whileStage() + "'"));
        }
        if (r.every() == null) {
          problems.add(new Problem(i, "every", name + "a rule with 'while' needs 'every' (e.g. every: 7 days)"));
        }
        if (r.start() != null || r.target() != null || r.targets() != null) {
          problems.add(new Problem(i, "while", name + "a rule with 'while' takes 'every', not start/target/targets"));
        }
        continue;
      }
      if (r.every() != null) {
        problems.add(new Problem(i, "every", name + "'every' needs 'while: STAGE'"));
      }
      if (r.start() == null) {
        problems.add(new Problem(i, "start", name + "needs 'start' (registered, an event type, or {enter: STAGE})"));
      } else if (r.start() instanceof ClockStart.OnEvent on) {
        eventType(problems, process, i, "start", name, on.type());
      } else if (r.start() instanceof ClockStart.OnEntering enter && !isStage(process, enter.stage())) {
        problems.add(new Problem(i, "start", name + "'enter' names no stage: '" + enter.stage() + "'"));
      }
      if (r.due() != null) {
        due(problems, process, r, i, name);
      } else if (r.target() == null && (r.targets() == null || r.targets().size() < 3)) {
        problems.add(new Problem(i, r.targets() == null ? "target" : "targets",
            name + "needs a 'target', or 'targets' for each of A, B and C"));
      }
      if (r.match() != null && !process.eventFieldNames().contains(r.match())) {
        problems.add(new Problem(i, "match", name + "'match' names no event field: '" + r.match() + "' (known: "
            + String.join(", ", process.eventFieldNames()) + ")"));
      }
      if (r.during() != null) {
        for (String stage : r.during()) {
          if (!isStage(process, stage)) {
            problems.add(new Problem(i, "during", name + "'during' names no stage: '" + stage + "'"));
          }
        }
      }
    }
    return problems;
  }

  /** A stalled-deal rule: open stages only, and no start, stop or target of its own (any event restarts it). */
  private static void stalled(List<Problem> problems, SalesProcess process, SlaRule r, int i, String name) {
    for (String stage : r.idle().keySet()) {
      if (!process.isOpenStage(stage)) {
        problems.add(new Problem(i, "idle", name + "'idle' names no open stage: '" + stage + "'"));
      }
    }
    if (r.start() != null || r.stop() != null || r.match() != null || r.target() != null || r.targets() != null
        || r.recurring() || r.every() != null || r.due() != null || r.beforeDue() != null || r.during() != null) {
      problems.add(new Problem(i, "idle", name + "a rule with 'idle' is restarted by every event: give only idle"
          + " (and labels, warn_before, escalate_after)"));
    }
  }

  /** A deadline from a field: started by the event that carries it, which may hold such a field. */
  private static void due(List<Problem> problems, SalesProcess process, SlaRule r, int i, String name) {
    if (r.target() != null || r.targets() != null) {
      problems.add(new Problem(i, "due", name + "takes either 'due' or a target, not both"));
    }
    if (!(r.start() instanceof ClockStart.OnEvent on)) {
      problems.add(new Problem(i, "due", name + "a deadline from a field needs 'start' (or 'of') to be an event type"));
      return;
    }
    if (r.due().of() != null && !r.due().of().equals(on.type())) {
      problems.add(new Problem(i, "due", name + "'of: " + r.due().of() + "' must be the event that starts the clock ("
          + on.type() + ")"));
    } else if (process.eventTypeIds().contains(on.type()) && !process.knowsEventField(on.type(), r.due().field())) {
      problems.add(new Problem(i, "due", name + "'" + on.type() + "' has no field '" + r.due().field() + "'"));
    }
  }

  /** A "before due" rule names another rule, one with a deadline, and gives only its own stops. */
  private static void beforeDue(List<Problem> problems, List<SlaRule> rules, int i, String name) {
    SlaRule r = rules.get(i);
    SlaRule shadowed = null;
    for (SlaRule other : rules) {
      if (other.id().equals(r.beforeDue())) {
        shadowed = other;
      }
    }
    if (shadowed == null || shadowed.beforeDue() != null || shadowed.recurring()) {
      problems.add(new Problem(i, "before_due", name + "'before_due' names no one-shot rule with a deadline: '"
          + r.beforeDue() + "'"));
    }
    if (r.start() != null || r.target() != null || r.targets() != null || r.due() != null || r.recurring()
        || r.every() != null) {
      problems.add(new Problem(i, "before_due", name + "a 'before_due' rule takes its start and deadline from '"
          + r.beforeDue() + "': give only stop (and labels, warn_before)"));
    }
  }

  private static boolean isStage(SalesProcess process, String stage) {
    return process.isOpenStage(stage) || process.isTerminal(stage);
  }

  private static void eventType(List<Problem> problems, SalesProcess process, int i, String field, String name, String type) {
    if (!process.eventTypeIds().contains(type)) {
      problems.add(new Problem(i, field, name + "unknown event type '" + type + "' in '" + field + "'"));
    }
  }
}
