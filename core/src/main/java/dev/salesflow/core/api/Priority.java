package dev.salesflow.core.api;

import java.util.Locale;
import java.util.Optional;

/** Customer priority from the registration form: A high intent, B medium, C low. */
public enum Priority {
  A,
  B,
  C;

  /** The priority named by {@code text} (case-insensitive), or empty when it names none. */
  public static Optional<Priority> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
