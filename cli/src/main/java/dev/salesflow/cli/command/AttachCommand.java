package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "attach",
    description = "Attach a file to a case: kept by its SHA-256 under attachments/, recorded as an 'attached' event.")
public final class AttachCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Parameters(index = "1", paramLabel = "FILE", description = "The file, e.g. a contract scan.") Path file;
  @Option(names = "--as", paramLabel = "KIND", description = "What it is, e.g. contract_scan.") String kind;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "When it was attached (default: now).") String at;
  @Option(names = "--by", paramLabel = "WHO", description = "Who attached it (default SALESFLOW_USER, else git's user.email).") String by;
  @Option(names = "--note", paramLabel = "TEXT", description = "Free text.") String note;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting()) {
      var zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      OffsetDateTime when = at == null ? now : SalesflowCommand.timestamp("--at", at, zone);
      Case updated = flow.attach(caseId, root.context().cwd().resolve(file), kind, when,
          flow.currentPerson(by, root.context().env().get("SALESFLOW_USER")), note, now);
      Event event = updated.events().get(updated.events().size() - 1);
      if (root.format(formats()) == Format.JSON) {
        root.context().out().println(CaseOutput.json(CaseOutput.event(event, zone)));
      } else if (!root.quiet()) {
        root.context().err().println("attached " + event.fields().get("name") + " to " + updated.id() + " as attachments/"
            + event.fields().get("sha256"));
      }
      return ExitCode.OK.code();
    }
  }
}
