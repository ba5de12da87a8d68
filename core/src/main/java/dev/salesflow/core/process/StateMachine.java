package dev.salesflow.core.process;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.Timestamps;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays a case's events through a process. Transitions: forward one stage when the stage's
 * guards hold; back one stage with a reason (rework); to {@code lost} from any open stage with a
 * reason; from the last stage forward to {@code closed}.
 */
public final class StateMachine {
  private final ProcessDefinition process;
  private final ApprovalRules approvals;
  /** Event types allowed per open stage, looked up once per event of every replay. */
  private final Map<String, java.util.Set<String>> allowed = new java.util.HashMap<>();

  /** A machine whose single approval tier is {@code approvalThreshold} (the general manager at or above it). */
  public StateMachine(ProcessDefinition process, BigDecimal approvalThreshold) {
    this(process, ApprovalRules.threshold(Objects.requireNonNull(approvalThreshold, "approvalThreshold")));
  }

  public StateMachine(ProcessDefinition process, ApprovalRules approvals) {
    this.process = Objects.requireNonNull(process, "process");
    this.approvals = Objects.requireNonNull(approvals, "approvals");
    for (Stage stage : process.stages()) {
      java.util.Set<String> types = new java.util.HashSet<>(process.eventsAllowedIn(stage.id()));
      for (Map.Entry<String, EventTypeSpec> type : process.eventTypes().entrySet()) {
        if (type.getValue().anywhere()) {
          types.add(type.getKey());
        }
      }
      allowed.put(stage.id(), java.util.Set.copyOf(types));
    }
  }

  public ProcessDefinition process() {
    return process;
  }

  /**
   * Replays every event of {@code c} in the order they happened ({@link Case#timeline()}: by
   * {@code at}, ties in file order), stopping at the first illegal one. Visits and the violation
   * name events by their position in the file.
   */
  public Replay replay(Case c) {
    List<Replay.Visit> visits = new ArrayList<>();
    visits.add(new Replay.Visit(process.initialStage().id(), c.registeredAt(), -1));
    String stage = process.initialStage().id();
    List<Event> events = c.timeline();
    int[] order = c.timelineIndexes();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      int index = order == null ? i : order[i];
      Optional<Replay.Violation> violation = judge(c, stage, events.subList(0, i), e, index);
      if (violation.isPresent()) {
        return new Replay(stage, visits, violation);
      }
      if (e.isStageChange() && !(e.isOpened() && e.field("to").orElseThrow().equals(stage))) {
        stage = e.field("to").orElseThrow();
        visits.add(new Replay.Visit(stage, e.at(), index));
      }
    }
    return new Replay(stage, visits, Optional.empty());
  }

  /**
   * Whether {@code next} may be appended to {@code c}: empty when legal, else the violation. The
   * case itself must replay cleanly; when it does not, its own first violation is returned. An
   * event earlier than the case's latest one (recorded late) is judged where it happened: the
   * whole history replayed in time order must stay legal, so the violation may name a later event
   * of the case that it would make illegal (e.g. a back-dated move to lost before a later meeting).
   */
  public Optional<Replay.Violation> judgeNext(Case c, Event next) {
    Replay replay = replay(c);
    if (replay.illegal().isPresent()) {
      return replay.illegal();
    }
    List<Event> timeline = c.timeline();
    if (timeline.isEmpty() || !next.at().isBefore(timeline.get(timeline.size() - 1).at())) {
      return judge(c, replay.stage(), timeline, next, c.events().size());
    }
    return replay(c.withEvent(next)).illegal();
  }

  private Optional<Replay.Violation> judge(Case c, String stage, List<Event> prior, Event e, int index) {
    if (c.registeredAt() != null && e.at().isBefore(c.registeredAt())) {
      return violation(index, Replay.Violation.Kind.TIME_ORDER,
          "event at " + Timestamps.format(e.at()) + " is earlier than the registration at "
              + Timestamps.format(c.registeredAt()));
    }
    if (process.isTerminal(stage)) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
          "the case is " + stage + ": no further events are accepted");
    }
    Map<String, String> fieldProblems = process.fieldProblems(e);
    if (!fieldProblems.isEmpty()) {
      return Optional.of(new Replay.Violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, List.copyOf(fieldProblems.values())));
    }
    if (e.isOpened()) {
      return judgeOpening(e, prior, index);
    }
    if (e.isAdvance()) {
      return judgeAdvance(c, stage, prior, e, index);
    }
    if (!allowed.get(stage).contains(e.type())) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, "'" + e.type() + "' cannot be recorded in stage "
          + stage + " (allowed: " + String.join(", ", process.eventsAllowedIn(stage)) + ")");
    }
    return Optional.empty();
  }

  /**
   * An {@code opened} event starts a case where it stands in another system: only as its first
   * event in time (nothing may have happened in salesflow before), and a lost one with its reason. No guard
   * is judged: what they ask for was done, or not, before salesflow knew the case.
   */
  private Optional<Replay.Violation> judgeOpening(Event e, List<Event> prior, int index) {
    if (!prior.isEmpty()) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
          "'opened' can only be the first event of a case (it starts an imported case in its stage)");
    }
    boolean hasReason = e.field("reason").filter(r -> !r.isBlank()).isPresent();
    if (e.field("to").orElseThrow().equals(process.lost().id()) && !hasReason) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, "opening a case as " + process.lost().id() + " needs a 'reason'");
    }
    return Optional.empty();
  }

  private Optional<Replay.Violation> judgeAdvance(Case c, String stage, List<Event> prior, Event e, int index) {
    String to = e.field("to").orElseThrow();
    String reason = e.field("reason").orElse(null);
    boolean hasReason = reason != null && !reason.isBlank();
    String previous = process.previous(stage).orElse(null);
    String next = process.next(stage).orElse(null);
    if (to.equals(stage)) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, "the case is already in stage " + stage);
    }
    if (to.equals(process.lost().id()) || to.equals(previous)) {
      return hasReason
          ? Optional.empty()
          : violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
              "moving from " + stage + " to " + to + " needs a 'reason'");
    }
    if (to.equals(next)) {
      List<String> unmet = new ArrayList<>();
      for (Guard guard : process.openStage(stage).orElseThrow().exit()) {
        unmet.addAll(guard.unmet(c, prior, approvals));
      }
      return unmet.isEmpty()
          ? Optional.empty()
          : Optional.of(new Replay.Violation(index, Replay.Violation.Kind.UNMET_GUARD, unmet));
    }
    List<String> allowed = new ArrayList<>();
    if (next != null) {
      allowed.add(next);
    }
    if (previous != null) {
      allowed.add(previous + " (rework, with a reason)");
    }
    allowed.add(process.lost().id() + " (with a reason)");
    return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
        "cannot move from " + stage + " to " + to + " (allowed: " + String.join(", ", allowed) + ")");
  }

  private static Optional<Replay.Violation> violation(int index, Replay.Violation.Kind kind, String problem) {
    return Optional.of(new Replay.Violation(index, kind, List.of(problem)));
  }
}
