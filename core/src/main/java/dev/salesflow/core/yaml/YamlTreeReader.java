package dev.salesflow.core.yaml;

import dev.salesflow.core.model.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions, in one pass over
 * SnakeYAML's event stream (no object construction ever happens). It is deliberately strict:
 * anchors, aliases, explicit tags and duplicate keys are refused rather than expanded, kept last or
 * turned into objects, so a case file means exactly what it shows.
 */
public final class YamlTreeReader {
  /** Deepest nesting accepted; real case files need four or five levels. */
  public static final int MAX_DEPTH = 64;

  /** Longest document accepted, in code points. */
  public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

  /** Largest file accepted, in bytes (16 MiB), checked before its text is decoded or parsed. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /**
   * Longest line accepted, in UTF-16 chars (64 Ki). The longest line salesflow writes is one event
   * with its note; a longer one is refused before it is written, so every file it writes reads back.
   */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  private static final Set<String> NULL = Set.of("~", "null", "Null", "NULL");
  private static final Set<String> BOOLEAN = Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF");


  private YamlTreeReader() {}

  /**
   * Decodes UTF-8 strictly (a BOM is skipped); bad bytes, NUL characters, a file over
   * {@link #MAX_FILE_BYTES} and lines over {@link #MAX_LINE_CHARS} are reported at their line and
   * column.
   */
  public static String decodeUtf8(byte[] bytes) throws YamlSyntaxException {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new YamlSyntaxException("too-large", tooLarge(bytes.length), SourcePosition.START);
    }
    String text = decode(bytes);
    refuseLongLines(text);
    return text;
  }

  /** Why a file of {@code size} bytes is refused. */
  public static String tooLarge(long size) {
    return String.format("file is %,d bytes; salesflow reads files of at most %,d bytes (16 MiB)", size, MAX_FILE_BYTES);
  }

  /** Refuses a line longer than {@link #MAX_LINE_CHARS}, at the column where it goes over. */
  public static void refuseLongLines(String text) throws YamlSyntaxException {
    int line = 1;
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int end = text.indexOf('\n', lineStart);
      int lineEnd = end < 0 ? text.length() : end;
      if (lineEnd - lineStart > MAX_LINE_CHARS) {
        throw new YamlSyntaxException("too-large", String.format(
            "line %d is %,d characters long; salesflow reads lines of at most %,d", line, lineEnd - lineStart, MAX_LINE_CHARS),
            new SourcePosition(line, text.codePointCount(lineStart, lineStart + MAX_LINE_CHARS) + 1));
      }
      if (end < 0) {
        return;
      }
      line++;
      lineStart = end + 1;
    }
  }

  private static String decode(byte[] bytes) throws YamlSyntaxException {
    String utf16 = utf16Or32(bytes);
    if (utf16 != null) {
      throw new YamlSyntaxException("invalid-encoding", "the file is " + utf16
          + " (its byte-order mark says so); files must be UTF-8: convert it, e.g. iconv -f " + utf16 + " -t UTF-8",
          SourcePosition.START);
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    // The JDK's own decoding is the fast path; it turns bad bytes into U+FFFD, and only then (or
    // for a file that holds U+FFFD itself) the strict decoder runs to tell where.
    String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      int nul = fast.indexOf('\0');
      if (nul >= 0) {
        throw new YamlSyntaxException("invalid-encoding", "NUL character in file", positionOf(fast, nul));
      }
      return fast;
    }
    return decodeStrictly(bytes, start);
  }

  /** The encoding a UTF-16 or UTF-32 byte-order mark names, or null. */
  private static String utf16Or32(byte[] b) {
    if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
      return "UTF-32BE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return "UTF-16LE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return "UTF-16BE";
    }
    return null;
  }

  private static String decodeStrictly(byte[] bytes, int start) throws YamlSyntaxException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        throw new YamlSyntaxException("invalid-encoding", "NUL character in file", positionOf(text, nul));
      }
      return text;
    } catch (MalformedInputException e) {
      int bad = findBadByte(bytes, start);
      String before = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
      throw new YamlSyntaxException(
          "invalid-encoding",
          String.format("invalid UTF-8 byte 0x%02X (files must be UTF-8)", bytes[bad] & 0xff),
          positionOf(before, before.length()));
    } catch (CharacterCodingException e) {
      throw new YamlSyntaxException("invalid-encoding", "file is not valid UTF-8", SourcePosition.START);
    }
  }

  /** {@link #decodeUtf8} for configuration files: problems become a located diagnostic. */
  public static String decodeUtf8OrThrow(byte[] bytes, java.nio.file.Path file) {
    try {
      return decodeUtf8(bytes);
    } catch (YamlSyntaxException e) {
      throw new dev.salesflow.core.model.DiagnosticsException(
          dev.salesflow.core.model.DiagnosticsException.Kind.CONFIGURATION,
          List.of(dev.salesflow.core.model.Diagnostic.error(
              dev.salesflow.core.model.DiagnosticCode.ofSlug(e.code()), file, e.position(), e.getMessage())));
    }
  }

  private static int findBadByte(byte[] bytes, int start) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  private static SourcePosition positionOf(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // columns count code points, as SnakeYAML's do for every other diagnostic
    return new SourcePosition(line, text.codePointCount(lineStart, index) + 1);
  }

  /** Parses {@code text}, which must hold exactly one document whose root is a mapping. */
  public static YamlNode.Mapping readMapping(String text) throws YamlSyntaxException {
    YamlNode root = read(text);
    if (root instanceof YamlNode.Mapping mapping) {
      return mapping;
    }
    throw new YamlSyntaxException(
        "wrong-type", "expected a mapping at the top of the file, found " + root.kind(), root.position());
  }

  /** Parses {@code text}, which must hold exactly one document. An empty text is an empty mapping. */
  public static YamlNode read(String text) throws YamlSyntaxException {
    YamlNode plain = PlainYamlReader.tryRead(text);
    if (plain != null) {
      return plain;
    }
    return readFully(text);
  }

  /** {@link #read} with the general parser only (the plain fast path is checked against it). */
  static YamlNode readFully(String text) throws YamlSyntaxException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    Parser parser = new ParserImpl(new StreamReader(text), options);
    try {
      parser.getEvent(); // stream start
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new YamlNode.Mapping(Map.of(), SourcePosition.START);
      }
      parser.getEvent(); // document start
      if (parser.checkEvent(Event.ID.DocumentEnd)) {
        return new YamlNode.Mapping(Map.of(), SourcePosition.START);
      }
      YamlNode root = readNode(parser, parser.getEvent(), 1);
      parser.getEvent(); // document end
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        throw new YamlSyntaxException("yaml-syntax", "more than one YAML document in the file", position(parser.peekEvent().getStartMark()));
      }
      return root;
    } catch (MarkedYAMLException e) {
      String problem = e.getProblem() == null ? "" : e.getProblem();
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new YamlSyntaxException("yaml-syntax", firstLine(context + problem), position(mark));
    } catch (ReaderException e) {
      // a character YAML does not allow (a control character): placed where it stands, not at 1:1
      int index = text.offsetByCodePoints(0, Math.min(e.getPosition(), text.codePointCount(0, text.length())));
      throw new YamlSyntaxException("yaml-syntax",
          String.format("character U+%04X is not allowed in YAML", e.getCodePoint()), positionOf(text, index));
    } catch (YAMLException e) {
      throw new YamlSyntaxException("yaml-syntax", firstLine(e.getMessage()), SourcePosition.START);
    }
  }

  private static YamlNode readNode(Parser parser, Event event, int depth) throws YamlSyntaxException {
    SourcePosition at = position(event.getStartMark());
    if (depth > MAX_DEPTH) {
      throw new YamlSyntaxException("yaml-syntax", "nesting deeper than " + MAX_DEPTH + " levels", at);
    }
    if (event instanceof AliasEvent alias) {
      throw new YamlSyntaxException(
          "alias", "YAML aliases (*" + alias.getAnchor() + ") are not allowed in salesflow files", at);
    }
    if (event instanceof NodeEvent node && node.getAnchor() != null) {
      throw new YamlSyntaxException(
          "alias", "YAML anchors (&" + node.getAnchor() + ") are not allowed in salesflow files", at);
    }
    String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
        : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
    if (tag != null && !tag.equals("!") && !tag.equals("tag:yaml.org,2002:str")) {
      throw new YamlSyntaxException("tag", "YAML tags (" + tag + ") are not allowed in salesflow files", at);
    }
    if (event instanceof ScalarEvent scalar) {
      return scalar(scalar, at);
    }
    if (event.is(Event.ID.MappingStart)) {
      Map<String, YamlNode.Entry> entries = new YamlNode.Owned();
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        Event keyEvent = parser.getEvent();
        SourcePosition keyAt = position(keyEvent.getStartMark());
        if (!(keyEvent instanceof ScalarEvent keyScalar)) {
          throw new YamlSyntaxException("yaml-syntax", "mapping keys must be plain values", keyAt);
        }
        YamlNode key = readNode(parser, keyEvent, depth + 1);
        String name = ((YamlNode.Scalar) key).text() == null ? keyScalar.getValue() : ((YamlNode.Scalar) key).text();
        if (entries.containsKey(name)) {
          throw new YamlSyntaxException("duplicate-key", "duplicate key '" + name + "'", keyAt);
        }
        entries.put(name, new YamlNode.Entry(name, keyAt, readNode(parser, parser.getEvent(), depth + 1)));
      }
      parser.getEvent();
      return new YamlNode.Mapping(entries, at);
    }
    if (event.is(Event.ID.SequenceStart)) {
      List<YamlNode> items = new ArrayList<>();
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        items.add(readNode(parser, parser.getEvent(), depth + 1));
      }
      parser.getEvent();
      return new YamlNode.Sequence(items, at);
    }
    throw new YamlSyntaxException("yaml-syntax", "unexpected YAML content: " + event.getEventId(), at);
  }

  /** Resolves a scalar as YAML's core schema would, keeping its text as written. */
  private static YamlNode.Scalar scalar(ScalarEvent scalar, SourcePosition at) {
    String value = scalar.getValue();
    if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN || scalar.getTag() != null) {
      return new YamlNode.Scalar(value, YamlNode.ScalarType.STRING, at);
    }
    return resolvePlain(value, at);
  }

  /** A plain (unquoted) scalar: null, boolean, number or string, as YAML 1.1 resolves it. */
  static YamlNode.Scalar resolvePlain(String value, SourcePosition at) {
    if (value.isEmpty()) {
      return new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at);
    }
    char first = value.charAt(0);
    // Most scalars are words or timestamps: rule out null, booleans and numbers by their first
    // character before any pattern runs.
    boolean maybeWord = value.length() <= 5 && "~nNyYtTfFoO".indexOf(first) >= 0;
    boolean maybeNumber = Character.isDigit(first) || first == '-' || first == '+' || first == '.';
    if (!maybeWord && !maybeNumber) {
      return new YamlNode.Scalar(value, YamlNode.ScalarType.STRING, at);
    }
    if (maybeWord && NULL.contains(value)) {
      return new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at);
    }
    if (maybeWord && BOOLEAN.contains(value)) {
      return new YamlNode.Scalar(value, YamlNode.ScalarType.BOOLEAN, at);
    }
    if (maybeNumber && isNumber(value)) {
      return new YamlNode.Scalar(value, YamlNode.ScalarType.NUMBER, at);
    }
    return new YamlNode.Scalar(value, YamlNode.ScalarType.STRING, at);
  }

  /**
   * Whether {@code value} is a YAML 1.1 number, as the pattern {@code
   * [-+]?(0|[1-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9_]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+}
   * says, read by hand: compiling that pattern cost a short command more than reading its case.
   */
  static boolean isNumber(String value) {
    int n = value.length();
    if (n == 0) {
      return false;
    }
    if (value.startsWith("0x")) {
      return n > 2 && allOf(value, 2, "0123456789abcdefABCDEF_");
    }
    if (value.startsWith("0o")) {
      return n > 2 && allOf(value, 2, "01234567_");
    }
    if (value.charAt(0) == '0' && n > 1 && allOf(value, 1, "01234567_")) {
      return true;
    }
    int i = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return false;
    }
    if (value.charAt(i) == '.') {
      int digits = skipDigits(value, i + 1, true);
      return digits > i + 1 && isExponentToEnd(value, digits);
    }
    char first = value.charAt(i);
    if (first == '0') {
      i++;
    } else if (first >= '1' && first <= '9') {
      i = skipDigits(value, i + 1, true);
    } else {
      return false;
    }
    if (i < n && value.charAt(i) == '.') {
      i = skipDigits(value, i + 1, true);
    }
    return isExponentToEnd(value, i);
  }

  /** Whether {@code value} from {@code i} is empty or {@code [eE][-+]?[0-9]+} to its end. */
  private static boolean isExponentToEnd(String value, int i) {
    int n = value.length();
    if (i == n) {
      return true;
    }
    if (value.charAt(i) != 'e' && value.charAt(i) != 'E') {
      return false;
    }
    i++;
    if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
      i++;
    }
    int end = skipDigits(value, i, false);
    return end > i && end == n;
  }

  private static int skipDigits(String value, int i, boolean underscores) {
    while (i < value.length() && (value.charAt(i) >= '0' && value.charAt(i) <= '9' || underscores && value.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  private static boolean allOf(String value, int from, String chars) {
    for (int i = from; i < value.length(); i++) {
      if (chars.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    String line = message.strip().lines().findFirst().orElse("unreadable YAML");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static SourcePosition position(Mark mark) {
    return mark == null ? SourcePosition.START : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
