package dev.salesflow.core.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of replaying a case's events through the state machine.
 *
 * @param stage the current stage (before the first illegal event, if any)
 * @param visits each stage entered, in order, the first being the initial stage at registration
 * @param illegal the first event the machine refused; replay stopped there
 */
public record Replay(String stage, List<Visit> visits, Optional<Violation> illegal) {
  public Replay {
    visits = List.copyOf(visits);
  }

  /** When the current stage was entered. */
  public OffsetDateTime enteredAt() {
    return visits.get(visits.size() - 1).at();
  }

  /** A stage entered at an instant, through the event at {@code eventIndex} (-1: registration). */
  public record Visit(String stage, OffsetDateTime at, int eventIndex) {}

  /**
   * Why an event is illegal.
   *
   * @param eventIndex 0-based position in the case's events
   * @param kind the sort of violation
   * @param problems one line per problem (e.g. each unmet guard)
   */
  public record Violation(int eventIndex, Kind kind, List<String> problems) {
    public Violation {
      problems = List.copyOf(problems);
    }

    /** The sorts of violation. */
    public enum Kind {
      ILLEGAL_EVENT,
      UNMET_GUARD,
      TIME_ORDER
    }

    /** The problems joined for a one-line message. */
    public String message() {
      return String.join("; ", problems);
    }
  }
}
