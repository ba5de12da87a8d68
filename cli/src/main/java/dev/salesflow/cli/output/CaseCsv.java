package dev.salesflow.cli.output;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cases and events as CSV for spreadsheets and for {@code import}: timestamps as written (with their
 * offset), every text cell neutralised against formula injection.
 */
public final class CaseCsv {
  private CaseCsv() {}

  /** The registration fields under the names {@code import} reads, then the derived stage. */
  static List<String> caseColumns() {
    List<String> columns = new ArrayList<>(RegistrationField.columns());
    columns.addAll(List.of("stage", "stage_since"));
    return columns;
  }

  /**
   * Writes the cases {@code producer} hands over to {@code out} as they come, a header first.
   *
   * @return how many rows were written
   */
  public static int cases(Appendable out, ZoneId zone, Consumer<Consumer<CaseStanding>> producer) {
    RegistrationField[] fields = RegistrationField.values();
    return write(out, caseColumns(), printer -> producer.accept(standing -> {
      String[] row = new String[fields.length + 2];
      for (int i = 0; i < fields.length; i++) {
        row[i] = fields[i].valueIn(standing.value());
      }
      row[fields.length] = standing.stage();
      row[fields.length + 1] = CaseOutput.time(standing.since(), zone);
      printer.accept(Arrays.asList(row));
    }));
  }

  /**
   * Writes the events of the cases {@code producer} hands over to {@code out} as they come: case,
   * at, type, by, one column per event field the process declares, note, recorded_at.
   *
   * @return how many rows (events) were written
   */
  public static int events(Appendable out, List<String> eventFields, Consumer<Consumer<Case>> producer) {
    List<String> columns = new ArrayList<>(List.of("case", "at", "type", "by"));
    columns.addAll(eventFields);
    columns.add("note");
    // when an event recorded late was written; last, so the columns before it keep their places
    columns.add(Event.RECORDED_AT);
    return write(out, columns, printer -> producer.accept(c -> {
      for (Event e : c.events()) {
        List<String> row = new ArrayList<>(Arrays.asList(c.id(), Timestamps.format(e.at()), e.type(), e.by()));
        eventFields.forEach(f -> row.add(e.fields().get(f)));
        row.add(e.note());
        row.add(e.fields().get(Event.RECORDED_AT));
        printer.accept(row);
      }
    }));
  }

  private interface Rows {
    void write(Consumer<List<String>> printer);
  }

  /** Rows are printed into a buffer handed to {@code out} this many characters at a time. */
  private static final int BLOCK = 1 << 16;

  /**
   * Writes a header of {@code columns}, then the rows; flushes but leaves {@code out} open. Returns
   * how many rows. The printer writes into a buffer emptied into {@code out} a block at a time: a
   * printer straight on a writer makes several calls into it per cell.
   */
  private static int write(Appendable out, List<String> columns, Rows rows) {
    int[] count = {0};
    StringBuilder block = new StringBuilder(BLOCK + 4096);
    CsvWriter csv = new CsvWriter(block, columns);
    try {
      rows.write(row -> {
        csv.row(row);
        count[0]++;
        if (block.length() >= BLOCK) {
          append(out, block);
        }
      });
      csv.flush();
      append(out, block);
      if (out instanceof java.io.Flushable flushable) {
        flushable.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  private static void append(Appendable out, StringBuilder block) {
    try {
      out.append(block);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    block.setLength(0);
  }
}
