package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An open stage: the event types recorded in it, the guards that must hold to leave it forward, and
 * the chance (a percentage) that a deal in it is won, which weighs its value in the forecast.
 *
 * @param probability the percentage 0 to 100 of the deals in this stage expected to be won; null when
 *     the process gives none (the forecast then has no expected value for the stage)
 */
public record Stage(String id, Labels labels, List<String> events, List<Guard> exit, BigDecimal probability) {
  public Stage {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? new Labels(id, id) : labels;
    events = events == null ? List.of() : List.copyOf(events);
    exit = exit == null ? List.of() : List.copyOf(exit);
  }

  /** A stage without a win probability. */
  public Stage(String id, Labels labels, List<String> events, List<Guard> exit) {
    this(id, labels, events, exit, null);
  }
}
