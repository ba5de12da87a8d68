package dev.salesflow.core.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for case ids, which become file names: letters, digits, '-' and '_'. */
public final class CaseIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
  private static final Set<String> WINDOWS_RESERVED =
      Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private CaseIds() {}

  /** True when {@code id} may name a case. */
  public static boolean isValid(String id) {
    return id != null
        && VALID.matcher(id).matches()
        && !WINDOWS_RESERVED.contains(id.toUpperCase(Locale.ROOT));
  }

  /** Why {@code id} is refused, for messages. */
  public static String rule() {
    return "a case id is 1-128 letters, digits, '-' or '_', starting with a letter or digit,"
        + " and not a reserved device name such as CON";
  }
}
