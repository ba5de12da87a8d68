package dev.salesflow.cli.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's stdout, remembering the first write that failed: PrintWriter swallows the
 * exception, and a script must not take {@code list --format json > /dev/full} for a success.
 * A reader that went away ({@code | head}: a broken pipe) is no failure.
 */
public final class StdoutStream extends FilterOutputStream {
  private volatile IOException failure;

  /**
   * Watches writes to {@code out}.
   *
   * @param out the file descriptor's stream
   */
  public StdoutStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * The first write that failed for another reason than a reader that went away.
   *
   * @return the failure, or null when every write succeeded or the pipe was closed by its reader
   */
  public IOException lost() {
    IOException e = failure;
    return e == null || isBrokenPipe(e) ? null : e;
  }

  /**
   * Whether {@code e} says the reading end of a pipe was closed (EPIPE).
   *
   * @param e a failed write
   * @return true for a broken pipe
   */
  public static boolean isBrokenPipe(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("Broken pipe");
  }

  /**
   * Whether the output was written, as far as {@code writer} (over this stream or any other) and
   * {@code stream} (this stream, or null) can tell.
   *
   * @param writer the writer machine output went through
   * @param stream the bytes under it, or null when unknown
   * @return null when all was written (or a reader closed the pipe), else why not
   */
  public static String whyLost(java.io.PrintWriter writer, OutputStream stream) {
    boolean writerFailed = writer.checkError();
    if (stream instanceof StdoutStream s) {
      if (s.failure != null) {
        IOException lost = s.lost();
        return lost == null ? null : String.valueOf(lost.getMessage());
      }
    }
    return writerFailed ? "the output stream reported an error" : null;
  }
}
