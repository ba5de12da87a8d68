package dev.salesflow.core.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of replaying a case's events through the state machine.
 *
 * @param stage the current stage (before the first illegal event, if any)
 * @param visits each stage entered, in time order, the first being the initial stage at registration
 * @param illegal the first event the machine refused, if any; replay (in time order) stopped there
 */
public record Replay(String stage, List<Visit> visits, Optional<Violation> illegal) {
  /**
   * Copies the visits so the replay is immutable.
   *
   * @param stage the current stage id
   * @param visits each stage entered, in order; at least one
   * @param illegal the first refused event, or empty
   */
  public Replay {
    visits = List.copyOf(visits);
  }

  /**
   * When the current stage was entered.
   *
   * @return the time of the last visit, with the offset it was recorded with; null when the case
   *     never moved and has no registration time
   */
  public OffsetDateTime enteredAt() {
    return visits.get(visits.size() - 1).at();
  }

  /**
   * A stage entered at an instant, through the event at {@code eventIndex} (-1: registration).
   *
   * @param stage the stage id
   * @param at when it was entered: the time of the {@code advance} event, or the registration time
   * @param eventIndex the 0-based position of the {@code advance} event in the case's events, or -1
   */
  public record Visit(String stage, OffsetDateTime at, int eventIndex) {}

  /**
   * Why an event is illegal.
   *
   * @param eventIndex 0-based position in the case's events
   * @param kind the sort of violation
   * @param texts one entry per problem (e.g. each unmet guard)
   */
  public record Violation(int eventIndex, Kind kind, List<Message> texts) {
    /**
     * Copies the problems so the violation is immutable.
     *
     * @param eventIndex 0-based position in the case's events
     * @param kind the sort of violation
     * @param texts one entry per problem
     */
    public Violation {
      texts = List.copyOf(texts);
    }

    /**
     * The problems in English.
     *
     * @return one line per problem
     */
    public List<String> problems() {
      return texts.stream().map(Message::english).toList();
    }

    /**
     * The problems as one message.
     *
     * @return the problems joined with {@code "; "}
     */
    public Message text() {
      return Message.of(MessageKey.LITERAL, new Message.Joined("; ", texts));
    }

    /** The sorts of violation. */
    public enum Kind {
      /**
       * The event is not allowed where the case stands: a type not allowed in the stage, bad fields,
       * a move to a stage that cannot be reached or without a required reason, or any event after
       * the case was closed or lost.
       */
      ILLEGAL_EVENT,
      /** A move forward while the stage's requirements (records, approvals) are unmet. */
      UNMET_GUARD,
      /** The event is earlier than the registration. */
      TIME_ORDER
    }

    /**
     * The problems as one line.
     *
     * @return the problems joined with {@code "; "}
     */
    public String message() {
      return String.join("; ", problems());
    }
  }
}
