package dev.salesflow.core.yaml;

import dev.salesflow.core.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fast reader for the plain subset of YAML that salesflow writes: block mappings of simple
 * keys, scalars (plain, single- or double-quoted), flow mappings on one line and block sequences of
 * them, full-line comments. It builds exactly the tree {@link YamlTreeReader} would, and gives up
 * (returns null) on anything outside that subset, which the full parser then reads and judges.
 * Case files are read by the hundred thousand; this is several times faster than a general parser.
 */
final class PlainYamlReader {
  private final String text;
  private int[] starts = new int[64]; // of each content line
  private int[] ends = new int[64];
  private int[] indents = new int[64];
  private int[] numbers = new int[64]; // 1-based line number of each
  private int count;
  private int next;
  /** Where the scalar or flow mapping just read ended (its caller's cursor on the line). */
  private int pos;

  private PlainYamlReader(String text) {
    this.text = text;
  }

  /** The tree of {@code text}, or null when it is not in the plain subset. */
  static YamlNode.Mapping tryRead(String text) {
    try {
      return new PlainYamlReader(text).document();
    } catch (GiveUp e) {
      return null;
    }
  }

  /** Outside the subset; the full parser takes over. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private YamlNode.Mapping document() {
    if (text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
      throw GiveUp.INSTANCE;
    }
    int start = 0;
    int number = 1;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int first = start;
      while (first < end && text.charAt(first) == ' ') {
        first++;
      }
      if (first < end && text.charAt(first) != '#') {
        if (text.startsWith("---", start) || text.startsWith("...", start) || text.charAt(first) == '%') {
          throw GiveUp.INSTANCE;
        }
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, count * 2);
          ends = java.util.Arrays.copyOf(ends, count * 2);
          indents = java.util.Arrays.copyOf(indents, count * 2);
          numbers = java.util.Arrays.copyOf(numbers, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        indents[count] = first - start;
        numbers[count] = number;
        count++;
      }
      start = end + 1;
      number++;
    }
    if (count == 0 || indent(0) != 0) {
      throw GiveUp.INSTANCE;
    }
    YamlNode.Mapping root = blockMapping(0, 1);
    if (next != count) {
      throw GiveUp.INSTANCE;
    }
    return root;
  }

  private int indent(int line) {
    return indents[line];
  }

  /** Columns count code points; the subset holds no surrogates, so a char is a code point. */
  private SourcePosition at(int line, int offset) {
    return new SourcePosition(numbers[line], offset - starts[line] + 1);
  }

  private YamlNode.Mapping blockMapping(int indent, int depth) {
    if (depth > YamlTreeReader.MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
    Map<String, YamlNode.Entry> entries = new YamlNode.Owned();
    SourcePosition position = null;
    while (next < count && indent(next) == indent) {
      int line = next++;
      int lineEnd = ends[line];
      int keyStart = starts[line] + indent;
      int colon = keyEnd(keyStart, lineEnd);
      if (colon >= lineEnd || text.charAt(colon) != ':') {
        throw GiveUp.INSTANCE;
      }
      String key = text.substring(keyStart, colon);
      SourcePosition keyAt = at(line, keyStart);
      if (position == null) {
        position = keyAt;
      }
      if (entries.containsKey(key)) {
        throw GiveUp.INSTANCE;
      }
      int valueStart = colon + 1;
      YamlNode value;
      if (valueStart < lineEnd && text.charAt(valueStart) != ' ') {
        throw GiveUp.INSTANCE;
      }
      while (valueStart < lineEnd && text.charAt(valueStart) == ' ') {
        valueStart++;
      }
      if (valueStart < lineEnd) {
        value = inlineValue(line, valueStart, lineEnd);
      } else if (next < count && isSequenceItem(next) && indent(next) >= indent) {
        value = blockSequence(indent(next), depth + 1);
      } else if (next < count && indent(next) > indent) {
        value = blockMapping(indent(next), depth + 1);
      } else {
        value = new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at(line, colon + 1));
      }
      entries.put(key, new YamlNode.Entry(key, keyAt, value));
    }
    if (next < count && indent(next) > indent) {
      throw GiveUp.INSTANCE;
    }
    return new YamlNode.Mapping(entries, position);
  }

  private boolean isSequenceItem(int line) {
    int i = starts[line] + indents[line];
    return i + 1 < ends[line] && text.charAt(i) == '-' && text.charAt(i + 1) == ' ';
  }

  private YamlNode.Sequence blockSequence(int indent, int depth) {
    List<YamlNode> items = new ArrayList<>();
    SourcePosition position = null;
    while (next < count && indent(next) == indent && isSequenceItem(next)) {
      int line = next++;
      int dash = starts[line] + indent;
      if (position == null) {
        position = at(line, dash);
      }
      int start = skipSpaces(dash + 1, ends[line]);
      if (start >= ends[line] || text.charAt(start) != '{') {
        throw GiveUp.INSTANCE;
      }
      items.add(inlineValue(line, start, ends[line]));
    }
    return new YamlNode.Sequence(items, position);
  }

  /** A value that ends its line: a flow mapping, {@code []}, or a scalar. */
  private YamlNode inlineValue(int line, int start, int end) {
    char c = text.charAt(start);
    pos = start;
    YamlNode value;
    if (c == '{') {
      value = flowMapping(line, end);
    } else if (c == '[') {
      int close = skipSpaces(start + 1, end);
      if (close >= end || text.charAt(close) != ']') {
        throw GiveUp.INSTANCE;
      }
      pos = close + 1;
      value = new YamlNode.Sequence(List.of(), at(line, start));
    } else {
      value = scalar(line, end, false);
    }
    if (skipSpaces(pos, end) != end) {
      throw GiveUp.INSTANCE;
    }
    return value;
  }

  private YamlNode.Mapping flowMapping(int line, int end) {
    SourcePosition position = at(line, pos);
    Map<String, YamlNode.Entry> entries = new YamlNode.Owned();
    int i = skipSpaces(pos + 1, end);
    if (i < end && text.charAt(i) == '}') {
      pos = i + 1;
      return new YamlNode.Mapping(entries, position);
    }
    while (true) {
      int colon = keyEnd(i, end);
      if (colon >= end || text.charAt(colon) != ':' || colon + 1 >= end || text.charAt(colon + 1) != ' ') {
        throw GiveUp.INSTANCE;
      }
      String key = text.substring(i, colon);
      if (entries.containsKey(key)) {
        throw GiveUp.INSTANCE;
      }
      SourcePosition keyAt = at(line, i);
      pos = skipSpaces(colon + 1, end);
      if (pos >= end) {
        throw GiveUp.INSTANCE;
      }
      YamlNode value = scalar(line, end, true);
      entries.put(key, new YamlNode.Entry(key, keyAt, value));
      i = skipSpaces(pos, end);
      if (i >= end) {
        throw GiveUp.INSTANCE;
      }
      if (text.charAt(i) == '}') {
        pos = i + 1;
        return new YamlNode.Mapping(entries, position);
      }
      if (text.charAt(i) != ',') {
        throw GiveUp.INSTANCE;
      }
      i = skipSpaces(i + 1, end);
    }
  }

  /** The end of a simple key ({@code [A-Za-z_][A-Za-z0-9_]*}) starting at {@code i}. */
  private int keyEnd(int i, int end) {
    int j = i;
    while (j < end) {
      char c = text.charAt(j);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (j > i && c >= '0' && c <= '9');
      if (!ok) {
        break;
      }
      j++;
    }
    if (j == i) {
      throw GiveUp.INSTANCE;
    }
    return j;
  }

  private int skipSpaces(int i, int end) {
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private YamlNode.Scalar scalar(int line, int end, boolean inFlow) {
    int start = pos;
    SourcePosition position = at(line, start);
    char c = text.charAt(start);
    if (c == '"') {
      StringBuilder value = new StringBuilder();
      int i = start + 1;
      while (i < end && text.charAt(i) != '"') {
        char ch = text.charAt(i);
        if (ch == '\\') {
          if (i + 1 >= end) {
            throw GiveUp.INSTANCE;
          }
          char e = text.charAt(i + 1);
          switch (e) {
            case '"', '\\', '/' -> value.append(e);
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'u' -> {
              if (i + 6 > end) {
                throw GiveUp.INSTANCE;
              }
              try {
                value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
              } catch (NumberFormatException bad) {
                throw GiveUp.INSTANCE;
              }
              i += 4;
            }
            default -> throw GiveUp.INSTANCE;
          }
          i += 2;
        } else {
          if (!contentChar(ch)) {
            throw GiveUp.INSTANCE;
          }
          value.append(ch);
          i++;
        }
      }
      if (i >= end) {
        throw GiveUp.INSTANCE;
      }
      pos = i + 1;
      return new YamlNode.Scalar(value.toString(), YamlNode.ScalarType.STRING, position);
    }
    if (c == '\'') {
      StringBuilder value = new StringBuilder();
      int i = start + 1;
      while (true) {
        if (i >= end) {
          throw GiveUp.INSTANCE;
        }
        char ch = text.charAt(i);
        if (ch == '\'') {
          if (i + 1 < end && text.charAt(i + 1) == '\'') {
            value.append('\'');
            i += 2;
            continue;
          }
          break;
        }
        if (!contentChar(ch)) {
          throw GiveUp.INSTANCE;
        }
        value.append(ch);
        i++;
      }
      pos = i + 1;
      return new YamlNode.Scalar(value.toString(), YamlNode.ScalarType.STRING, position);
    }
    int i = start;
    int lastNonSpace = start;
    while (i < end) {
      char ch = text.charAt(i);
      if (inFlow && (ch == ',' || ch == '}')) {
        break;
      }
      if (!plainChar(ch, i == start)) {
        throw GiveUp.INSTANCE;
      }
      if (ch == ':' && (i + 1 >= end || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == ',' || text.charAt(i + 1) == '}')) {
        throw GiveUp.INSTANCE;
      }
      if (ch == ' ' && i + 1 < end && text.charAt(i + 1) == '#') {
        throw GiveUp.INSTANCE;
      }
      if (ch != ' ') {
        lastNonSpace = i + 1;
      }
      i++;
    }
    if (lastNonSpace == start) {
      throw GiveUp.INSTANCE;
    }
    pos = lastNonSpace;
    return YamlTreeReader.resolvePlain(text.substring(start, lastNonSpace), position);
  }

  /**
   * Printable characters that YAML reads as themselves everywhere; line separators, controls,
   * non-characters and surrogates (emoji) are left to the full parser.
   */
  private static boolean contentChar(char c) {
    if (c < 0x80) {
      return c >= 0x20 && c != 0x7F;
    }
    return !Character.isISOControl(c) && c != '\uFEFF' && c != '\uFFFE' && c != '\uFFFF'
        && !Character.isSurrogate(c) && c != '\u2028' && c != '\u2029';
  }

  /** Characters a plain scalar may hold here; indicators that start other YAML constructs may not. */
  private static boolean plainChar(char c, boolean first) {
    if (c >= 0x80) {
      return contentChar(c);
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      return true;
    }
    if (first) {
      return c == '(' || c == '.' || c == '/';
    }
    return c == '.' || c == '@' || c == '/' || c == '+' || c == '-' || c == '(' || c == ')' || c == ' ' || c == ':';
  }
}
