package dev.salesflow.core.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.model.Durations;
import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deadline rule. One-shot rules start a clock at each {@code start} and stop it at the next
 * {@code stop} (the one with the same {@code match} field, when set). Recurring rules run while
 * a case is in stage {@code whileStage}: a clock starts on entry and restarts at each {@code
 * stop}, each due {@code every} after its start. Fields other than {@code id} may be null in a
 * workspace override, which changes only what it sets.
 *
 * @param during stages in which a start counts (empty: all)
 * @param escalateAfter how long a breached clock may stay breached before {@code notify} tells the
 *     owner's manager (and, after each further interval, the next manager up); null: never escalated
 * @param due a deadline carried by the starting event (the end of a date in one of its fields),
 *     instead of {@code target}; null for none
 * @param beforeDue a "before due" rule: the id of a rule with a deadline whose clocks this rule
 *     shadows, stopped by this rule's {@code stop} events or the other's (a delay must be notified
 *     before the promised date passes); {@link #resolve} turns it into start, match and due
 * @param idle a "stalled deal" rule: per open stage, how long a case may sit in it without any
 *     event (its clock starts on the case's latest event, or registration, and restarts at each
 *     event); stages not listed, or with a null target ({@code never}), are never stalled; null
 *     for other rules
 */
public record SlaRule(
    String id,
    Labels labels,
    ClockStart start,
    List<String> stop,
    String match,
    Target target,
    Map<Priority, Target> targets,
    Duration warnBefore,
    String whileStage,
    Target every,
    List<String> during,
    Target escalateAfter,
    DueFrom due,
    String beforeDue,
    Map<String, Target> idle) {

  /** The {@code idle} value of a stage where a case is never stalled. */
  public static final String NEVER = "never";

  /** A rule that is not a stalled-deal rule. */
  public SlaRule(String id, Labels labels, ClockStart start, List<String> stop, String match, Target target,
      Map<Priority, Target> targets, Duration warnBefore, String whileStage, Target every, List<String> during,
      Target escalateAfter, DueFrom due, String beforeDue) {
    this(id, labels, start, stop, match, target, targets, warnBefore, whileStage, every, during, escalateAfter, due,
        beforeDue, null);
  }

  /** A rule that is never escalated. */
  public SlaRule(String id, Labels labels, ClockStart start, List<String> stop, String match, Target target,
      Map<Priority, Target> targets, Duration warnBefore, String whileStage, Target every, List<String> during) {
    this(id, labels, start, stop, match, target, targets, warnBefore, whileStage, every, during, null);
  }

  /** A rule with a fixed target (or none, in an override). */
  public SlaRule(String id, Labels labels, ClockStart start, List<String> stop, String match, Target target,
      Map<Priority, Target> targets, Duration warnBefore, String whileStage, Target every, List<String> during,
      Target escalateAfter) {
    this(id, labels, start, stop, match, target, targets, warnBefore, whileStage, every, during, escalateAfter, null, null);
  }

  public SlaRule {
    Objects.requireNonNull(id, "id");
    targets = targets == null ? null : Map.copyOf(targets);
    stop = stop == null ? null : List.copyOf(stop);
    during = during == null ? null : List.copyOf(during);
    idle = idle == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(idle));
  }

  /**
   * Binds the YAML form, parsing targets and durations so a bad one is reported where written:
   * the exception carries the path of the offending field ({@code target}, {@code targets.B},
   * {@code warn_before}, {@code every}), which the loader turns into that field's line.
   */
  @JsonCreator
  static SlaRule fromYaml(
      @JsonProperty("id") String id,
      @JsonProperty("labels") Labels labels,
      @JsonProperty("start") ClockStart start,
      @JsonProperty("stop") List<String> stop,
      @JsonProperty("match") String match,
      @JsonProperty("target") String target,
      @JsonProperty("targets") Map<String, String> targets,
      @JsonProperty("warn_before") String warnBefore,
      @JsonProperty("while") String whileStage,
      @JsonProperty("every") String every,
      @JsonProperty("during") List<String> during,
      @JsonProperty("escalate_after") String escalateAfter,
      @JsonProperty("due") Map<String, String> due,
      @JsonProperty("before_due") String beforeDue,
      @JsonProperty("idle") Map<String, String> idle) throws JsonMappingException {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("every SLA rule needs an 'id'");
    }
    Map<Priority, Target> perPriority = null;
    if (targets != null) {
      perPriority = new EnumMap<>(Priority.class);
      for (Map.Entry<String, String> t : targets.entrySet()) {
        Priority p = Priority.parse(t.getKey()).orElseThrow(() -> located(new IllegalArgumentException(
            "rule " + id + ": targets are keyed by priority A, B or C, not '" + t.getKey() + "'"), "targets", t.getKey()));
        perPriority.put(p, parse(id, "targets." + t.getKey(), t.getValue(), "targets", t.getKey()));
      }
    }
    Duration warn = null;
    if (warnBefore != null) {
      try {
        warn = Durations.parse(warnBefore);
      } catch (IllegalArgumentException e) {
        throw located(new IllegalArgumentException("rule " + id + ": warn_before: " + e.getMessage(), e), "warn_before");
      }
    }
    DueFrom dueFrom = null;
    if (due != null) {
      for (String key : due.keySet()) {
        if (!key.equals("field") && !key.equals("of")) {
          throw located(new IllegalArgumentException("rule " + id + ": due: unknown key '" + key + "' (known: field, of)"), "due");
        }
      }
      if (due.get("field") == null) {
        throw located(new IllegalArgumentException("rule " + id + ": due needs 'field' (the event field holding the date)"), "due");
      }
      dueFrom = new DueFrom(due.get("field"), due.get("of"));
      if (start == null && dueFrom.of() != null) {
        start = ClockStart.ofText(dueFrom.of());
      }
    }
    Map<String, Target> idleFor = null;
    if (idle != null) {
      idleFor = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, String> t : idle.entrySet()) {
        // "never": a stage where a case is never stalled (e.g. to switch a default stage off)
        idleFor.put(t.getKey(), NEVER.equals(t.getValue() == null ? null : t.getValue().strip()) ? null
            : parse(id, "idle." + t.getKey(), t.getValue(), "idle", t.getKey()));
      }
    }
    return new SlaRule(id, labels, start, stop, match, target == null ? null : parse(id, "target", target, "target"),
        perPriority, warn, whileStage, every == null ? null : parse(id, "every", every, "every"), during,
        escalateAfter == null ? null : parse(id, "escalate_after", escalateAfter, "escalate_after"), dueFrom, beforeDue,
        idleFor);
  }

  /**
   * {@code rules} with each "before due" rule made whole: the start, match, stages and deadline of
   * the rule it names, stopped by its own stop events and that rule's. Other rules are returned as
   * they are; a rule naming no rule with a deadline is left for {@link SlaRuleValidator} to report.
   */
  public static List<SlaRule> resolve(List<SlaRule> rules) {
    List<SlaRule> resolved = new java.util.ArrayList<>(rules.size());
    for (SlaRule rule : rules) {
      SlaRule shadowed = null;
      for (SlaRule other : rules) {
        if (rule.beforeDue != null && other.id.equals(rule.beforeDue) && other.beforeDue == null) {
          shadowed = other;
        }
      }
      if (shadowed == null) {
        resolved.add(rule);
        continue;
      }
      java.util.LinkedHashSet<String> stops = new java.util.LinkedHashSet<>();
      if (rule.stop != null) {
        stops.addAll(rule.stop);
      }
      if (shadowed.stop != null) {
        stops.addAll(shadowed.stop);
      }
      resolved.add(new SlaRule(rule.id, rule.labels, shadowed.start, List.copyOf(stops), shadowed.match,
          shadowed.target, shadowed.targets, rule.warnBefore, null, null, shadowed.during, rule.escalateAfter,
          shadowed.due, rule.beforeDue));
    }
    return resolved;
  }

  /** True for a stalled-deal rule: a deadline per stage for the next event ({@link #idle}). */
  public boolean stalledRule() {
    return idle != null;
  }

  /** True for a rule whose deadline comes from its starting event ({@link #due}). */
  public boolean dueFromEvent() {
    return due != null;
  }

  private static Target parse(String id, String field, String text, String... path) throws JsonMappingException {
    try {
      return Target.parse(text);
    } catch (IllegalArgumentException e) {
      throw located(new IllegalArgumentException("rule " + id + ": " + field + ": " + e.getMessage(), e), path);
    }
  }

  /**
   * {@code problem} as a binding failure at {@code path} inside the rule, so that the location
   * names the field rather than the whole rule (Jackson prepends the rule's own place).
   */
  private static JsonMappingException located(IllegalArgumentException problem, String... path) {
    JsonMappingException e = ValueInstantiationException.from((JsonParser) null, problem.getMessage(),
        TypeFactory.defaultInstance().constructType(SlaRule.class), problem);
    for (int i = path.length - 1; i >= 0; i--) {
      e.prependPath(null, path[i]);
    }
    return e;
  }

  /** True for rules that run while a case is in a stage. */
  public boolean recurring() {
    return whileStage != null;
  }

  /** The target for a case of {@code priority}: its own if set, else the general one. */
  public Target targetFor(Priority priority) {
    if (recurring()) {
      return every;
    }
    if (targets != null && priority != null && targets.containsKey(priority)) {
      return targets.get(priority);
    }
    return target;
  }

  /** The warning lead; zero when none is set. */
  public Duration warnLead() {
    return warnBefore == null ? Duration.ZERO : warnBefore;
  }

  /**
   * Per-priority targets after {@code override}: its own priorities replace these one by one; a
   * plain {@code target} in the override with no {@code targets} replaces them all.
   */
  private Map<Priority, Target> mergedTargets(SlaRule override) {
    if (override.targets == null) {
      return override.target != null ? null : targets;
    }
    Map<Priority, Target> merged = new EnumMap<>(Priority.class);
    if (targets != null) {
      merged.putAll(targets);
    }
    merged.putAll(override.targets);
    return merged;
  }

  /** This rule with every field that {@code override} sets replaced by its value. */
  public SlaRule overriddenBy(SlaRule override) {
    return new SlaRule(
        id,
        override.labels != null ? override.labels : labels,
        override.start != null ? override.start : start,
        override.stop != null ? override.stop : stop,
        override.match != null ? override.match : match,
        override.target != null ? override.target : target,
        mergedTargets(override),
        override.warnBefore != null ? override.warnBefore : warnBefore,
        override.whileStage != null ? override.whileStage : whileStage,
        override.every != null ? override.every : every,
        override.during != null ? override.during : during,
        override.escalateAfter != null ? override.escalateAfter : escalateAfter,
        override.due != null ? override.due : due,
        override.beforeDue != null ? override.beforeDue : beforeDue,
        mergedIdle(override));
  }

  /** Per-stage idle targets after {@code override}: its stages replace these one by one. */
  private Map<String, Target> mergedIdle(SlaRule override) {
    if (override.idle == null) {
      return idle;
    }
    Map<String, Target> merged = new java.util.LinkedHashMap<>();
    if (idle != null) {
      merged.putAll(idle);
    }
    merged.putAll(override.idle);
    return merged;
  }
}
