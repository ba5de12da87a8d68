package dev.salesflow.cli.output;

import dev.salesflow.core.model.SpreadsheetCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every command ({@code list}, {@code overdue}, {@code report}, {@code
 * export}): RFC 4180 with a header row, and every text cell {@linkplain SpreadsheetCells#neutralise
 * neutralised} so that {@code =1+1} from a case file is not run as a formula by a spreadsheet.
 */
public final class CsvWriter {
  private final CSVPrinter printer;

  /**
   * Starts a CSV on {@code out} with a header of {@code columns}.
   *
   * @param out where the CSV goes
   * @param columns the header row
   */
  public CsvWriter(Appendable out, List<String> columns) {
    try {
      printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one row; text cells are neutralised, other values (numbers) written as they are.
   *
   * @param cells the row's values in column order; null for an empty cell
   */
  public void row(List<?> cells) {
    Object[] safe = new Object[cells.size()];
    for (int i = 0; i < safe.length; i++) {
      Object c = cells.get(i);
      safe[i] = c instanceof String s ? SpreadsheetCells.neutralise(s) : c;
    }
    try {
      printer.printRecord(safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes what was written, leaving the target open. */
  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
