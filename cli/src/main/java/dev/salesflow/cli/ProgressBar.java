package dev.salesflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A one-line progress bar on stderr for long work, redrawn in place at most ten times a second and
 * erased when done. Shown only when stderr is a terminal and the work is long; otherwise nothing is
 * printed, so logs and CI output stay clean. May be told progress from any thread.
 */
final class ProgressBar implements IntConsumer, AutoCloseable {
  /** Files or cases at or below this many are done too soon for a bar to help. */
  static final int THRESHOLD = 1000;
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String what;
  private final String unit;
  private final int total;
  private final int threshold;
  private long drawnAt;
  private int done;
  private boolean drawn;

  /**
   * A bar over {@code total} items that draws only when there are more than {@code threshold}.
   *
   * @param what the work, e.g. {@code checking}
   * @param unit the items, plural, e.g. {@code files}
   */
  ProgressBar(PrintWriter err, String what, String unit, int total, int threshold) {
    this.err = err;
    this.what = what;
    this.unit = unit;
    this.total = total;
    this.threshold = threshold;
  }

  /**
   * A bar over {@code total} items when stderr is a terminal and {@code -q} is not given (only then
   * is the total counted), or one that prints nothing.
   */
  static ProgressBar over(CliContext context, boolean quiet, String what, String unit, IntSupplier total, int threshold) {
    boolean shown = !quiet && Terminals.stderrIsTerminal(context.env());
    return new ProgressBar(context.err(), what, unit, shown ? total.getAsInt() : 0, threshold);
  }

  /** Whether this bar draws anything at all. */
  boolean visible() {
    return total > threshold;
  }

  @Override
  public synchronized void accept(int doneSoFar) {
    if (!visible() || doneSoFar <= done) {
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

  /** The non-hidden .yaml files under {@code targets}, as {@code check} will read them. */
  static int countYamlFiles(List<Path> targets) {
    int count = 0;
    for (Path target : targets) {
      if (Files.isRegularFile(target)) {
        count++;
      } else if (Files.isDirectory(target)) {
        try (Stream<Path> walk = Files.walk(target)) {
          count += (int) walk.filter(p -> p.getFileName().toString().endsWith(".yaml")
                  && !hidden(target.relativize(p)) && Files.isRegularFile(p))
              .count();
        } catch (IOException | UncheckedIOException e) {
          return 0;
        }
      }
    }
    return count;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
