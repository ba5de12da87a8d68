package dev.salesflow.core.process;

import dev.salesflow.core.model.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What the value kinds shared by event fields and form fields accept. */
final class FieldValues {
  /** A person's name is one line of at most this many characters. */
  static final int MAX_PERSON = 200;

  private FieldValues() {}

  /** {@code text} as a number ({@link Amounts}: 0 to 10^15, at most 4 decimals), or null when it is none. */
  static BigDecimal number(String text) {
    return Amounts.parse(text).orElse(null); // checked before any BigDecimal is built
  }

  /** {@code text} as an ISO date, or null when it is none. */
  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Why {@code value} is no value of {@code kind} (date, money or person), or null when it is one. */
  static String problem(FieldSpec.Kind kind, String value) {
    return switch (kind) {
      case DATE -> date(value) == null ? "must be a date (YYYY-MM-DD), got '" + value + "'" : null;
      case MONEY -> Amounts.isAmount(value) ? null : Amounts.problem(value);
      case PERSON -> value.isBlank() || value.length() > MAX_PERSON || value.contains("\n")
          ? "must name a person (one line of at most " + MAX_PERSON + " characters)"
          : null;
      default -> throw new IllegalArgumentException("not a shared kind: " + kind);
    };
  }
}
