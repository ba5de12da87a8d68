package dev.salesflow.core.model;

import java.util.Locale;
import java.util.Set;

/** Rules for case ids, which become file names: letters, digits, '-' and '_'. */
public final class CaseIds {
  private static final Set<String> WINDOWS_RESERVED =
      Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private CaseIds() {}

  /**
   * Whether {@code id} may name a case.
   *
   * @param id a case id, or null
   * @return true when it may
   */
  public static boolean isValid(String id) {
    return id != null
        && hasValidCharacters(id)
        && !WINDOWS_RESERVED.contains(id.toUpperCase(Locale.ROOT));
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9_-]{0,127}}, without a pattern (ids are checked on every read). */
  private static boolean hasValidCharacters(String id) {
    if (id.isEmpty() || id.length() > 128 || !isAsciiLetterOrDigit(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * What a case id may be, for messages.
   *
   * @return the rule in words
   */
  public static String rule() {
    return "a case id is 1-128 letters, digits, '-' or '_', starting with a letter or digit,"
        + " and not a reserved device name such as CON";
  }
}
