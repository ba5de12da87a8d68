package dev.salesflow.cli.output;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.io.PrintWriter;

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
      SourceLines sources = new SourceLines();
      d.diagnostics().forEach(diagnostic -> print(err, diagnostic, diagnostic.oneLine(), sources));
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

  /**
   * Prints {@code headline}, then the source line of {@code d} (from {@code sources}, which reads
   * each file once) and a caret under its column.
   */
  public static void print(PrintWriter to, Diagnostic d, String headline, SourceLines sources) {
    to.println(VisibleText.of(headline));
    sources.of(d).ifPresent(line -> {
      to.println("  " + VisibleText.of(line));
      int before = Math.max(0, Math.min(d.position().column() - 1, line.codePointCount(0, line.length())));
      // the caret goes under the column as shown, escapes included
      String prefix = VisibleText.of(line.substring(0, line.offsetByCodePoints(0, before)));
      to.println("  " + " ".repeat(TextTable.width(prefix)) + "^");
    });
  }

}
