package dev.salesflow.cli.output;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.shell.Terminals;
import dev.salesflow.core.model.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for long work, redrawn in place at most ten times a second and
 * erased when done. Shown only when stderr is a terminal and the work is long; otherwise nothing is
 * printed, so logs and CI output stay clean. The work says how much there is ({@link Progress});
 * it may be told from any thread.
 */
public final class ProgressBar implements Progress, AutoCloseable {
  /** Files or cases at or below this many are done too soon for a bar to help. */
  public static final int THRESHOLD = 1000;
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String what;
  private final String unit;
  private final boolean shown;
  private final int threshold;
  private long drawnAt;
  private int done;
  private boolean drawn;

  /**
   * A bar that draws, when {@code shown}, for work of more than {@code threshold} items.
   *
   * @param what the work, e.g. {@code checking}
   * @param unit the items, plural, e.g. {@code files}
   */
  ProgressBar(PrintWriter err, String what, String unit, boolean shown, int threshold) {
    this.err = err;
    this.what = what;
    this.unit = unit;
    this.shown = shown;
    this.threshold = threshold;
  }

  /** A bar shown when stderr is a terminal and {@code -q} is not given; otherwise it prints nothing. */
  public static ProgressBar over(CliContext context, boolean quiet, String what, String unit, int threshold) {
    return new ProgressBar(TerminalWriter.unfiltered(context.err()), what, unit, !quiet && Terminals.stderrIsTerminal(context.env()), threshold);
  }

  @Override
  public synchronized void update(int doneSoFar, int total) {
    if (!shown || total <= threshold || doneSoFar <= done) {
      return;
    }
    done = Math.min(doneSoFar, total);
    long now = System.nanoTime();
    if (drawn && now - drawnAt < REDRAW_NANOS && done < total) {
      return;
    }
    drawnAt = now;
    drawn = true;
    err.print("\r" + line(done, total, what, unit) + "\u001b[K");
    err.flush();
  }

  /** {@code checking [=========>          ]  45%  4,500/10,000 files} */
  static String line(int done, int total, String what, String unit) {
    int filled = (int) ((long) WIDTH * done / total);
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    return String.format("%s [%s] %3d%%  %,d/%,d %s", what, bar, (int) (100L * done / total), done, total, unit);
  }

  /** Erases the bar, leaving the cursor at the start of the now empty line. */
  @Override
  public synchronized void close() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }
}
