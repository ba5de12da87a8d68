package dev.salesflow.cli.command;

import dev.salesflow.core.model.DealField;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.LeadColumns;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.LeadRow;
import dev.salesflow.core.model.SpreadsheetCells;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a lead list: decodes it strictly (a UTF-8 byte-order mark is dropped and wins over the
 * charset asked for), parses it as CSV, maps its columns and turns each non-blank row into a
 * {@link LeadRow} numbered as a spreadsheet shows it. Cells lose surrounding blanks, and the quote
 * that {@code export} puts before formula-like text.
 */
final class LeadCsv {
  /** Most columns a lead list may have: a dozen fields map, the rest are reported one by one. */
  static final int MAX_COLUMNS = 1000;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * The rows, the headers that map to no field, and the header of each column that gives a field by
   * the field's column name ({@code source} → {@code Lead Source}), for messages.
   */
  record Read(List<LeadRow> rows, List<String> unusedColumns, Map<String, String> headers) {}

  private LeadCsv() {}

  /** The most characters a line of a lead list may hold. */
  static final int MAX_LINE_CHARS = 1024 * 1024;

  private static void refuseLongLines(String name, String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          throw new InvalidRequestException(String.format("%s:%d: the line has %,d characters; a lead list line may"
              + " have at most %,d", name, line, i - start, MAX_LINE_CHARS));
        }
        line++;
        start = i + 1;
      }
    }
  }

  static Read read(String name, byte[] bytes, Charset charset, Map<String, String> map, Set<RegistrationField> defaulted) {
    return read(name, bytes, charset, map, defaulted, Map.of());
  }

  /**
   * As {@link #read(String, byte[], Charset, Map, Set)}, replacing values of columns first: {@code
   * valueMaps} holds, per header (as written, case ignored), cell values (as read) and what they
   * stand for, e.g. {@code deal_stage} → {@code Won} → {@code closed}.
   */
  static Read read(String name, byte[] bytes, Charset charset, Map<String, String> map, Set<RegistrationField> defaulted,
      Map<String, Map<String, String>> valueMaps) {
    String text = decode(name, bytes, charset);
    refuseLongLines(name, text);
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())) {
      records = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (record.size() > MAX_COLUMNS) {
          throw new InvalidRequestException(String.format("%s: row %d has %,d columns; a lead list may have at most %,d",
              name, record.getRecordNumber(), record.size(), MAX_COLUMNS));
        }
        records.add(record);
      }
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
      String detail = String.valueOf(cause.getMessage());
      java.util.regex.Matcher start = java.util.regex.Pattern.compile("startline (\\d+)").matcher(detail);
      if (detail.contains("EOF reached before encapsulated token finished") && start.find()) {
        throw new InvalidRequestException(name + ":" + start.group(1) + ": unbalanced quote (a field opened with \" is"
            + " never closed; write a \" inside a quoted field as \"\")");
      }
      throw new InvalidRequestException(name + ": not readable as CSV: " + detail);
    }
    if (records.isEmpty()) {
      throw new InvalidRequestException(name + ": the file is empty (it needs a header row)");
    }
    List<String> headers = records.get(0).toList();
    Map<Integer, Map<String, String>> replace = valueMapsByColumn(name, headers, valueMaps);
    LeadColumns columns = LeadColumns.resolve(headers, map, defaulted);
    List<LeadRow> rows = new ArrayList<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      Map<RegistrationField, String> values = new EnumMap<>(RegistrationField.class);
      columns.fields().forEach((index, field) -> {
        if (index < record.size()) {
          String value = cell(record.get(index));
          Map<String, String> replaced = replace.get(index);
          values.put(field, replaced == null ? value : replaced.getOrDefault(value, value));
        }
      });
      Map<DealField, String> deal = new EnumMap<>(DealField.class);
      columns.deal().forEach((index, field) -> {
        if (index < record.size()) {
          String value = cell(record.get(index));
          Map<String, String> replaced = replace.get(index);
          deal.put(field, replaced == null ? value : replaced.getOrDefault(value, value));
        }
      });
      if (values.values().stream().anyMatch(v -> !v.isEmpty())) {
        rows.add(new LeadRow((int) record.getRecordNumber(), values, deal));
      }
    }
    Map<String, String> named = new java.util.HashMap<>();
    columns.fields().forEach((index, field) -> named.put(field.column(), headers.get(index)));
    columns.deal().forEach((index, field) -> named.put(field.column(), headers.get(index)));
    return new Read(rows, columns.unused(), named);
  }

  /** The value maps by column index; refuses a column the file does not have, listing its columns. */
  private static Map<Integer, Map<String, String>> valueMapsByColumn(String name, List<String> headers,
      Map<String, Map<String, String>> valueMaps) {
    Map<Integer, Map<String, String>> byIndex = new java.util.HashMap<>();
    valueMaps.forEach((column, values) -> {
      int at = -1;
      for (int i = 0; i < headers.size() && at < 0; i++) {
        at = headers.get(i).strip().equalsIgnoreCase(column.strip()) ? i : -1;
      }
      if (at < 0) {
        throw new InvalidRequestException("--map-value " + column + ":…: " + name + " has no column '" + column
            + "'; the file's columns: " + String.join(", ", headers));
      }
      byIndex.computeIfAbsent(at, i -> new java.util.HashMap<>()).putAll(values); // Channel and channel are one column
    });
    return byIndex;
  }

  /** A cell's value: exactly what {@code export} neutralised, else the text without surrounding blanks. */
  static String cell(String raw) {
    return SpreadsheetCells.guarded(raw) ? SpreadsheetCells.restore(raw) : raw.strip();
  }

  /** {@code bytes} as text; refuses bytes that are not valid in the charset, naming the line. */
  static String decode(String name, byte[] bytes, Charset charset) {
    int start = 0;
    if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
      start = 3;
      charset = StandardCharsets.UTF_8;
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      String hint = charset.equals(StandardCharsets.UTF_8)
          ? "; if it was saved as GBK (as Excel on Chinese Windows does), add --charset GBK"
          : "; try --charset UTF-8";
      throw new InvalidRequestException(name + ":" + line + ": not valid " + charset.name() + " (byte " + in.position() + ")" + hint);
    }
    out.flip();
    return out.toString();
  }
}
