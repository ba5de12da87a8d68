package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.NotifyOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.NotifyReport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "notify", description = {
    "Tell each owner of their breached and soon-due follow-ups; escalate to managers.",
    "E-mail (SMTP) and webhooks (WeCom, DingTalk, Feishu, Slack, JSON); a manager is told once a clock",
    "stays breached past its rule's escalate_after. Never the same notice twice.",
    "Exit 0 nothing breached, 1 breached follow-ups notified, 3 some notice could not be sent."})
public final class NotifyCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Option(names = "--due-within", paramLabel = "DURATION", description = "Also tell of clocks due within this window, e.g. 4h, 1d.")
  String dueWithin;
  @Option(names = "--dry-run", description = "Send and record nothing; print per recipient exactly what would be sent.")
  boolean dryRun;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    Duration window = SalesflowCommand.window("--due-within", dueWithin);
    try (Salesflow flow = root.openExisting()) {
      OffsetDateTime now = root.now(flow.zone());
      Format format = root.format(formats());
      NotifyReport report = flow.notify(window, dryRun, root.context().env(), now);
      var sources = Warnings.sources(flow, report.unknownYears());
      Warnings.unknownYears(root, sources);
      if (format == Format.JSON) {
        NotifyOutput.json(root.context().out(), report, flow.zone(), sources);
      } else {
        NotifyOutput.text(root.context().out(), report);
      }
      NotifyOutput.problems(root.context().err(), report, root.quiet());
      if (report.anyFailed()) {
        return ExitCode.IO.code();
      }
      return report.anyBreached() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
  }
}
