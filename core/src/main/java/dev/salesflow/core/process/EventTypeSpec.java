package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.util.List;

/** An event type the process knows, with the fields each such event must carry. */
public record EventTypeSpec(Labels labels, List<String> required) {
  public EventTypeSpec {
    labels = labels == null ? new Labels(null, null) : labels;
    required = required == null ? List.of() : List.copyOf(required);
  }
}
