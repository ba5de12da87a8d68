package dev.salesflow.cli.output;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.io.PrintWriter;

/** Prints failures on stderr: one line each, with the source line and a caret for diagnostics. */
public final class Reporter {
  private final PrintWriter err;
  private final boolean verbose;
  private final String lang;
  private final java.nio.file.Path cwd;

  /**
   * A reporter writing salesflow's own messages in {@code lang} ({@code en} or {@code zh}), and the
   * files of findings relative to {@code cwd} as {@code check} shows them.
   */
  public Reporter(PrintWriter err, boolean verbose, String lang, java.nio.file.Path cwd) {
    this.err = err;
    this.verbose = verbose;
    this.lang = lang;
    this.cwd = cwd;
  }

  public void failure(Throwable e, ExitCode code) {
    if (e instanceof DiagnosticsException d) {
      SourceLines sources = new SourceLines();
      d.diagnostics().forEach(diagnostic -> print(err, diagnostic, CheckOutput.line(diagnostic, cwd, lang), sources));
    } else if (e instanceof RefusedException r) {
      err.println("salesflow: " + r.message(lang) + ":");
      r.problems(lang).forEach(p -> err.println("  - " + p));
    } else if (e instanceof InvalidRequestException i && !i.problems().isEmpty()) {
      err.println("salesflow: " + ProblemWords.of(i));
    } else if (e instanceof WorkspaceNotFoundException w && w.folder() != null) {
      err.println("salesflow: " + w.message(lang) + Message.of(MessageKey.WORKSPACE_HINT).in(lang));
    } else if (e instanceof dev.salesflow.core.model.SalesflowException s) {
      err.println("salesflow: " + s.message(lang));
    } else if (code == ExitCode.INTERNAL) {
      err.println("salesflow: " + Message.of(MessageKey.INTERNAL_ERROR, e).in(lang));
      err.println("salesflow: " + Message.of(MessageKey.REPORT_BUG,
          Message.of(verbose ? MessageKey.REPORT_WITH_THIS : MessageKey.REPORT_WITH_VERBOSE)).in(lang));
    } else {
      Throwable io = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      err.println("salesflow: " + Message.of(MessageKey.IO_ERROR, io.getMessage() != null ? io.getMessage() : io.toString())
          .in(lang));
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
