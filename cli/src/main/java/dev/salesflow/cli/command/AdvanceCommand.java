package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.ErrorJson;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.RefusedException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "advance", description = {
    "Move a case to another stage.",
    "Forward when the stage's requirements are met; back one stage (rework) or to lost with --reason.",
    "Exit 1 lists every unmet requirement."})
public final class AdvanceCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Option(names = "--to", required = true, paramLabel = "STAGE", description = "Target stage.") String to;
  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required for rework and lost).") String reason;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "When (default: now).") String at;
  @Option(names = "--by", paramLabel = "WHO", description = "Who decided it (with a team: a person; default SALESFLOW_USER, else git's user.email).") String by;
  @Option(names = "--dry-run", description = "Only report whether the move is allowed; write nothing.") boolean dryRun;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting()) {
      var zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      Format format = root.format(formats());
      String from = flow.show(caseId).stage();
      try {
        flow.advance(caseId, to, reason, SalesflowCommand.timestamp("--at", at, zone),
            flow.currentPerson(by, root.context().env().get("SALESFLOW_USER")), now, dryRun);
      } catch (RefusedException refused) {
        if (format == Format.JSON) {
          Map<String, Object> result = result(from, false, refused.problems());
          result.put("error", ErrorJson.of(refused, ExitCode.FINDINGS));
          root.context().out().println(CaseOutput.json(result));
          root.failureAnswered();
        }
        throw refused;
      }
      if (format == Format.JSON) {
        root.context().out().println(CaseOutput.json(result(from, !dryRun, List.of())));
      } else if (!root.quiet()) {
        root.context().err().println(caseId + ": " + from + " -> " + to + (dryRun ? " allowed (dry run, nothing written)" : ""));
      }
      return ExitCode.OK.code();
    }
  }

  private Map<String, Object> result(String from, boolean applied, List<String> unmet) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case", caseId);
    m.put("from", from);
    m.put("to", to);
    m.put("allowed", unmet.isEmpty());
    m.put("applied", applied);
    m.put("unmet", unmet);
    return m;
  }
}
