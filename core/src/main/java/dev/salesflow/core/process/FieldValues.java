package dev.salesflow.core.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What the value kinds shared by event fields and form fields accept. */
final class FieldValues {
  /** A person's name is one line of at most this many characters. */
  static final int MAX_PERSON = 200;

  private FieldValues() {}

  /** {@code text} as a number, or null when it is none. */
  static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
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
      case MONEY -> {
        BigDecimal amount = number(value);
        yield amount == null ? "must be a number, got '" + value + "'"
            : amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
            ? "must be an amount of money (at least 0, at most 2 decimals), got '" + value + "'"
            : null;
      }
      case PERSON -> value.isBlank() || value.length() > MAX_PERSON || value.contains("\n")
          ? "must name a person (one line of at most " + MAX_PERSON + " characters)"
          : null;
      default -> throw new IllegalArgumentException("not a shared kind: " + kind);
    };
  }
}
