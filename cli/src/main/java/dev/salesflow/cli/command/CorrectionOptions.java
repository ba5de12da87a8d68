package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code edit}, {@code reassign} and {@code reopen} share (a picocli mixin), and how
 * they report what they recorded.
 */
final class CorrectionOptions {
  @Option(names = "--reason", paramLabel = "TEXT", description = "Why the correction is made.") String reason;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "When (default: now).") String at;
  @Option(names = "--by", paramLabel = "WHO", description = "Who made it (with a team: a person; default SALESFLOW_USER, else git's user.email).") String by;
  @Option(names = "--dry-run", description = "Only report whether it is accepted; write nothing.") boolean dryRun;

  /**
   * Prints the outcome: with {@code --format json} one object ({@code case}, {@code event}, the
   * event's {@code fields}, {@code dry_run}, {@code applied}), else a line on stderr.
   */
  int report(SalesflowCommand root, Format format, String caseId, String type, Map<String, String> fields, String summary) {
    if (format == Format.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("case", caseId);
      m.put("event", type);
      m.put("fields", fields);
      m.put("dry_run", dryRun);
      m.put("applied", !dryRun);
      root.context().out().println(CaseOutput.json(m));
    } else if (!root.quiet()) {
      root.context().err().println(caseId + ": " + summary + (dryRun ? " (dry run, nothing written)" : ""));
    }
    return ExitCode.OK.code();
  }
}
