package dev.salesflow.core.store;

/**
 * The numbering of new case ids: {@code PREFIX} then a number of 3 digits or more, one above the
 * highest number of that prefix present (numbers of 9 digits or more are not counted).
 */
public final class CaseNumbers {
  /** Numbers counted have at most this many digits. */
  public static final int MAX_DIGITS = 8;

  private CaseNumbers() {}

  /** The number of {@code id} after {@code prefix}, or -1 when it is not {@code prefix} and 1 to 8 digits. */
  public static int number(String prefix, String id) {
    int digits = id.length() - prefix.length();
    if (digits < 1 || digits > MAX_DIGITS || !id.startsWith(prefix)) {
      return -1;
    }
    int n = 0;
    for (int i = prefix.length(); i < id.length(); i++) {
      char ch = id.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      n = n * 10 + (ch - '0');
    }
    return n;
  }

  /** The id numbered one above {@code highest} (0 when none is present). */
  public static String after(String prefix, int highest) {
    return prefix + String.format("%03d", highest + 1);
  }

  /** The next id of {@code prefix} among {@code ids}. */
  public static String next(String prefix, Iterable<String> ids) {
    int max = 0;
    for (String id : ids) {
      max = Math.max(max, number(prefix, id));
    }
    return after(prefix, max);
  }
}
