package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.ListJson;
import dev.salesflow.cli.output.TextTable;
import dev.salesflow.cli.output.Words;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.RegistrationField;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "list", description = "List cases with their current stage.")
public final class ListCommand implements Callable<Integer>, Formatted {
  /** The registration fields a row shows. */
  private static final Set<RegistrationField> LISTED = EnumSet.of(RegistrationField.PRIORITY, RegistrationField.OWNER,
      RegistrationField.COMPANY);

  @ParentCommand SalesflowCommand root;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only cases in this stage.") String stage;
  @Option(names = "--priority", paramLabel = "A|B|C", description = "Only cases of this priority.") String priority;
  @Option(names = "--owner", paramLabel = "OWNER", description = "Only cases of this owner.") String owner;
  @Option(names = "--allow-unknown", description = "Accept an owner no case has (else a usage error: a typo would print nothing).")
  boolean allowUnknown;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.CSV, Format.YAML);
  }

  @Override
  public Integer call() {
    Priority p = SalesflowCommand.priority(priority);
    try (Salesflow flow = root.openExisting()) {
      flow.requireKnownFilter(stage, allowUnknown ? null : owner); // a stage the process lacks is always an error
      ZoneId zone = flow.zone();
      Format format = root.format(formats());
      CaseFilter filter = new CaseFilter(stage, p, owner);
      var out = root.context().out();
      switch (format) {
        case JSON -> ListJson.write(out, root.context().stdout(), zone, rows -> flow.forEachStanding(filter, LISTED, rows));
        case CSV -> CaseOutput.streamCsv(out, CaseOutput.listColumns(),
            rows -> flow.forEachStanding(filter, LISTED, c -> rows.accept(CaseOutput.summary(c, zone))));
        case YAML -> {
          List<Map<String, Object>> rows = flow.list(filter).stream().map(v -> CaseOutput.summary(v, zone)).toList();
          out.print(rows.isEmpty() ? "[]\n" : CaseOutput.yaml(rows));
        }
        default -> out.print(text(flow.list(filter), flow, zone));
      }
      return ExitCode.OK.code();
    }
  }

  private String text(List<CaseView> views, Salesflow flow, ZoneId zone) {
    String lang = root.lang();
    Words w = Words.of(lang);
    if (views.isEmpty()) {
      return w.get("no cases") + "\n";
    }
    TextTable table = new TextTable(List.of(w.get("id"), w.get("stage"), w.get("since"), w.get("priority"), w.get("owner"), w.get("company")));
    for (CaseView v : views) {
      table.row(List.of(v.value().id(), flow.process().stageLabel(v.stage(), lang),
          CaseOutput.shortTime(v.replay().enteredAt(), zone),
          v.value().priority() == null ? "-" : v.value().priority().name(),
          v.value().owner() == null ? "-" : v.value().owner(),
          v.value().customer().company() == null ? "-" : v.value().customer().company()));
    }
    return table.render();
  }
}
