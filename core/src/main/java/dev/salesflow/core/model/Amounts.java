package dev.salesflow.core.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Amounts and other numbers of events ({@code amount}, {@code quantity}): plain decimals from 0 to
 * 10^15 with at most four decimals, such as {@code 1850000} or {@code 1850000.50}. Nothing else is
 * read as a number: no sign (a negative contract would pass under every approval threshold), no
 * exponent ({@code 1e2147483647} would need gigabytes of digits to print), no {@code 0x10},
 * {@code 1_000}, {@code .nan} or {@code .inf}. The text is checked before any {@link BigDecimal}
 * is built, so a hostile value costs nothing.
 */
public final class Amounts {
  /** The largest amount: 10^15. */
  public static final BigDecimal MAX = BigDecimal.TEN.pow(15);

  /** Most decimals an amount may have. */
  public static final int MAX_SCALE = 4;

  private Amounts() {}

  /**
   * The amount {@code text} writes.
   *
   * @param text an amount as written, surrounding blanks ignored; or null
   * @return its value, or empty when it is no amount by the rules above
   */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    int dot = s.indexOf('.');
    int digits = dot < 0 ? s.length() : dot;
    int decimals = dot < 0 ? 0 : s.length() - dot - 1;
    // at most 16 integer digits (10^15 has 16), then checked against MAX exactly
    if (digits < 1 || digits > 16 || (dot >= 0 && (decimals < 1 || decimals > MAX_SCALE))) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i != dot && (c < '0' || c > '9')) {
        return Optional.empty();
      }
    }
    BigDecimal value = new BigDecimal(s);
    return value.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(value);
  }

  /**
   * Whether {@code text} is an amount.
   *
   * @param text an amount as written, or null
   * @return true when {@link #parse} reads it
   */
  public static boolean isAmount(String text) {
    return parse(text).isPresent();
  }

  /**
   * Why {@code text} is no amount, for a message: short whatever the text (a long one is cut).
   *
   * @param text the value as written
   * @return e.g. {@code must be a number from 0 to 1000000000000000 with at most 4 decimals, got '-5000000'}
   */
  public static String problem(String text) {
    return "must be a number from 0 to " + MAX.toPlainString() + " with at most " + MAX_SCALE
        + " decimals, got '" + shortened(text) + "'";
  }

  /**
   * {@code text} cut to 24 characters with an ellipsis, so a message never carries a megabyte.
   *
   * @param text any text, or null
   * @return the text, or its start and {@code …}
   */
  public static String shortened(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 24 ? text : text.substring(0, 24) + "…";
  }
}
