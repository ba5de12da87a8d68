package dev.salesflow.cli.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.EventLog;
import dev.salesflow.core.model.EventRow;
import dev.salesflow.core.model.InvalidRequestException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an event file, what {@code export --events} writes: CSV with the columns {@code case, at,
 * type, by}, the event fields and {@code note}, or JSON lines (a file ending {@code .jsonl} or
 * {@code .ndjson}), one object per event with the same names as keys. Each event keeps the line it
 * starts on; blank cells are left out; a cell loses what {@code export} put before formula-like text.
 */
final class EventCsv {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> REQUIRED = List.of("case", "at", "type");

  private EventCsv() {}

  static EventLog read(String name, byte[] bytes, Charset charset) {
    String text = LeadCsv.decode(name, bytes, charset);
    String lower = name.toLowerCase(Locale.ROOT);
    return new EventLog(name, lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? jsonLines(name, text) : csv(name, text));
  }

  private static List<EventRow> csv(String name, String text) {
    List<EventRow> rows = new ArrayList<>();
    int[] lineStarts = lineStarts(text);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
      List<String> headers = null;
      for (CSVRecord record : parser) {
        int line = lineOf(lineStarts, record.getCharacterPosition());
        if (headers == null) {
          List<String> header = record.stream().map(String::strip).toList();
          headers = header;
          List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
          if (!missing.isEmpty()) {
            throw new InvalidRequestException(name + ":1: no column " + String.join(", ", missing) + " (an event file has the"
                + " columns export --events writes: case, at, type, by, the event fields, note; its columns: "
                + String.join(", ", headers) + ")");
          }
          continue;
        }
        if (record.size() > headers.size()) {
          throw new InvalidRequestException(name + ":" + line + ": " + record.size() + " cells, but the header has "
              + headers.size() + " columns");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
          String value = LeadCsv.cell(record.get(i));
          if (!value.isEmpty() && !headers.get(i).isEmpty()) {
            cells.put(headers.get(i), value);
          }
        }
        rows.add(new EventRow(line, cells));
      }
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
      throw new InvalidRequestException(name + ": not readable as CSV: " + cause.getMessage());
    }
    if (rows.isEmpty() && text.isBlank()) {
      throw new InvalidRequestException(name + ": the file is empty (it needs a header row)");
    }
    return rows;
  }

  private static List<EventRow> jsonLines(String name, String text) {
    List<EventRow> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InvalidRequestException(name + ":" + (i + 1) + ": not a JSON object: "
            + e.getOriginalMessage().replaceAll("\\s+", " "));
      }
      if (node == null || !node.isObject()) {
        throw new InvalidRequestException(name + ":" + (i + 1) + ": not a JSON object (one event per line, e.g."
            + " {\"case\": \"ACME-2026-001\", \"at\": \"2026-11-03T14:00:00+08:00\", \"type\": \"meeting\"})");
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        JsonNode value = field.getValue();
        if (value.isContainerNode()) {
          throw new InvalidRequestException(name + ":" + (i + 1) + ": key '" + field.getKey() + "': a text or a number,"
              + " not a " + (value.isArray() ? "list" : "object"));
        }
        String text1 = value.isNull() ? "" : value.asText().strip();
        if (!text1.isEmpty()) {
          cells.put(field.getKey(), text1);
        }
      }
      rows.add(new EventRow(i + 1, cells));
    }
    return rows;
  }

  /** Where each line starts, for the line of a record from its character position. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int lineOf(int[] starts, long position) {
    int at = Arrays.binarySearch(starts, (int) position);
    return (at >= 0 ? at : -at - 2) + 1;
  }
}
