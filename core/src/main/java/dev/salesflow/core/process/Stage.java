package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.util.List;
import java.util.Objects;

/**
 * An open stage: the event types recorded in it and the guards that must hold to leave it
 * forward.
 */
public record Stage(String id, Labels labels, List<String> events, List<Guard> exit) {
  public Stage {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? new Labels(id, id) : labels;
    events = events == null ? List.of() : List.copyOf(events);
    exit = exit == null ? List.of() : List.copyOf(exit);
  }
}
