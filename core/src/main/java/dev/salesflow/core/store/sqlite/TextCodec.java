package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.api.Timestamps;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The text forms the database holds, written without the general formatters: a migration writes
 * millions of them. Each gives exactly what {@link Timestamps#format} and Jackson's default
 * {@code ObjectMapper} give for the same value (a test checks both).
 */
final class TextCodec {
  private TextCodec() {}

  /** {@code 2026-11-03T14:00:00+08:00}, as {@link Timestamps#format}. */
  static String time(OffsetDateTime at) {
    int year = at.getYear();
    int offset = at.getOffset().getTotalSeconds();
    if (year < 1 || year > 9999 || at.getNano() != 0 || offset % 60 != 0) {
      return Timestamps.format(at);
    }
    char[] t = new char[offset == 0 ? 20 : 25];
    put(t, 0, year, 4);
    t[4] = '-';
    put(t, 5, at.getMonthValue(), 2);
    t[7] = '-';
    put(t, 8, at.getDayOfMonth(), 2);
    t[10] = 'T';
    put(t, 11, at.getHour(), 2);
    t[13] = ':';
    put(t, 14, at.getMinute(), 2);
    t[16] = ':';
    put(t, 17, at.getSecond(), 2);
    if (offset == 0) {
      t[19] = 'Z';
    } else {
      int minutes = Math.abs(offset) / 60;
      t[19] = offset < 0 ? '-' : '+';
      put(t, 20, minutes / 60, 2);
      t[22] = ':';
      put(t, 23, minutes % 60, 2);
    }
    return new String(t);
  }

  private static void put(char[] t, int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      t[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** A JSON object of string values in map order, escaped as Jackson escapes them. */
  static String json(Map<String, String> fields) {
    if (fields.isEmpty()) {
      return "{}";
    }
    StringBuilder s = new StringBuilder(16 * fields.size() + 2).append('{');
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (s.length() > 1) {
        s.append(',');
      }
      string(s, field.getKey()).append(':');
      string(s, field.getValue());
    }
    return s.append('}').toString();
  }

  private static StringBuilder string(StringBuilder s, String value) {
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '\b' -> s.append("\\b");
        case '\f' -> s.append("\\f");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04X", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"');
  }
}
