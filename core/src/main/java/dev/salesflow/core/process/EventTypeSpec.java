package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.util.List;

/**
 * An event type the process knows, with the fields each such event must carry and who may record
 * it. Roles are enforced only in a workspace with a team ({@code team:} in {@code salesflow.yaml}).
 *
 * @param roles the roles of which the recorder must hold one; empty: anyone
 * @param roleField a field of the event naming the role the recorder must hold (an approval names
 *     the role that approves); null for none
 */
public record EventTypeSpec(Labels labels, List<String> required, List<String> roles, String roleField) {
  public EventTypeSpec {
    labels = labels == null ? new Labels(null, null) : labels;
    required = required == null ? List.of() : List.copyOf(required);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
