package dev.salesflow.cli.output;

import dev.salesflow.core.model.TextCharacters;

/**
 * Text as a terminal may show it: every {@linkplain TextCharacters#isHidden hidden} character (an
 * escape sequence from a hostile case file or lead list, a bidi override, a zero-width space)
 * written as a visible escape, {@code \e} for ESC, {@code \x07} for BEL, {@code \u202E} for an
 * override. Tab and line feed stay, and so does everything else. The one rule every text output
 * goes through ({@link TerminalWriter} applies it to stdout and stderr).
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * {@code text} with its hidden characters escaped.
   *
   * @param text some text, or null
   * @return the text (the same instance when nothing needed escaping), or null
   */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      append(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Whether {@code c} is written as an escape (every hidden character is in the BMP). */
  static boolean needsEscape(char c) {
    return c != '\t' && c != '\n' && TextCharacters.isHidden(c);
  }

  /** Appends {@code c}, escaped when it needs it. */
  static void append(StringBuilder out, char c) {
    if (!needsEscape(c)) {
      out.append(c);
    } else if (c == 0x1B) {
      out.append("\\e");
    } else if (c < 0x100) {
      out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
    } else {
      out.append("\\u").append(String.format(java.util.Locale.ROOT, "%04X", (int) c));
    }
  }
}
