package dev.salesflow.core.model;

/**
 * Keeps text cells of exported files from being run as formulas by spreadsheets (OWASP "CSV
 * injection"): a cell that begins with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '}, which spreadsheets read as "this is text". {@link #restore} undoes exactly that, so
 * {@code restore(neutralise(s)).equals(s)} for every string: a cell that already begins with
 * quotes before such a character gets one more.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  /**
   * A cell's text made safe to open in a spreadsheet.
   *
   * @param text the text, or null
   * @return {@code text} with a leading {@code '} when it begins (after any quotes) with {@code = + - @},
   *     a tab or a carriage return; otherwise {@code text} itself
   */
  public static String neutralise(String text) {
    return text != null && risky(text, 0) ? "'" + text : text;
  }

  /**
   * Whether {@code text} from {@code from} on is any number of quotes, then one of {@code = + - @},
   * a tab or a carriage return (the regex {@code '*[=+\-@\t\r]}), checked without a matcher:
   * export checks fifteen cells a case.
   */
  private static boolean risky(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * Undoes {@link #neutralise}.
   *
   * @param cell a cell as read, or null
   * @return the text {@link #neutralise} was given; any other cell unchanged
   */
  public static String restore(String cell) {
    return cell != null && cell.startsWith("'") && risky(cell, 1)
        ? cell.substring(1)
        : cell;
  }

  /**
   * Whether a cell carries the guard that {@link #neutralise} adds.
   *
   * @param cell a cell as read; not null
   * @return true when {@link #restore} would remove a leading {@code '}
   */
  public static boolean guarded(String cell) {
    return !cell.equals(restore(cell));
  }
}
