package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "log", description = "Record an event on a case, after checking it against the process.")
public final class LogCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Parameters(index = "1", paramLabel = "TYPE", description = "Event type, e.g. meeting, requirements_recorded.") String type;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "When it happened (default: now).") String at;
  @Option(names = "--by", paramLabel = "WHO", description = "Who recorded it (with a team: a person; default SALESFLOW_USER, else git's user.email).") String by;
  @Option(names = "--note", paramLabel = "TEXT", description = "Free text.") String note;
  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A further field, e.g. amount=1200000, issue=I-1;"
      + " an item of a form's list: items.1.model=X (after --form, replacing its value).")
  List<String> sets = List.of();
  @Option(names = "--form", paramLabel = "FILE", description = "The event's form filled in: a YAML or JSON file of"
      + " field id to value (see show --form).") java.nio.file.Path form;
  @Option(names = "--dry-run", description = "Check only; write nothing.") boolean dryRun;

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
      Map<String, String> fields = form == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(flow.readForm(type, root.context().cwd().resolve(form)));
      fields.putAll(fields());
      LogPrompt.askForMissing(flow, type, fields, root.context(), root.lang());
      Event event = new Event(when, type, flow.currentPerson(by, root.context().env().get("SALESFLOW_USER")), note, fields);
      Case updated = flow.record(caseId, event, now, dryRun);
      Format format = root.format(formats());
      if (format == Format.JSON) {
        Map<String, Object> recorded = CaseOutput.event(event, zone);
        recorded.put("dry_run", dryRun);
        root.context().out().println(CaseOutput.json(recorded));
      } else if (!root.quiet()) {
        root.context().err().println((dryRun ? "would record " : "recorded ") + type + " on " + updated.id()
            + " at " + CaseOutput.time(when, zone));
      }
      return ExitCode.OK.code();
    }
  }

  private Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException("--set needs KEY=VALUE, got '" + set + "'");
      }
      String key = set.substring(0, eq).strip();
      if (List.of("at", "type", "by", "note").contains(key)) {
        throw new InvalidRequestException("--set " + key + ": use --" + key + " instead");
      }
      fields.put(key, set.substring(eq + 1));
    }
    return fields;
  }
}
