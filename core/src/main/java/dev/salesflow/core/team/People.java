package dev.salesflow.core.team;

import dev.salesflow.core.model.InvalidRequestException;
import java.nio.file.Path;

/** Who is recording: the person {@code --by} names, else {@code SALESFLOW_USER}, else git's {@code user.email}. */
public final class People {
  private People() {}

  /**
   * The id to record as {@code by}. With a team it must name a person: {@code by}, else {@code
   * envUser}, else the person whose e-mail is git's {@code user.email} in {@code root}. Without a
   * team {@code by} is free-form, as before teams: {@code by}, else {@code envUser}, else null.
   *
   * @throws InvalidRequestException naming the people of the team when no person is found
   */
  public static String current(TeamSettings settings, String by, String envUser, Path root) {
    Team team = settings.team();
    String given = by != null && !by.isBlank() ? by : envUser != null && !envUser.isBlank() ? envUser : null;
    if (team == null) {
      return given;
    }
    if (given != null) {
      if (team.person(given).isEmpty()) {
        throw new InvalidRequestException("unknown person '" + given + "'" + (by != null && !by.isBlank() ? "" : " (SALESFLOW_USER)")
            + "; the team's people are: " + String.join(", ", team.ids()));
      }
      return given;
    }
    String email = GitConfig.get(root, "user.email").orElse(null);
    Person person = email == null ? null : team.byEmail(email).orElse(null);
    if (person == null) {
      throw new InvalidRequestException("who is recording? pass --by PERSON or set SALESFLOW_USER"
          + (email == null ? "" : " (git's user.email " + email + " is no person's e-mail)")
          + "; the team's people are: " + String.join(", ", team.ids()));
    }
    return person.id();
  }
}
