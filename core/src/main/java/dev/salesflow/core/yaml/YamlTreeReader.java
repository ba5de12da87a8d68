package dev.salesflow.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions. It is deliberately strict:
 * anchors, aliases, explicit tags and duplicate keys are refused rather than expanded, kept last or
 * turned into objects, so a case file means exactly what it shows.
 */
public final class YamlTreeReader {
  /** Deepest nesting accepted; real case files need four or five levels. */
  public static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY = newFactory();

  private YamlTreeReader() {}

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    // Duplicate keys are refused in readValue, at the duplicate's own position: with this option
    // off, Jackson would refuse them first, pointing past the end of the key.
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(16 * 1024 * 1024);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(8 * 1024 * 1024)
                    .build())
            .build();
    return factory;
  }

  /** Decodes UTF-8 strictly (a BOM is skipped); bad bytes are reported at their line and column. */
  public static String decodeUtf8(byte[] bytes) throws YamlSyntaxException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
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
      throw new dev.salesflow.core.check.DiagnosticsException(
          dev.salesflow.core.check.DiagnosticsException.Kind.CONFIGURATION,
          List.of(dev.salesflow.core.check.Diagnostic.error(
              dev.salesflow.core.check.DiagnosticCode.INVALID_ENCODING, file, e.position(), e.getMessage())));
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
    refuseAnchors(text);
    try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode.Mapping(Map.of(), SourcePosition.START);
      }
      YamlNode root = readValue(parser, first, 1);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw new YamlSyntaxException(
            "yaml-syntax", "more than one YAML document in the file", position(parser.currentTokenLocation()));
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new YamlSyntaxException("yaml-syntax", firstLine(e.getOriginalMessage()), position(e.getLocation()));
    } catch (JsonParseException e) {
      String message = e.getOriginalMessage();
      String code = message != null && message.startsWith("Duplicate field") ? "duplicate-key" : "yaml-syntax";
      return rethrow(code, e, message);
    } catch (IOException e) {
      throw new YamlSyntaxException("yaml-syntax", firstLine(e.getMessage()), SourcePosition.START);
    } catch (RuntimeException e) {
      // SnakeYAML reports its own limits (nesting depth, code points, aliases) as runtime exceptions.
      throw new YamlSyntaxException("yaml-syntax", snakeMessage(e), snakePosition(e));
    }
  }

  /**
   * Jackson reports no anchor on a scalar value (nor do we look at key anchors there), so every
   * anchor is looked for on SnakeYAML's own event stream first. Syntax errors are left to the main
   * parse, which reports them with their context.
   */
  private static void refuseAnchors(String text) throws YamlSyntaxException {
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(16 * 1024 * 1024);
    org.yaml.snakeyaml.parser.Parser events =
        new org.yaml.snakeyaml.parser.ParserImpl(new org.yaml.snakeyaml.reader.StreamReader(text), options);
    try {
      while (!events.checkEvent(org.yaml.snakeyaml.events.Event.ID.StreamEnd)) {
        org.yaml.snakeyaml.events.Event event = events.getEvent();
        if (event instanceof org.yaml.snakeyaml.events.NodeEvent node
            && !(event instanceof org.yaml.snakeyaml.events.AliasEvent)
            && node.getAnchor() != null) {
          org.yaml.snakeyaml.error.Mark mark = event.getStartMark();
          throw new YamlSyntaxException(
              "alias",
              "YAML anchors (&" + node.getAnchor() + ") are not allowed in salesflow files",
              new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1));
        }
      }
    } catch (RuntimeException e) {
      // not YAML: the main parse reports it
    }
  }

  private static YamlNode rethrow(String code, JsonParseException e, String message) throws YamlSyntaxException {
    if ("duplicate-key".equals(code)) {
      String key = message.replaceFirst("(?s)^Duplicate field '([^']*)'.*", "$1");
      throw new YamlSyntaxException(code, "duplicate key '" + key + "'", position(e.getLocation()));
    }
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      throw new YamlSyntaxException(code, snakeMessage(marked), snakePosition(marked));
    }
    throw new YamlSyntaxException(code, firstLine(message), position(e.getLocation()));
  }

  private static String snakeMessage(RuntimeException e) {
    if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      String problem = marked.getProblem() == null ? "" : marked.getProblem();
      String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
      return firstLine(context + problem);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return firstLine(message);
  }

  private static SourcePosition snakePosition(RuntimeException e) {
    if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
      return new SourcePosition(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
    }
    return SourcePosition.START;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    String line = message.strip().lines().findFirst().orElse("unreadable YAML");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static SourcePosition position(JsonLocation location) {
    if (location == null) {
      return SourcePosition.START;
    }
    return new SourcePosition(location.getLineNr(), location.getColumnNr());
  }

  private static YamlNode readValue(YAMLParser parser, JsonToken token, int depth)
      throws IOException, YamlSyntaxException {
    SourcePosition at = position(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new YamlSyntaxException("yaml-syntax", "nesting deeper than " + MAX_DEPTH + " levels", at);
    }
    if (parser.isCurrentAlias()) {
      throw new YamlSyntaxException(
          "alias", "YAML aliases (*" + parser.getText() + ") are not allowed in salesflow files", at);
    }
    if (parser.getCurrentAnchor() != null) {
      throw new YamlSyntaxException(
          "alias", "YAML anchors (&" + parser.getCurrentAnchor() + ") are not allowed in salesflow files", at);
    }
    String tag = parser.getTypeId();
    if (tag != null && !tag.equals("tag:yaml.org,2002:str") && !tag.isEmpty()) {
      throw new YamlSyntaxException("tag", "YAML tags (" + tag + ") are not allowed in salesflow files", at);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          SourcePosition keyAt = position(parser.currentTokenLocation());
          if (entries.containsKey(key)) {
            throw new YamlSyntaxException("duplicate-key", "duplicate key '" + key + "'", keyAt);
          }
          JsonToken valueToken = parser.nextToken();
          entries.put(key, new YamlNode.Entry(key, keyAt, readValue(parser, valueToken, depth + 1)));
        }
        return new YamlNode.Mapping(entries, at);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(readValue(parser, t, depth + 1));
        }
        return new YamlNode.Sequence(items, at);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, at);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.BOOLEAN, at);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.NUMBER, at);
      }
      case VALUE_STRING -> {
        return new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.STRING, at);
      }
      default -> throw new YamlSyntaxException("yaml-syntax", "unexpected YAML content: " + token, at);
    }
  }
}
