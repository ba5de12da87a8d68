package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "reopen", description = {
    "Take a case lost by mistake back to the stage it was lost from (an appended event; --reason is required).",
    "Exit 1 when the case is not lost."})
final class ReopenCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;
  @Mixin CorrectionOptions options;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting()) {
      var zone = flow.zone();
      Format format = root.format(formats());
      Case c = flow.reopen(caseId, options.reason, SalesflowCommand.timestamp("--at", options.at, zone),
          flow.currentPerson(options.by, root.context().env().get("SALESFLOW_USER")), root.now(zone), options.dryRun);
      Event e = c.events().get(c.events().size() - 1);
      return options.report(root, format, caseId, e.type(), e.fields(), "lost -> " + e.field("to").orElseThrow());
    }
  }
}
