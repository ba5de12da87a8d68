package dev.salesflow.core.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The people of a workspace ({@code team:} in {@code salesflow.yaml}), by id. */
public final class Team {
  private final Map<String, Person> people = new LinkedHashMap<>();

  Team(List<Person> people) {
    for (Person p : people) {
      this.people.put(p.id(), p);
    }
  }

  /** The person with {@code id}. */
  public Optional<Person> person(String id) {
    return Optional.ofNullable(id == null ? null : people.get(id));
  }

  /** The person whose e-mail is {@code email}, ignoring case. */
  public Optional<Person> byEmail(String email) {
    for (Person p : people.values()) {
      if (p.email() != null && email != null && p.email().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Every id, in file order. */
  public List<String> ids() {
    return new ArrayList<>(people.keySet());
  }
}
