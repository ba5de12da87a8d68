package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "reassign", description = {
    "Give a case to another owner (an appended event; lists, overdue and reports follow the new owner).",
    "An owner who is neither a person of the team nor the owner of a case is refused without --allow-unknown."})
final class ReassignCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;
  @Mixin CorrectionOptions options;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Option(names = "--to", required = true, paramLabel = "OWNER", description = "The new owner.") String to;
  @Option(names = "--allow-unknown", description = "Accept an owner no case has and the team does not list.") boolean allowUnknown;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting()) {
      root.readsOthersOnlyToAdvise();
      var zone = flow.zone();
      Format format = root.format(formats());
      Case c = flow.reassign(caseId, to, options.reason, allowUnknown, SalesflowCommand.timestamp("--at", options.at, zone),
          flow.currentPerson(options.by, root.context().env().get("SALESFLOW_USER")), root.now(zone), options.dryRun);
      Event e = c.events().get(c.events().size() - 1);
      return options.report(root, format, caseId, e.type(), e.fields(), "owner " + e.field("from").orElse("-") + " -> " + to);
    }
  }
}
