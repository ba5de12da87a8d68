package dev.salesflow.cli.output;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.SpreadsheetCells;
import dev.salesflow.core.model.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

  public static String cases(List<CaseView> views, ZoneId zone) {
    return write(caseColumns(), printer -> {
      for (CaseView v : views) {
        List<String> row = new ArrayList<>();
        for (RegistrationField f : RegistrationField.values()) {
          row.add(f.valueIn(v.value()));
        }
        row.add(v.stage());
        row.add(CaseOutput.time(v.replay().enteredAt(), zone));
        printer.accept(row);
      }
    });
  }

  /** case, at, type, by, one column per event field the process declares, note. */
  public static String events(List<CaseView> views, List<String> eventFields) {
    List<String> columns = new ArrayList<>(List.of("case", "at", "type", "by"));
    columns.addAll(eventFields);
    columns.add("note");
    return write(columns, printer -> {
      for (CaseView v : views) {
        Case c = v.value();
        for (Event e : c.events()) {
          List<String> row = new ArrayList<>(Arrays.asList(c.id(), Timestamps.format(e.at()), e.type(), e.by()));
          eventFields.forEach(f -> row.add(e.fields().get(f)));
          row.add(e.note());
          printer.accept(row);
        }
      }
    });
  }

  private interface Rows {
    void write(java.util.function.Consumer<List<String>> printer);
  }

  private static String write(List<String> columns, Rows rows) {
    StringBuilder s = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(s, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
      rows.write(row -> {
        try {
          printer.printRecord(row.stream().map(SpreadsheetCells::neutralise).toList());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }
}
