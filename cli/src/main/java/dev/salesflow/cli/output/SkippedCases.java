package dev.salesflow.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Prints each case a command skipped because it could not be read, once, on stderr: as {@code
 * check} prints the finding ({@code cases/X.yaml:3:1: error: … [SF100 yaml-syntax]}, the source
 * line and a caret), or, under {@code --format json}, as one JSON line per finding with check's
 * finding fields and {@code "skipped": true}. It counts them, so the command's exit code can tell
 * that the output left cases out.
 */
public final class SkippedCases implements Consumer<DiagnosticsException> {
  /** Made on first use: a command that skips nothing never starts Jackson for this. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final PrintWriter err;
  private final Path cwd;
  private final BooleanSupplier json;
  private final Set<String> told = new HashSet<>();
  private final SourceLines sources = new SourceLines();

  /**
   * @param err where the findings go
   * @param cwd the working folder, against which paths are shown as check shows them
   * @param json asked at each skip (the format is chosen after the store is opened): whether to
   *     print JSON lines
   */
  public SkippedCases(PrintWriter err, Path cwd, BooleanSupplier json) {
    this.err = err;
    this.cwd = cwd;
    this.json = json;
  }

  /** Prints {@code unreadable}'s findings unless this case was told already (a command may read the store twice). */
  @Override
  public synchronized void accept(DiagnosticsException unreadable) {
    if (unreadable.diagnostics().isEmpty() || !told.add(key(unreadable.diagnostics().get(0)))) {
      return;
    }
    for (Diagnostic d : unreadable.diagnostics()) {
      if (json.getAsBoolean()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("skipped", true);
        line.putAll(CheckOutput.finding(d, cwd));
        err.println(jsonLine(line));
      } else {
        Reporter.print(err, d, CheckOutput.line(d, cwd), sources);
      }
    }
    err.flush();
  }

  /** How many cases were skipped. */
  public synchronized int count() {
    return told.size();
  }

  /** One skipped case: its file, and its id for a database, whose cases share one file. */
  private static String key(Diagnostic d) {
    return d.file() + "\0" + d.caseId();
  }

  private static String jsonLine(Map<String, Object> line) {
    try {
      return Json.MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
