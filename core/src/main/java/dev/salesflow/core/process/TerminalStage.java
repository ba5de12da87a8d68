package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.util.Objects;

/** A stage no case leaves: {@code closed} or {@code lost}. */
public record TerminalStage(String id, Labels labels) {
  public TerminalStage {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? new Labels(id, id) : labels;
  }
}
