package dev.salesflow.core.process;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
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
      return violation(index, Replay.Violation.Kind.TIME_ORDER, Message.of(MessageKey.EARLIER_THAN_REGISTRATION,
          Timestamps.format(e.at()), Timestamps.format(c.registeredAt())));
    }
    // a closed or lost case still takes corrections of its registration and owner, and a lost one its reopening
    boolean corrects = e.isCorrection() || e.isReopened();
    if (process.isTerminal(stage) && !(corrects && process.eventTypes().containsKey(e.type()))) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.CASE_ENDED, stage,
          stage.equals(process.lost().id()) && process.eventTypes().containsKey(Event.REOPENED)
              ? Message.of(MessageKey.REOPEN_HINT) : ""));
    }
    Map<String, String> fieldProblems = process.fieldProblems(e);
    if (!fieldProblems.isEmpty()) {
      return Optional.of(new Replay.Violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
          fieldProblems.values().stream().map(Message::literal).toList()));
    }
    if (e.isOpened()) {
      return judgeOpening(e, prior, index);
    }
    if (e.isReopened()) {
      return judgeReopening(stage, prior, e, index);
    }
    if (e.isCorrection()) {
      return Optional.empty(); // declared (fieldProblems says so otherwise): allowed in every stage
    }
    if (e.isAdvance()) {
      return judgeAdvance(c, stage, prior, e, index);
    }
    if (!allowed.get(stage).contains(e.type())) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.NOT_ALLOWED_IN_STAGE,
          e.type(), stage, String.join(", ", process.eventsAllowedIn(stage))));
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
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.OPENED_NOT_FIRST));
    }
    boolean hasReason = e.field("reason").filter(r -> !r.isBlank()).isPresent();
    if (e.field("to").orElseThrow().equals(process.lost().id()) && !hasReason) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
          Message.of(MessageKey.OPENING_LOST_NEEDS_REASON, process.lost().id()));
    }
    return Optional.empty();
  }

  /**
   * A {@code reopened} event takes a lost case back to the stage it was lost from (the {@code to}
   * of the last stage change before the loss, or the initial stage), never anywhere else.
   */
  private Optional<Replay.Violation> judgeReopening(String stage, List<Event> prior, Event e, int index) {
    if (!stage.equals(process.lost().id())) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
          Message.of(MessageKey.ONLY_LOST_REOPENED, process.lost().id(), stage));
    }
    String lostFrom = lostFrom(prior);
    String to = e.field("to").orElseThrow();
    if (!to.equals(lostFrom)) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.REOPEN_WRONG_STAGE, lostFrom, to));
    }
    return Optional.empty();
  }

  /** The stage a case whose events are {@code prior} (ending lost) was in before it was lost. */
  private String lostFrom(List<Event> prior) {
    String before = process.initialStage().id();
    String stage = before;
    for (Event e : prior) {
      if (e.isStageChange()) {
        String to = e.field("to").orElseThrow();
        if (!to.equals(stage)) {
          before = stage;
          stage = to;
        }
      }
    }
    return before;
  }

  /**
   * The stage case {@code c}, lost, would be reopened in: the one it was lost from.
   *
   * @param c a case
   * @return the stage it was lost from, or empty when it is not lost
   */
  public Optional<String> reopensIn(Case c) {
    Replay replay = replay(c);
    return replay.stage().equals(process.lost().id()) && replay.illegal().isEmpty()
        ? Optional.of(lostFrom(c.events())) : Optional.empty();
  }

  private Optional<Replay.Violation> judgeAdvance(Case c, String stage, List<Event> prior, Event e, int index) {
    String to = e.field("to").orElseThrow();
    String reason = e.field("reason").orElse(null);
    boolean hasReason = reason != null && !reason.isBlank();
    String previous = process.previous(stage).orElse(null);
    String next = process.next(stage).orElse(null);
    if (to.equals(stage)) {
      return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.ALREADY_IN_STAGE, stage));
    }
    if (to.equals(process.lost().id()) || to.equals(previous)) {
      return hasReason
          ? Optional.empty()
          : violation(index, Replay.Violation.Kind.ILLEGAL_EVENT, Message.of(MessageKey.MOVE_NEEDS_REASON, stage, to));
    }
    if (to.equals(next)) {
      // guards read the registration as the corrections before this move left it
      Case registered = c.asOf(prior.size());
      List<Message> unmet = new ArrayList<>();
      for (Guard guard : process.openStage(stage).orElseThrow().exit()) {
        unmet.addAll(guard.unmetTexts(registered, prior, approvals));
      }
      return unmet.isEmpty()
          ? Optional.empty()
          : Optional.of(new Replay.Violation(index, Replay.Violation.Kind.UNMET_GUARD, unmet));
    }
    List<Object> allowed = new ArrayList<>();
    if (next != null) {
      allowed.add(next);
    }
    if (previous != null) {
      allowed.add(Message.of(MessageKey.ALLOWED_REWORK, previous));
    }
    allowed.add(Message.of(MessageKey.ALLOWED_WITH_REASON, process.lost().id()));
    return violation(index, Replay.Violation.Kind.ILLEGAL_EVENT,
        Message.of(MessageKey.CANNOT_MOVE, stage, to, new Message.Joined(", ", allowed)));
  }

  private static Optional<Replay.Violation> violation(int index, Replay.Violation.Kind kind, Message problem) {
    return Optional.of(new Replay.Violation(index, kind, List.of(problem)));
  }
}
