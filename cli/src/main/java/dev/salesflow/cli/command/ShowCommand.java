package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.FormOutput;
import dev.salesflow.cli.output.TextTable;
import dev.salesflow.cli.output.Words;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.SlaClock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "show", description = "Show a case: registration, current stage, history.")
public final class ShowCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @picocli.CommandLine.Option(names = "--form", paramLabel = "TYPE",
      description = "Print the filled form of the case's events of TYPE (e.g. delivery_accepted) instead.") String formType;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.YAML);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting()) {
      ZoneId zone = flow.zone();
      if (formType != null) {
        var forms = flow.forms(caseId, formType, root.lang());
        if (forms.isEmpty()) {
          root.context().err().println("salesflow: " + FormOutput.none(caseId, formType, flow.process().eventLabel(formType, root.lang())));
          return ExitCode.FINDINGS.code();
        }
        switch (root.format(formats())) {
          case JSON -> root.context().out().println(CaseOutput.json(FormOutput.json(forms, zone)));
          case YAML -> root.context().out().print(CaseOutput.yaml(FormOutput.json(forms, zone)));
          default -> root.context().out().print(FormOutput.text(forms, zone, root.lang()));
        }
        return ExitCode.OK.code();
      }
      CaseView view = flow.show(caseId);
      var sheet = flow.clocks(view, root.now(zone));
      var years = Warnings.sources(flow, sheet.unknownYears());
      Warnings.unknownYears(root, years);
      List<SlaClock> clocks = sheet.clocks();
      switch (root.format(formats())) {
        case JSON -> root.context().out().println(CaseOutput.json(detail(view, clocks, zone, years)));
        case YAML -> root.context().out().print(CaseOutput.yaml(detail(view, clocks, zone, years)));
        default -> root.context().out().print(text(view, clocks, flow.process(), zone, root.lang()));
      }
      return ExitCode.OK.code();
    }
  }

  /** The case as {@link CaseOutput#detail}, with {@code calendar_fallback} when its deadlines needed such years. */
  private static Map<String, Object> detail(CaseView view, List<SlaClock> clocks, ZoneId zone,
      Map<Integer, dev.salesflow.core.model.CalendarSource> years) {
    Map<String, Object> detail = CaseOutput.detail(view, clocks, zone);
    if (!years.isEmpty()) {
      detail.put("calendar_fallback", Warnings.json(years));
    }
    return detail;
  }

  static String text(CaseView view, List<SlaClock> clocks, SalesProcess process, ZoneId zone, String lang) {
    Words w = Words.of(lang);
    Case c = view.value();
    StringBuilder s = new StringBuilder();
    s.append(c.id()).append("  ").append(nz(c.customer().company())).append('\n');
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {w.get("stage"), view.stage() + " (" + process.stageLabel(view.stage(), lang) + "), "
        + w.get("since").toLowerCase(java.util.Locale.ROOT) + " " + CaseOutput.shortTime(view.replay().enteredAt(), zone)});
    fields.add(new String[] {w.get("priority"), c.priority() == null ? "-" : c.priority().name()});
    fields.add(new String[] {w.get("owner"), nz(c.owner())});
    fields.add(new String[] {w.get("source"), c.source() == null ? "-" : c.source() + " (" + process.sources().getOrDefault(c.source(), new dev.salesflow.core.model.Labels(c.source(), c.source())).in(lang) + ")"});
    fields.add(new String[] {w.get("industry"), nz(c.customer().industry()) + (c.customer().size() == null ? "" : ", " + c.customer().size())});
    var contact = c.customer().contact();
    List<String> parts = new ArrayList<>();
    parts.add(nz(contact.name()) + (contact.title() == null ? "" : " (" + contact.title() + ")"));
    if (contact.phone() != null) {
      parts.add(contact.phone());
    }
    if (contact.email() != null) {
      parts.add(contact.email());
    }
    fields.add(new String[] {w.get("contact"), String.join(", ", parts)});
    fields.add(new String[] {w.get("registered"), CaseOutput.shortTime(c.registeredAt(), zone)});
    if (c.need() != null) {
      fields.add(new String[] {w.get("need"), c.need()});
    }
    Event opened = c.opening().orElse(null); // no lambda on show's path (StartupPathTest)
    if (opened != null) {
      String from = opened.field("source").orElse(null);
      fields.add(new String[] {w.get("imported"), opened.field("to").orElse("?") + ", "
          + CaseOutput.shortTime(opened.at(), zone) + (from == null ? "" : ", " + from)});
    }
    int width = 0;
    for (String[] f : fields) {
      width = Math.max(width, TextTable.width(f[0]));
    }
    for (String[] f : fields) {
      s.append("  ").append(f[0]).append(" ".repeat(width - TextTable.width(f[0]) + 2)).append(f[1]).append('\n');
    }
    String illegal = CaseOutput.illegalLine(view.replay());
    if (illegal != null) {
      s.append("  ").append(w.get("illegal")).append(": ").append(illegal).append('\n');
    }
    s.append('\n').append(w.get("history")).append('\n');
    if (c.events().isEmpty()) {
      s.append("  (").append(w.get("no events")).append(")\n");
    } else {
      TextTable table = new TextTable(List.of("  " + w.get("at"), w.get("event"), w.get("by"), w.get("details")));
      for (Event e : c.events()) {
        table.row(List.of("  " + CaseOutput.shortTime(e.at(), zone), process.eventLabel(e.type(), lang), nz(e.by()), details(e)));
      }
      s.append(table.render());
    }
    if (!clocks.isEmpty()) {
      s.append('\n').append(w.get("clocks")).append('\n');
      TextTable clockTable = new TextTable(List.of("  " + w.get("rule"), w.get("started"), w.get("due"), w.get("stopped"), w.get("state")));
      for (SlaClock k : clocks) {
        clockTable.row(List.of("  " + process.ruleLabel(k.rule(), lang) + (k.key() == null ? "" : " (" + k.key() + ")"),
            CaseOutput.shortTime(k.startedAt(), zone), CaseOutput.shortTime(k.dueAt(), zone),
            CaseOutput.shortTime(k.stoppedAt(), zone), w.state(k.state().label())));
      }
      s.append(clockTable.render());
    }
    return s.toString();
  }

  private static String details(Event e) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> f : e.fields().entrySet()) {
      // an approval's armored SSH signature is several lines of base64: text output only says it is there
      parts.add(f.getKey().equals("signature") ? "signed" : f.getKey() + "=" + f.getValue());
    }
    if (e.note() != null) {
      parts.add(e.note());
    }
    return String.join(", ", parts);
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }
}
