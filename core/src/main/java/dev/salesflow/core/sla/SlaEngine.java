package dev.salesflow.core.sla;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Computes the SLA clocks of a case on a business calendar, from its events in the order they
 * happened ({@code at}, whatever order they were recorded in). Only the legal prefix counts; once
 * a case is closed or lost its running clocks stop counting and are judged as they stood at that
 * moment.
 */
public final class SlaEngine {
  private final SalesProcess process;
  private final String initialStage;
  private final List<SlaRule> rules;
  /** The rules as clocks are computed: "before due" rules made whole ({@link SlaRule#resolve}). */
  private final List<SlaRule> effective;
  private final BusinessCalendar calendar;

  /**
   * @param process the stages the rules refer to: where a case starts, which stages end it
   * @param rules the rules in force, in the order clocks of the same start are listed
   */
  public SlaEngine(SalesProcess process, List<SlaRule> rules, BusinessCalendar calendar) {
    this.process = Objects.requireNonNull(process, "process");
    this.initialStage = process.allStageIds().get(0);
    this.rules = List.copyOf(rules);
    this.effective = SlaRule.resolve(this.rules);
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public List<SlaRule> rules() {
    return rules;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * Every clock of {@code c} judged at {@code now}, in start order.
   *
   * @param warnAtLeast widens every rule's warning window to at least this (e.g. {@code --due-within})
   */
  public ClockSheet clocks(Case c, Replay replay, Instant now, Duration warnAtLeast) {
    List<Event> events = c.legalTimeline(replay);
    Instant judgedAt = now;
    if (process.isTerminal(replay.stage())) {
      Instant ended = replay.enteredAt().toInstant();
      judgedAt = ended.isBefore(now) ? ended : now;
    }
    List<SlaClock> clocks = new ArrayList<>();
    SortedSet<Integer> unknownYears = new TreeSet<>();
    for (SlaRule rule : effective) {
      if (rule.stalledRule()) {
        stalled(rule, c, events, judgedAt, warnAtLeast, clocks, unknownYears);
        continue;
      }
      Target target = rule.targetFor(c.priority());
      if (target == null && !rule.dueFromEvent()) {
        continue;
      }
      Duration warn = rule.warnLead().compareTo(warnAtLeast) >= 0 ? rule.warnLead() : warnAtLeast;
      ClockRun run = new ClockRun(rule, target, warn, judgedAt, clocks, unknownYears);
      if (rule.recurring()) {
        recurring(rule, c, events, run);
      } else {
        oneShot(rule, c, events, run);
      }
      run.finishOpen();
    }
    clocks.sort(new StartOrder());
    return new ClockSheet(clocks, unknownYears);
  }

  /**
   * Clocks by start, then in the order of their rules. A class rather than a method reference, as
   * every command that shows a clock runs this (see TreeBinding on lambdas).
   */
  private final class StartOrder implements Comparator<SlaClock> {
    @Override
    public int compare(SlaClock a, SlaClock b) {
      int byStart = a.startedAt().compareTo(b.startedAt());
      return byStart != 0 ? byStart : Integer.compare(ruleIndex(a.rule()), ruleIndex(b.rule()));
    }
  }

  private int ruleIndex(String ruleId) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(ruleId)) {
        return i;
      }
    }
    return -1;
  }

  /** The state of a running clock due at {@code due}, judged at {@code at} with warning lead {@code warn}. */
  static ClockState runningState(Instant due, Instant at, Duration warn) {
    if (at.isAfter(due)) {
      return ClockState.BREACHED;
    }
    return at.isBefore(due.minus(warn)) ? ClockState.OPEN : ClockState.DUE_SOON;
  }

  /**
   * A running clock from a deadline index judged at {@code now}; the warning window is the rule's,
   * widened to at least {@code warnAtLeast}.
   */
  public SlaClock judgeRunning(SlaRule rule, RunningClock running, Instant now, Duration warnAtLeast) {
    Duration warn = rule.warnLead().compareTo(warnAtLeast) >= 0 ? rule.warnLead() : warnAtLeast;
    return new SlaClock(rule.id(), running.key(), running.startedAt(), running.dueAt(), null, now,
        runningState(running.dueAt(), now, warn));
  }

  /** The years a running clock's deadline needed that the calendar does not know. */
  public SortedSet<Integer> unknownYears(SlaRule rule, dev.salesflow.core.model.Priority priority, RunningClock running) {
    return unknownYears(rule, priority, running.startedAt(), running.dueAt());
  }

  /** The years a deadline of {@code rule} from {@code start} to {@code due} needed that the calendar does not know. */
  public SortedSet<Integer> unknownYears(SlaRule rule, dev.salesflow.core.model.Priority priority, Instant start, Instant due) {
    SlaRule whole = rule;
    for (SlaRule r : effective) {
      if (r.id().equals(rule.id())) {
        whole = r;
      }
    }
    Target target = whole.targetFor(priority);
    return target != null && target.dependsOnWorkingDays()
        ? calendar.unknownYearsBetween(start, due)
        : new TreeSet<>();
  }

  private void oneShot(SlaRule rule, Case c, List<Event> events, ClockRun run) {
    String stage = initialStage;
    boolean startsAtRegistration = rule.start() instanceof ClockStart.Registered
        || rule.start() instanceof ClockStart.OnEntering enter && enter.stage().equals(stage);
    // an imported case starts at its opening: no clock of what happened before salesflow knew it
    if (startsAtRegistration && c.registeredAt() != null && !opened(events)) {
      run.start(null, c.registeredAt().toInstant());
    }
    for (Event e : events) {
      if (rule.stop().contains(e.type())) {
        run.stop(rule.match() == null ? null : e.field(rule.match()).orElse(null), rule.match() != null, e.at().toInstant());
      }
      boolean inScope = rule.during() == null || rule.during().isEmpty() || rule.during().contains(stage);
      if (rule.start() instanceof ClockStart.OnEvent on && on.type().equals(e.type()) && inScope) {
        String key = rule.match() == null ? null : e.field(rule.match()).orElse(null);
        if (!rule.dueFromEvent()) {
          run.start(key, e.at().toInstant());
        } else {
          // an event without the date (a case recorded before forms) starts no clock
          Instant due = dueFrom(rule.due(), e);
          if (due != null) {
            run.start(key, e.at().toInstant(), due);
          }
        }
      }
      if (e.isStageChange()) {
        stage = e.field("to").orElse(stage);
        if (rule.start() instanceof ClockStart.OnEntering enter && enter.stage().equals(stage)) {
          run.start(null, e.at().toInstant());
        }
      }
    }
  }

  /**
   * The end (23:59:59) of the date in {@code due}'s field of {@code e}, in the calendar's zone; null
   * when the event carries no such date.
   */
  private Instant dueFrom(DueFrom due, Event e) {
    String text = e.fields().get(due.field());
    if (text == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text.strip()).atTime(23, 59, 59).atZone(calendar.zone()).toInstant();
    } catch (java.time.format.DateTimeParseException notADate) {
      return null;
    }
  }

  private void recurring(SlaRule rule, Case c, List<Event> events, ClockRun run) {
    String stage = initialStage;
    boolean inStage = !opened(events) && stage.equals(rule.whileStage());
    if (inStage && c.registeredAt() != null) {
      run.start(null, c.registeredAt().toInstant());
    }
    for (Event e : events) {
      if (e.isStageChange()) {
        String to = e.field("to").orElse(stage);
        if (inStage && !to.equals(rule.whileStage())) {
          if (!process.isTerminal(to)) {
            // Leaving for another open stage ends the obligation. Leaving for lost (or closed)
            // does not: like every clock of an ended case it is judged as it stood then.
            run.stop(null, false, e.at().toInstant());
          }
          inStage = false;
        } else if (!inStage && to.equals(rule.whileStage())) {
          run.start(null, e.at().toInstant());
          inStage = true;
        }
        stage = to;
      } else if (inStage && rule.stop().contains(e.type())) {
        run.stop(null, false, e.at().toInstant());
        run.start(null, e.at().toInstant());
      }
    }
  }

  /**
   * The one clock of a stalled-deal rule: from the case's latest event (or its registration), due
   * after the idle time of the stage the case is in; none in a stage without one, or on an ended
   * case. Each event restarts it, so earlier idle spells leave no clock: the deal moved on.
   */
  private void stalled(SlaRule rule, Case c, List<Event> events, Instant judgedAt, Duration warnAtLeast,
      List<SlaClock> out, SortedSet<Integer> unknownYears) {
    String stage = initialStage;
    Instant since = c.registeredAt() == null ? null : c.registeredAt().toInstant();
    for (Event e : events) {
      since = e.at().toInstant();
      if (e.isStageChange()) {
        stage = e.field("to").orElse(stage);
      }
    }
    Target target = rule.idle().get(stage);
    if (since == null || target == null || process.isTerminal(stage)) {
      return;
    }
    Duration warn = rule.warnLead().compareTo(warnAtLeast) >= 0 ? rule.warnLead() : warnAtLeast;
    ClockRun run = new ClockRun(rule, target, warn, judgedAt, out, unknownYears);
    run.start(null, since);
    run.finishOpen();
  }

  /** Whether the case was opened mid-process (imported): its first event is {@code opened}. */
  private static boolean opened(List<Event> events) {
    return !events.isEmpty() && events.get(0).isOpened();
  }

  /** The clocks of one rule being built while events are walked. */
  private final class ClockRun {
    private final SlaRule rule;
    private final Target target;
    private final Duration warn;
    private final Instant judgedAt;
    private final List<SlaClock> out;
    private final SortedSet<Integer> unknownYears;
    private final List<SlaClock> running = new ArrayList<>();

    ClockRun(SlaRule rule, Target target, Duration warn, Instant judgedAt, List<SlaClock> out, SortedSet<Integer> unknownYears) {
      this.rule = rule;
      this.target = target;
      this.warn = warn;
      this.judgedAt = judgedAt;
      this.out = out;
      this.unknownYears = unknownYears;
    }

    void start(String key, Instant at) {
      Instant due = target.dueAt(at, calendar);
      if (target.dependsOnWorkingDays() && !at.isAfter(judgedAt)) {
        unknownYears.addAll(calendar.unknownYearsBetween(at, due));
      }
      start(key, at, due);
    }

    void start(String key, Instant at, Instant due) {
      running.add(new SlaClock(rule.id(), key, at, due, null, judgedAt, ClockState.OPEN));
    }

    /** Stops the running clocks with {@code key} (all of them when not matching by key). */
    void stop(String key, boolean byKey, Instant at) {
      if (at.isAfter(judgedAt)) {
        return;
      }
      for (var it = running.iterator(); it.hasNext(); ) {
        SlaClock clock = it.next();
        if (!byKey || Objects.equals(clock.key(), key)) {
          it.remove();
          ClockState state = at.isAfter(clock.dueAt()) ? ClockState.MET_LATE : ClockState.MET;
          out.add(new SlaClock(clock.rule(), clock.key(), clock.startedAt(), clock.dueAt(), at, judgedAt, state));
        }
      }
    }

    void finishOpen() {
      for (SlaClock clock : running) {
        if (clock.startedAt().isAfter(judgedAt)) {
          continue;
        }
        out.add(new SlaClock(clock.rule(), clock.key(), clock.startedAt(), clock.dueAt(), null, judgedAt,
            runningState(clock.dueAt(), judgedAt, warn)));
      }
      running.clear();
    }
  }
}
