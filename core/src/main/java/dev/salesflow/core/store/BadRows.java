package dev.salesflow.core.store;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A row of a database that another program (the {@code sqlite3} or {@code psql} shell, say) wrote
 * and salesflow cannot read as part of a case: told as a case file that cannot be read is, a
 * {@link DiagnosticsException} of kind {@link DiagnosticsException.Kind#CASE_FILE}, so a read of
 * many cases skips it ({@link CaseStore#skipUnreadableTo}) and a read of it refuses. As {@code check}
 * names a database's findings, it names the database as its file, at 1:1, and the case, table and
 * column first in its message, where a case file has a line and column.
 */
public final class BadRows {
  private BadRows() {}

  /**
   * A value of the {@code cases} row of case {@code id}.
   *
   * @param database the database's file or spec, as findings name it
   * @param id the case
   * @param column the column holding the value
   * @param problem what is wrong with it
   * @return the failure to throw
   */
  public static DiagnosticsException inCases(Path database, String id, String column, String problem) {
    return failure(database, id, Message.of(MessageKey.BAD_CASE_ROW, id, column, problem));
  }

  /**
   * A value of the {@code events} row {@code seq} of case {@code id}.
   *
   * @param database the database's file or spec, as findings name it
   * @param id the case
   * @param seq the event's number in its case, from 0
   * @param column the column holding the value
   * @param problem what is wrong with it
   * @return the failure to throw
   */
  public static DiagnosticsException inEvents(Path database, String id, int seq, String column, String problem) {
    return failure(database, id, Message.of(MessageKey.BAD_EVENT_ROW, id, seq, column, problem));
  }

  /**
   * Refuses an event read from a row as a case file's event is refused: an unknown type, a field
   * the process does not know for it, a bad value ({@code amount: 1e2147483647}, an advance to no
   * stage), a required field missing.
   *
   * @param indexer the workspace's process, through the store's indexer
   * @throws DiagnosticsException naming the first problem's column
   */
  public static void checkEvent(ClockIndexer indexer, Path database, String id, int seq, Event e) {
    Map<String, String> problems = indexer.eventProblems(e);
    if (!problems.isEmpty()) {
      Map.Entry<String, String> first = problems.entrySet().iterator().next();
      throw inEvents(database, id, seq, first.getKey().equals("type") ? "type" : "fields", first.getValue());
    }
  }

  private static DiagnosticsException failure(Path database, String id, Message message) {
    return new DiagnosticsException(DiagnosticsException.Kind.CASE_FILE, List.of(
        new Diagnostic(DiagnosticCode.BAD_VALUE, dev.salesflow.core.model.Severity.ERROR, database, SourcePosition.START,
            message, id)));
  }
}
