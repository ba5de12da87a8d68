package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.OverdueJson;
import dev.salesflow.cli.output.OverdueOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.model.Priority;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "overdue", description = {
    "List breached SLA deadlines (and, with --due-within, those due soon).",
    "Exit 1 when anything is breached: made for cron."})
public final class OverdueCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Option(names = "--due-within", paramLabel = "DURATION", description = "Also report clocks due within this window, e.g. 90m, 36h, 2d.")
  String dueWithin;
  @Option(names = "--owner", paramLabel = "OWNER", description = "Only this owner's cases.") String owner;
  @Option(names = "--priority", paramLabel = "A|B|C", description = "Only cases of this priority.") String priority;
  @Option(names = "--allow-unknown", description = "Accept an owner no case has (else a usage error: a typo would print nothing).")
  boolean allowUnknown;
  @Option(names = "--rule", paramLabel = "RULE", description = "Only this SLA rule.") String rule;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV);
  }

  @Override
  public Integer call() {
    Duration window = SalesflowCommand.window("--due-within", dueWithin);
    Priority p = SalesflowCommand.priority(priority);
    try (Salesflow flow = root.openExisting()) {
      if (!allowUnknown) {
        flow.requireKnownFilter(null, owner);
      }
      ZoneId zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      Format format = root.format(formats());
      OverdueReport report = flow.overdue(new OverdueQuery(window, owner, p, rule), now);
      var sources = Warnings.sources(flow, report.unknownYears());
      Warnings.unknownYears(root, sources);
      var out = root.context().out();
      // written a row at a time: a million-case store can have a hundred thousand breached clocks
      switch (format) {
        case JSON -> OverdueJson.write(out, root.context().stdout(), report.items(), zone, sources);
        case CSV -> OverdueOutput.csv(out, report.items(), zone);
        default -> OverdueOutput.text(out, report, flow.process(), root.lang(), root.quiet(), zone);
      }
      return report.anyBreached() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
  }
}
