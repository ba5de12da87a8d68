package dev.salesflow.cli;

import dev.salesflow.core.api.ImportProgress;
import java.io.PrintWriter;

/**
 * "importing 500/1,000 rows" redrawn in place on stderr, at most ten times a second, and erased at
 * the end; silent unless stderr is a terminal and the import is long enough to wait for.
 */
final class ImportProgressLine implements ImportProgress, AutoCloseable {
  /** Imports of at most this many cases finish before a line would help. */
  static final int THRESHOLD = 100;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long drawnAt;
  private boolean drawn;

  ImportProgressLine(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ImportProgressLine of(CliContext context, boolean quiet) {
    return new ImportProgressLine(context.err(), !quiet && Terminals.stderrIsTerminal(context.env()));
  }

  @Override
  public void registered(int done, int total) {
    if (!enabled || total <= THRESHOLD) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && done < total && now - drawnAt < REDRAW_NANOS) {
      return;
    }
    drawnAt = now;
    drawn = true;
    err.print("\r" + line(done, total) + "\u001b[K");
    err.flush();
  }

  static String line(int done, int total) {
    return String.format("importing %,d/%,d rows (%d%%)", done, total, (int) (100L * done / total));
  }

  @Override
  public void close() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }
}
