package dev.salesflow.cli.output;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/** Prints failures on stderr: one line each, with the source line and a caret for diagnostics. */
public final class Reporter {
  private final PrintWriter err;
  private final boolean verbose;

  public Reporter(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  public void failure(Throwable e, ExitCode code) {
    if (e instanceof DiagnosticsException d) {
      d.diagnostics().forEach(this::diagnostic);
    } else if (e instanceof RefusedException r) {
      err.println("salesflow: " + r.getMessage() + ":");
      r.problems().forEach(p -> err.println("  - " + p));
    } else if (e instanceof InvalidRequestException i && !i.problems().isEmpty()) {
      err.println("salesflow: " + ProblemWords.of(i));
    } else if (e instanceof WorkspaceNotFoundException w && w.folder() != null) {
      err.println("salesflow: " + e.getMessage() + " (run 'salesflow init' to create a workspace, or pass --workspace DIR)");
    } else if (e instanceof dev.salesflow.core.model.SalesflowException) {
      err.println("salesflow: " + e.getMessage());
    } else if (code == ExitCode.INTERNAL) {
      err.println("salesflow: internal error: " + e);
      err.println("salesflow: this is a bug in salesflow; please report it with "
          + (verbose ? "this output" : "the output of the same command run with --verbose"));
    } else {
      Throwable io = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      err.println("salesflow: input/output error: " + (io.getMessage() != null ? io.getMessage() : io.toString()));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** {@code path:line:col: error: message [code]}, then the source line and a caret. */
  void diagnostic(Diagnostic d) {
    print(err, d, d.oneLine());
  }

  /** Prints {@code headline}, then the source line of {@code d} and a caret under its column. */
  public static void print(PrintWriter to, Diagnostic d, String headline) {
    to.println(visible(headline));
    sourceLine(d).map(Reporter::visible).ifPresent(line -> {
      to.println("  " + line);
      int before = Math.max(0, Math.min(d.position().column() - 1, line.codePointCount(0, line.length())));
      String prefix = line.substring(0, line.offsetByCodePoints(0, before));
      to.println("  " + " ".repeat(TextTable.width(prefix)) + "^");
    });
  }

  /**
   * {@code text} with control characters (a NUL, an escape sequence from a hostile file) shown as
   * U+FFFD, one for one so a caret under the line still points at the right column.
   */
  static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) && c != '\t' ? 0xFFFD : c));
    return out.toString();
  }

  /** SQLite's file header: a database is not read past it. */
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * Findings about a file that was not read: its lines are not shown (a link could lead to
   * /etc/passwd, a FIFO would block).
   */
  private static final java.util.Set<DiagnosticCode> UNREAD = java.util.EnumSet.of(
      DiagnosticCode.SYMLINK, DiagnosticCode.NOT_A_CASE_FILE,
      DiagnosticCode.TOO_LARGE);

  private static java.util.Optional<String> sourceLine(Diagnostic d) {
    if (d.file() == null || UNREAD.contains(d.code())
        || !Files.isRegularFile(d.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Optional.empty();
    }
    try {
      if (Files.size(d.file()) > 16 * 1024 * 1024) {
        return java.util.Optional.empty();
      }
      byte[] bytes;
      try (java.io.InputStream in = Files.newInputStream(d.file())) {
        byte[] head = in.readNBytes(SQLITE_HEADER.length);
        if (Arrays.equals(head, SQLITE_HEADER)) {
          return java.util.Optional.empty(); // findings in a database (check --store sqlite:) have no line to show
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(head);
        in.transferTo(all);
        bytes = all.toByteArray();
      }
      List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
      int i = d.position().line() - 1;
      if (i < 0 || i >= lines.size()) {
        return java.util.Optional.empty();
      }
      String line = lines.get(i);
      return java.util.Optional.of(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
