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
 * @param form the form such an event carries (a table or checklist of the manual), or null
 * @param anywhere whether it may be recorded in every open stage as a record about the case, not a
 *     step of the process (an attachment): never listed among a stage's events; null means false
 */
public record EventTypeSpec(Labels labels, List<String> required, List<String> roles, String roleField, Form form,
    Boolean anywhere) {
  public EventTypeSpec {
    anywhere = anywhere != null && anywhere;
    labels = labels == null ? new Labels(null, null) : labels;
    required = required == null ? List.of() : List.copyOf(required);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** An event type of the process's stages, with a form or none. */
  public EventTypeSpec(Labels labels, List<String> required, List<String> roles, String roleField, Form form) {
    this(labels, required, roles, roleField, form, null);
  }

  /** An event type without a form. */
  public EventTypeSpec(Labels labels, List<String> required, List<String> roles, String roleField) {
    this(labels, required, roles, roleField, null, null);
  }
}
