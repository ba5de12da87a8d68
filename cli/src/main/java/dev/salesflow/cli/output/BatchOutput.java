package dev.salesflow.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code batch} prints of its lines. With {@code --format json}, one JSON object per line run,
 * on one line of stdout, as soon as it ends: {@code {"line": 3, "command": "log …", "exit": 0,
 * "output": …}} where {@code output} is the command's own JSON (or its text), and, for a failure,
 * {@code "error": {"kind": "findings|usage|io|internal", "message": …}} with what it printed on
 * stderr. In text, the commands print as they would alone, and a failed line is named on stderr.
 */
public final class BatchOutput {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> KINDS = List.of("ok", "findings", "usage", "io", "internal");

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean quiet;

  public BatchOutput(PrintWriter out, PrintWriter err, boolean json, boolean quiet) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
  }

  /** Whether results are JSON lines. */
  public boolean json() {
    return json;
  }

  /** Line {@code number} ended with {@code code}, having printed {@code stdout} and {@code stderr}. */
  public void result(int number, String text, int code, String stdout, String stderr) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("line", number);
    result.put("command", text.strip());
    result.put("exit", code);
    result.put("output", stdout.isEmpty() ? null : parsed(stdout));
    String messages = stderr.strip();
    if (code != 0) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("kind", code < KINDS.size() ? KINDS.get(code) : "exit " + code);
      error.put("message", messages);
      result.put("error", error);
    } else if (!messages.isEmpty()) {
      result.put("messages", messages.lines().toList());
    }
    try {
      out.println(JSON.writeValueAsString(result));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  /** Line {@code number} could not be read as a command, or may not run in a batch (a usage error). */
  public void refused(int number, String text, String why) {
    if (json) {
      result(number, text, 2, "", "salesflow: line " + number + ": " + why);
    } else {
      err.println("salesflow: batch: line " + number + ": " + why);
    }
  }

  /** In text, names line {@code number}, which failed with {@code code} (its command printed why). */
  public void failed(int number, String text, int code) {
    err.println("salesflow: batch: line " + number + " failed (exit " + code + "): " + text.strip());
    err.flush();
  }

  /** The batch stops after line {@code number}, which failed. */
  public void stopped(int number) {
    if (!quiet) {
      err.println("salesflow: batch: stopped at line " + number + ", which failed (--keep-going runs the other lines)");
      err.flush();
    }
  }

  /** The command's stdout as JSON when it is one JSON value, else as its text. */
  private static Object parsed(String stdout) {
    try {
      JsonNode node = JSON.readTree(stdout);
      return node != null ? node : stdout;
    } catch (JsonProcessingException e) {
      return stdout;
    }
  }
}
