package dev.salesflow.core.merge;

import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.store.yaml.CaseFile;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import dev.salesflow.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Line and value edits of a case file's text that leave every other byte as it was: taking a
 * side's appended events out, and putting another value in place of a registration field's.
 */
final class CaseText {
  private CaseText() {}

  /** The offset where 1-based {@code line} starts (the text's length past its end). */
  static int offsetOfLine(String text, int line) {
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

  /** Line {@code line} without its line break, CR LF included. */
  static String lineAt(String text, int line) {
    int start = offsetOfLine(text, line);
    int end = text.indexOf('\n', start);
    String l = text.substring(start, end < 0 ? text.length() : end);
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }

  /** Line {@code line} with its line break. */
  static String rawLineAt(String text, int line) {
    int start = offsetOfLine(text, line);
    return text.substring(start, offsetOfLine(text, line + 1));
  }

  /** The number of lines; a final line break ends the last line rather than opening another. */
  static int lineCount(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return text.isEmpty() || text.endsWith("\n") ? lines : lines + 1;
  }

  /**
   * {@code text} without the events from {@code first} on: the lines from that event's to the end
   * of the events list (the end of the file, or the last line before the next key that is neither
   * blank nor a comment); the text itself when there are no such events.
   */
  static String withoutEventsFrom(String text, CaseFile file, int first) {
    if (first >= file.value().events().size()) {
      return text;
    }
    int from = file.eventPosition(first).line();
    List<String> keys = new ArrayList<>(file.tree().entries().keySet());
    int eventsIndex = keys.indexOf("events");
    int to;
    if (eventsIndex == keys.size() - 1) {
      to = lineCount(text);
    } else {
      to = file.tree().entries().get(keys.get(eventsIndex + 1)).keyPosition().line() - 1;
      while (to > from && (lineAt(text, to).isBlank() || lineAt(text, to).strip().startsWith("#"))) {
        to--;
      }
    }
    return text.substring(0, offsetOfLine(text, from)) + text.substring(offsetOfLine(text, to + 1));
  }

  /**
   * {@code text} with each field's value replaced by the given one, written as the store writes
   * values; null when a field is not a single-line value in {@code text} (absent, empty, or a
   * multi-line string) or a new value is null. The caller reads the result back to confirm it.
   */
  static String withValues(String text, YamlNode.Mapping tree, Map<HeaderField, String> values) {
    record Span(int start, int end, String replacement) {}
    List<Span> spans = new ArrayList<>();
    for (Map.Entry<HeaderField, String> v : values.entrySet()) {
      YamlNode.Mapping parent = tree;
      List<String> path = v.getKey().path;
      for (String key : path.subList(0, path.size() - 1)) {
        YamlNode.Entry e = parent.entries().get(key);
        if (e == null || !(e.value() instanceof YamlNode.Mapping m)) {
          return null;
        }
        parent = m;
      }
      YamlNode.Entry entry = parent.entries().get(path.get(path.size() - 1));
      if (v.getValue() == null || entry == null || !(entry.value() instanceof YamlNode.Scalar s) || s.text() == null) {
        return null;
      }
      int start = offsetOf(text, s.position());
      int end = scalarEnd(text, start, isFlow(text, parent));
      if (end < 0) {
        return null;
      }
      spans.add(new Span(start, end, CaseFileWriter.scalar(v.getValue())));
    }
    spans.sort(Comparator.comparingInt(Span::start).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Span span : spans) {
      out.replace(span.start(), span.end(), span.replacement());
    }
    return out.toString();
  }

  private static int offsetOf(String text, SourcePosition at) {
    int lineStart = offsetOfLine(text, at.line());
    return text.offsetByCodePoints(lineStart, at.column() - 1);
  }

  private static boolean isFlow(String text, YamlNode.Mapping m) {
    int at = offsetOf(text, m.position());
    return at < text.length() && text.charAt(at) == '{';
  }

  /**
   * Where the scalar starting at {@code start} ends on its line; -1 for a quoted one that goes on
   * to the next (a plain one continued on the next line is caught when the result is read back).
   */
  private static int scalarEnd(String text, int start, boolean flow) {
    char first = text.charAt(start);
    if (first == '"' || first == '\'') {
      for (int i = start + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          return -1;
        } else if (first == '"' && c == '\\') {
          i++;
        } else if (c == first) {
          if (first == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++;
          } else {
            return i + 1;
          }
        }
      }
      return -1;
    }
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || (flow && (c == ',' || c == '}' || c == ']')) || (c == '#' && Character.isWhitespace(text.charAt(i - 1)))) {
        break;
      }
      i++;
    }
    int end = i;
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
