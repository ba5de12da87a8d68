package dev.salesflow.core.store.postgres;

import java.util.Arrays;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}, encoded as UTF-8 straight into
 * one growing byte array: fields separated by a tab, rows ended by a newline, {@code \N} for NULL,
 * and a backslash, newline, carriage return or tab in a value written as {@code \\}, {@code \n},
 * {@code \r}, {@code \t}. What PostgreSQL's {@code text} cannot hold is refused, naming the row and
 * the field: a NUL character, and half of a UTF-16 surrogate pair (no character at all).
 */
final class CopyText {
  private byte[] bytes;
  private int length;
  private boolean inRow;
  /** Which row is being written, for a refusal: a case, and its event or clock (or neither). */
  private String caseId = "";
  private String part = "";
  private Object partName;

  CopyText(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  /**
   * Names the rows written from now on in a refusal: {@code case ID}, followed by {@code PART NAME}
   * when {@code part} is not empty (e.g. {@code event 3}, {@code clock first-contact}).
   */
  CopyText rowsOf(String caseId, String part, Object name) {
    this.caseId = caseId;
    this.part = part;
    this.partName = name;
    return this;
  }

  /** A text field, or NULL; {@code name} says which in a refusal. */
  CopyText text(String name, String value) {
    separate();
    if (value == null) {
      bytes[length++] = '\\';
      bytes[length++] = 'N';
      return this;
    }
    int n = value.length();
    ensure(3 * n); // at most three bytes a char: a BMP char in UTF-8, or an escape; a pair makes four of two
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        switch (c) {
          case '\\' -> {
            b[at++] = '\\';
            b[at++] = '\\';
          }
          case '\n' -> {
            b[at++] = '\\';
            b[at++] = 'n';
          }
          case '\r' -> {
            b[at++] = '\\';
            b[at++] = 'r';
          }
          case '\t' -> {
            b[at++] = '\\';
            b[at++] = 't';
          }
          case '\0' -> throw refusal(name, "a NUL character (U+0000), which PostgreSQL text cannot hold");
          default -> b[at++] = (byte) c;
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        char low = i + 1 < n ? value.charAt(i + 1) : 0;
        if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
          throw refusal(name, String.format("half a UTF-16 surrogate pair (U+%04X) at character %d, which is no character", (int) c, i + 1));
        }
        int cp = Character.toCodePoint(c, low);
        i++;
        b[at++] = (byte) (0xF0 | cp >> 18);
        b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | cp & 0x3F);
      } else {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    length = at;
    return this;
  }

  /** A whole-number field. */
  CopyText number(long value) {
    separate();
    ensure(20);
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return ascii(Long.toString(value));
      }
      bytes[length++] = '-';
      value = -value;
    }
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
    return this;
  }

  private CopyText ascii(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      bytes[length++] = (byte) digits.charAt(i);
    }
    return this;
  }

  /** Ends the row. */
  void end() {
    ensure(0);
    bytes[length++] = '\n';
    inRow = false;
  }

  boolean isEmpty() {
    return length == 0;
  }

  byte[] array() {
    return bytes;
  }

  int length() {
    return length;
  }

  private void separate() {
    ensure(2); // the tab, or what stands for NULL
    if (inRow) {
      bytes[length++] = '\t';
    }
    inRow = true;
  }

  /** Room for {@code more} bytes and the two a tab or a row end may add. */
  private void ensure(int more) {
    long need = (long) length + more + 3;
    if (need > bytes.length) {
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("a COPY batch over 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
    }
  }

  private IllegalArgumentException refusal(String name, String what) {
    String row = "case " + caseId + (part.isEmpty() ? "" : " " + part + " " + partName);
    return new IllegalArgumentException(row + ": " + name + " holds " + what);
  }
}
