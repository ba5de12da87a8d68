package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RegistrationField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "edit", description = {
    "Correct registration fields of a case (an appended, audited event; the header stays as written).",
    "FIELD is a register option without its dashes (company, industry, size, contact-name, contact-title,",
    "phone, email, source, priority, need); an empty VALUE removes an optional field."})
final class EditCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;
  @Mixin CorrectionOptions options;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE", description = "A new value (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    Map<RegistrationField, String> changes = new LinkedHashMap<>();
    set.forEach((name, value) -> changes.put(field(name), value));
    try (Salesflow flow = root.openExisting()) {
      var zone = flow.zone();
      Format format = root.format(formats());
      Case c = flow.edit(caseId, changes, options.reason, SalesflowCommand.timestamp("--at", options.at, zone),
          flow.currentPerson(options.by, root.context().env().get("SALESFLOW_USER")), root.now(zone), options.dryRun);
      Event e = c.events().get(c.events().size() - 1);
      List<String> changed = new ArrayList<>();
      e.fields().forEach((path, value) -> RegistrationField.ofPath(path)
          .ifPresent(f -> changed.add(f.flag() + (value.isEmpty() ? " removed" : " = " + value))));
      return options.report(root, format, caseId, e.type(), e.fields(), String.join(", ", changed));
    }
  }

  /** The field {@code name} stands for: a register option, a lead-list column or a case file path. */
  private static RegistrationField field(String name) {
    return RegistrationField.ofHeader(name).or(() -> RegistrationField.ofPath(name))
        .orElseThrow(() -> new InvalidRequestException("unknown field '" + name + "' in --set (fields: company, industry,"
            + " size, contact-name, contact-title, phone, email, source, priority, need)"));
  }
}
