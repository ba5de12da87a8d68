package dev.salesflow.core.store.sqlite;

import java.util.Map;

/**
 * Event fields as the JSON text the database holds, written without Jackson: a migration writes
 * millions of them. It gives exactly what Jackson's default {@code ObjectMapper} gives (a property
 * test checks it).
 */
public final class TextCodec {
  private TextCodec() {}

  /** A JSON object of string values in map order, escaped as Jackson escapes them. */
  public static String json(Map<String, String> fields) {
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
