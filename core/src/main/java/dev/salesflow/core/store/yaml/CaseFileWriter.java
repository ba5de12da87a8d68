package dev.salesflow.core.store.yaml;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes case files: a whole new file at registration, and one appended event line afterwards
 * that leaves every byte before it as it was.
 */
public final class CaseFileWriter {
  /**
   * Strings written without quotes: starting with a letter and holding letters, digits, marks,
   * single inner spaces and punctuation that is no YAML indicator (full-width CJK punctuation
   * included), or a plain decimal number. Everything else is double-quoted. One character class
   * repeated, not an alternation in a repeated group: Java matches the latter recursively, which
   * overflowed the stack on a note of 2,000 characters. Double and trailing spaces are ruled out
   * in {@link #isPlain}.
   */
  private static final Pattern PLAIN = Pattern.compile(
      "[\\p{L}_][\\p{L}\\p{N}\\p{M}_.@/+\\-()、，。；：！？（）《》“”‘’…—· ]*|\\d{1,18}(\\.\\d{1,9})?");
  private static final Set<String> RESERVED_WORDS =
      Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "~");

  private CaseFileWriter() {}

  /** The whole file of a new case; its events follow the {@code events:} key, one line each. */
  public static String render(Case c) {
    StringBuilder out = new StringBuilder();
    line(out, "", "id", c.id());
    out.append("customer:\n");
    line(out, "  ", "company", c.customer().company());
    line(out, "  ", "industry", c.customer().industry());
    line(out, "  ", "size", c.customer().size());
    out.append("  contact:\n");
    line(out, "    ", "name", c.customer().contact().name());
    line(out, "    ", "title", c.customer().contact().title());
    line(out, "    ", "phone", c.customer().contact().phone());
    line(out, "    ", "email", c.customer().contact().email());
    line(out, "", "source", c.source());
    line(out, "", "priority", c.priority() == null ? null : c.priority().name());
    line(out, "", "owner", c.owner());
    if (c.registeredAt() != null) {
      out.append("registered_at: ").append(Timestamps.format(c.registeredAt())).append('\n');
    }
    line(out, "", "needs", c.need());
    out.append("events:\n");
    for (Event e : c.events()) {
      out.append(eventLine(e, "  "));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String indent, String key, String value) {
    if (value != null) {
      out.append(indent).append(key).append(": ").append(scalar(value)).append('\n');
    }
  }

  /** One event as a flow mapping on its own line: {@code <indent>- {at: ..., type: ...}}. */
  public static String eventLine(Event e, String indent) {
    StringBuilder s = new StringBuilder(indent).append("- {at: ").append(Timestamps.format(e.at()));
    s.append(", type: ").append(scalar(e.type()));
    if (e.by() != null) {
      s.append(", by: ").append(scalar(e.by()));
    }
    for (Map.Entry<String, String> f : e.fields().entrySet()) {
      s.append(", ").append(f.getKey()).append(": ").append(scalar(f.getValue()));
    }
    if (e.note() != null) {
      s.append(", note: ").append(scalar(e.note()));
    }
    return s.append("}\n").toString();
  }

  /** {@code value} as a YAML scalar that reads back as the same string, quoted when it must be. */
  public static String scalar(String value) {
    if (isPlain(value)) {
      return value;
    }
    StringBuilder q = new StringBuilder("\"");
    value.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          // control and line-separator characters, and those YAML does not allow raw (U+FFFE, U+FFFF)
          if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xfeff || cp == 0x2028 || cp == 0x2029
              || cp == 0xfffe || cp == 0xffff) {
            q.append(String.format("\\u%04x", cp));
          } else {
            q.appendCodePoint(cp);
          }
        }
      }
    });
    return q.append('"').toString();
  }

  private static boolean isPlain(String value) {
    return PLAIN.matcher(value).matches()
        && !value.endsWith(" ")
        && !value.contains("  ")
        && !RESERVED_WORDS.contains(value.toLowerCase(Locale.ROOT));
  }

  /**
   * The text of a case file with {@code event} added as the last item of its {@code events}
   * list. Bytes before the insertion point are kept; when {@code events} is the last key, the
   * change is a pure append.
   *
   * @param text the current file text
   * @param tree the parsed file, for the position of {@code events} and the key after it
   * @throws IllegalArgumentException when the events list is written in a form that cannot be
   *     extended line-wise (a non-empty flow list)
   */
  public static String appendEvent(String text, YamlNode.Mapping tree, Event event) {
    return appendEvents(text, tree, List.of(event));
  }

  /**
   * The text {@link #appendEvent} gives when called once for each of {@code events} in order,
   * computed in one pass (each call would otherwise need the file parsed again).
   */
  public static String appendEvents(String text, YamlNode.Mapping tree, List<Event> events) {
    return appendItems(text, tree, indent -> {
      StringBuilder items = new StringBuilder();
      for (Event e : events) {
        items.append(eventLine(e, indent));
      }
      return items.toString();
    });
  }

  /**
   * The text of a case file with the lines {@code items} gives for the list's indent (each ending
   * in a line feed, turned into CR LF in a CR LF file) inserted where {@link #appendEvent} puts a
   * new event; for a merge, whose conflict markers go where the events would have.
   */
  public static String appendItems(String text, YamlNode.Mapping tree, java.util.function.Function<String, String> items) {
    String lineEnd = otherLineEnd(text);
    if (lineEnd != null) {
      // CR-only (old Mac) or NEL line ends, which YAML reads as line breaks too: appended in the same
      // style; the lines are found by line feeds, so the text is worked on with those
      return appendItems(text.replace(lineEnd, "\n"), tree, items).replace("\n", lineEnd);
    }
    List<String> keys = new ArrayList<>(tree.entries().keySet());
    int eventsIndex = keys.indexOf("events");
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    String body = text.isEmpty() || text.endsWith("\n") ? text : text + newline;
    if (eventsIndex < 0) {
      String added = "events:\n" + items.apply("  ");
      return body + (body.contains("\r\n") ? added.replace("\n", "\r\n") : added);
    }
    YamlNode.Entry events = tree.entries().get("events");
    String indent = "  ";
    if (events.value() instanceof YamlNode.Sequence seq && !seq.items().isEmpty()) {
      int line = seq.position().line();
      String itemLine = lineAt(body, line);
      int dash = itemLine.indexOf('-');
      if (dash < 0 || !itemLine.substring(0, dash).isBlank()) {
        throw new IllegalArgumentException(
            "the 'events' list is written in flow style ([...]); write one '- {...}' item per line to record events");
      }
      indent = itemLine.substring(0, dash);
    } else {
      // "events: []" or "events: ~": drop the empty value so that the key opens a block list, the
      // only byte change (a block item after "[]" or "~" would not be YAML).
      int line = events.keyPosition().line();
      String keyLine = lineAt(body, line);
      int start = offsetOfLine(body, line);
      String rewritten = keyLine.replaceFirst(
          "^(\\s*events:)\\s*(\\[\\s*\\]|~|null|Null|NULL|\"\"|'')(?=\\s*(#.*)?$)", "$1");
      body = body.substring(0, start) + rewritten + body.substring(start + keyLine.length());
    }
    String item = items.apply(indent);
    if (body.contains("\r\n")) {
      item = item.replace("\n", "\r\n");
    }
    if (eventsIndex == keys.size() - 1) {
      int end = documentEnd(body);
      return body.substring(0, end) + item + body.substring(end);
    }
    // events is followed by other keys: insert after the last line that belongs to the list.
    int nextKeyLine = tree.entries().get(keys.get(eventsIndex + 1)).keyPosition().line();
    int insertLine = nextKeyLine;
    while (insertLine - 1 > events.keyPosition().line()) {
      String previous = lineAt(body, insertLine - 1).strip();
      if (!previous.isEmpty() && !previous.startsWith("#")) {
        break;
      }
      insertLine--;
    }
    int offset = offsetOfLine(body, insertLine);
    return body.substring(0, offset) + item + body.substring(offset);
  }

  /**
   * The line end of a file that has no line feed but breaks its lines with CR, NEL (U+0085) or a
   * Unicode line or paragraph separator; null for a file with line feeds (LF or CR LF).
   *
   * @throws IllegalArgumentException for a file mixing line feeds with such line ends, whose lines
   *     YAML and a line-wise append would count differently
   */
  private static String otherLineEnd(String text) {
    String found = null;
    for (String end : new String[] {"\r", "\u0085", "\u2028", "\u2029"}) {
      boolean used = end.equals("\r") ? text.replace("\r\n", "").contains("\r") : text.contains(end);
      if (used && found == null) {
        found = end;
      } else if (used) {
        found = "mixed";
      }
    }
    if (found == null) {
      return null;
    }
    if (found.equals("mixed") || text.contains("\n")) {
      throw new IllegalArgumentException("the file mixes line ends (LF, CR, NEL or U+2028/U+2029); give it one kind"
          + " of line end (LF or CR LF) to record events");
    }
    return found;
  }

  /**
   * Where appended lines go at the end of {@code body}: before a closing document-end marker
   * ({@code ...}) and the blank and comment lines after it, else at the end.
   */
  private static int documentEnd(String body) {
    int end = body.length();
    while (end > 0) {
      int start = body.lastIndexOf('\n', end - 2) + 1;
      String line = body.substring(start, end).strip();
      if (line.equals("...")) {
        return start;
      }
      if (!line.isEmpty() && !line.startsWith("#")) {
        return body.length();
      }
      end = start;
    }
    return body.length();
  }

  private static int offsetOfLine(String text, int line) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) {
        return text.length();
      }
      offset = nl + 1;
    }
    return offset;
  }

  private static String lineAt(String text, int line) {
    int start = offsetOfLine(text, line);
    int end = text.indexOf('\n', start);
    String l = text.substring(start, end < 0 ? text.length() : end);
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }
}
