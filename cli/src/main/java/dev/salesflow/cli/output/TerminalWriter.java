package dev.salesflow.cli.output;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * stdout or stderr as salesflow writes them: every {@linkplain VisibleText hidden character} in
 * text output is written as a visible escape, whichever command, table or message it comes from.
 * Machine output (json, csv, yaml, sarif) is written as it is ({@link #machineOutput}): its own
 * encoding quotes what it must, and its values are data.
 */
public final class TerminalWriter extends PrintWriter {
  private final PrintWriter target;
  private final Filter filter;

  private TerminalWriter(Filter filter, PrintWriter target, boolean autoFlush) {
    super(filter, autoFlush);
    this.filter = filter;
    this.target = target;
  }

  /**
   * {@code target} behind the filter; {@code target} itself when it is one already.
   *
   * @param target the stream to write to
   * @param autoFlush whether {@code println} flushes (stderr)
   * @return the filtering writer
   */
  public static PrintWriter over(PrintWriter target, boolean autoFlush) {
    if (target instanceof TerminalWriter) {
      return target;
    }
    return new TerminalWriter(new Filter(target), target, autoFlush);
  }

  /**
   * Lets what follows on {@code out} through as written (a command chose a machine format), or
   * filters it again.
   *
   * @param out a writer {@link #over} made, or any other (then nothing changes)
   * @param machine whether the output is machine output
   */
  public static void machineOutput(PrintWriter out, boolean machine) {
    if (out instanceof TerminalWriter t) {
      t.flush();
      t.filter.raw = machine;
    }
  }

  /**
   * The stream under the filter, for salesflow's own terminal control (the progress bar's line erase).
   *
   * @param out a writer {@link #over} made, or any other
   * @return the stream it writes to, or {@code out} itself
   */
  public static PrintWriter unfiltered(PrintWriter out) {
    if (out instanceof TerminalWriter t) {
      t.flush();
      return t.target;
    }
    return out;
  }

  /** An error of this writer or of the stream it writes to (PrintWriter keeps it rather than throwing). */
  @Override
  public boolean checkError() {
    return super.checkError() | target.checkError();
  }

  private static final class Filter extends Writer {
    private final PrintWriter target;
    private volatile boolean raw;

    Filter(PrintWriter target) {
      this.target = target;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      write(new String(buf, off, len));
    }

    @Override
    public void write(String s, int off, int len) {
      write(s.substring(off, off + len));
    }

    @Override
    public void write(int c) {
      if (raw || !VisibleText.needsEscape((char) c)) {
        target.write(c);
      } else {
        target.write(VisibleText.of(String.valueOf((char) c)));
      }
    }

    @Override
    public void write(String s) {
      target.write(raw ? s : VisibleText.of(s));
    }

    @Override
    public void flush() {
      target.flush();
    }

    @Override
    public void close() {
      target.close();
    }
  }
}
