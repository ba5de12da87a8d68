package dev.salesflow.core.team;

import java.util.List;
import java.util.Objects;

/**
 * One person of the team.
 *
 * @param id what {@code by} says, e.g. {@code zhang.wei}
 * @param email the principal of their keys in the allowed-signers file, and what git's {@code
 *     user.email} is matched against; may be null
 * @param language {@code en} or {@code zh}; may be null
 * @param roles the roles they hold, e.g. {@code sales_rep}
 * @param manager the id of their manager; may be null
 */
public record Person(String id, String name, String email, String language, List<String> roles, String manager) {
  public Person {
    Objects.requireNonNull(id, "id");
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** Whether they hold {@code role}. */
  public boolean holds(String role) {
    return roles.contains(role);
  }
}
