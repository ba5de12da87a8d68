package dev.salesflow.core.model;

import java.util.Locale;
import java.util.Optional;

/** Customer priority from the registration form: A high intent, B medium, C low. */
public enum Priority {
  /** High intent. */
  A,
  /** Medium intent. */
  B,
  /** Low intent. */
  C;

  /**
   * The priority a text names.
   *
   * @param text {@code A}, {@code B} or {@code C}, in either case and with surrounding blanks; may be null
   * @return the priority, or empty when {@code text} names none
   */
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

  /**
   * Why a text names no priority: the one message for it, wherever a priority is read.
   *
   * @param text the text {@link #parse} found no priority in
   * @return {@code priority must be A, B or C, got 'TEXT'}
   */
  public static String notAPriority(String text) {
    return "priority must be A, B or C, got '" + text + "'";
  }
}
