package dev.salesflow.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The characters that must not reach a terminal as themselves, nor stand in a name: control
 * characters (C0, DEL, C1: an escape sequence recolours or clears a screen, retitles a window),
 * bidirectional overrides and isolates (they reorder what a table shows, so {@code ACME-1} can
 * look like another id), zero-width characters (two names that look alike but differ) and the
 * Unicode line and paragraph separators. The one list of them: input checks refuse them in
 * single-line fields, and the CLI's renderers show them as visible escapes.
 */
public final class TextCharacters {
  private TextCharacters() {}

  /**
   * Whether {@code cp} is a character a terminal would act on or that hides itself.
   *
   * @param cp a code point
   * @return true for C0 and C1 controls, DEL, bidi controls, zero-width characters, U+2028 and U+2029
   */
  public static boolean isHidden(int cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return true;
    }
    if (cp < 0x61C) {
      return false;
    }
    return cp == 0x061C // Arabic letter mark
        || (cp >= 0x200B && cp <= 0x200F) // zero-width space, non-joiner, joiner; LRM, RLM
        || (cp >= 0x2028 && cp <= 0x202E) // line and paragraph separators; embeddings and overrides
        || (cp >= 0x2060 && cp <= 0x2069) // word joiner, invisible operators; isolates
        || cp == 0xFEFF; // zero-width no-break space (a byte-order mark inside text)
  }

  /**
   * Whether {@code text} holds any {@linkplain #isHidden hidden} character, tab and line breaks (line
   * feed, carriage return) excepted when {@code multiLine}.
   *
   * @param text some text, or null
   * @param multiLine whether tab and line breaks are allowed (a free-text note)
   * @return the first such character, or empty when there is none
   */
  public static Optional<Integer> firstHidden(String text, boolean multiLine) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isHidden(cp) && !(multiLine && (cp == '\t' || cp == '\n' || cp == '\r'))) {
        return Optional.of(cp);
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  /**
   * Why {@code text} cannot be the value of field {@code name}, if it holds a hidden character.
   *
   * @param name the field's name for the message, e.g. {@code customer.company} or {@code --owner}
   * @param text the value, or null
   * @param multiLine whether tab and line breaks are allowed
   * @return e.g. {@code customer.company contains a control character (U+001B), which is not allowed}; empty when fine
   */
  public static Optional<String> problem(String name, String text, boolean multiLine) {
    return firstHidden(text, multiLine).map(cp -> name + " contains " + kind(cp) + " (" + codePoint(cp)
        + "), which is not allowed" + (multiLine ? "" : " in a one-line field"));
  }

  /**
   * A hidden character's name in a message: {@code U+001B}.
   *
   * @param cp a code point
   * @return {@code U+} and at least four upper-case hex digits
   */
  public static String codePoint(int cp) {
    return "U+" + String.format(Locale.ROOT, "%04X", cp);
  }

  private static String kind(int cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return "a control character";
    }
    if (cp == 0x2028 || cp == 0x2029) {
      return "a line separator";
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
      return "a bidirectional-text control";
    }
    return "a zero-width character";
  }
}
