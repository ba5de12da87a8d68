package dev.salesflow.cli.output;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.SalesflowException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON answer of a command run with {@code --format json} that failed: {@code {"error":
 * {"code", "exit", "message", "case", "problems"}}} on stdout, beside the message on stderr, so a
 * script reading stdout always gets a JSON document. The exit code is the command's, unchanged.
 *
 * <p>{@code code} is one of {@link #CODES}: {@code refused} (exit 1: an unmet guard, an event the
 * process does not allow), {@code unknown-case}, {@code usage}, {@code no-workspace}, {@code
 * invalid-file} (a case file or configuration with errors), {@code io} and {@code internal}.
 */
public final class ErrorJson {
  /** Every value {@code code} takes. */
  public static final List<String> CODES =
      List.of("refused", "unknown-case", "usage", "no-workspace", "invalid-file", "io", "internal");

  private ErrorJson() {}

  /** Prints {@code {"error": …}} for {@code e}, which ends the command with {@code exit}. */
  public static void print(PrintWriter out, Throwable e, ExitCode exit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", of(e, exit));
    out.println(CaseOutput.json(m));
  }

  /** The error object of {@code e}: code, exit, message, case (or null) and problems (one line each). */
  public static Map<String, Object> of(Throwable e, ExitCode exit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code(e, exit));
    m.put("exit", exit.code());
    m.put("message", message(e, exit));
    m.put("case", e instanceof RefusedException r ? r.caseId() : e instanceof CaseNotFoundException n ? n.id() : null);
    m.put("problems", problems(e));
    return m;
  }

  private static String code(Throwable e, ExitCode exit) {
    if (e instanceof RefusedException) {
      return "refused";
    }
    if (e instanceof CaseNotFoundException) {
      return "unknown-case";
    }
    if (e instanceof WorkspaceNotFoundException) {
      return "no-workspace";
    }
    if (e instanceof DiagnosticsException) {
      return "invalid-file";
    }
    return switch (exit) {
      case OK, FINDINGS, USAGE -> "usage";
      case IO -> "io";
      case INTERNAL -> "internal";
    };
  }

  private static String message(Throwable e, ExitCode exit) {
    if (e instanceof InvalidRequestException i && !i.problems().isEmpty()) {
      return ProblemWords.of(i);
    }
    if (e instanceof DiagnosticsException d) {
      return d.diagnostics().size() == 1 ? d.diagnostics().get(0).oneLine() : d.diagnostics().size() + " errors";
    }
    if (e instanceof SalesflowException) {
      return e.getMessage();
    }
    if (exit == ExitCode.INTERNAL) {
      return "internal error: " + e;
    }
    Throwable io = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return "input/output error: " + (io.getMessage() != null ? io.getMessage() : io.toString());
  }

  private static List<String> problems(Throwable e) {
    if (e instanceof RefusedException r) {
      return r.problems();
    }
    if (e instanceof DiagnosticsException d) {
      List<String> lines = new ArrayList<>(d.diagnostics().size());
      for (Diagnostic diagnostic : d.diagnostics()) {
        lines.add(diagnostic.oneLine());
      }
      return lines;
    }
    return List.of();
  }
}
