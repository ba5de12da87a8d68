package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.RegistrationField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The options are those of {@link RegistrationField}'s flags ({@code ProblemWordingTest} checks it). */
@Command(mixinStandardHelpOptions = true, name = "register", description = "Register a new case (customer registration form) and print its id.")
final class RegisterCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Option(names = "--company", description = "Customer company (required).") String company;
  @Option(names = "--industry", description = "Industry (required).") String industry;
  @Option(names = "--size", description = "Company size.") String size;
  @Option(names = "--contact-name", description = "Contact person (required).") String contactName;
  @Option(names = "--contact-title", description = "Contact's title.") String contactTitle;
  @Option(names = "--phone", description = "Contact phone.") String phone;
  @Option(names = "--email", description = "Contact e-mail.") String email;
  @Option(names = "--source", description = "Source channel: exhibition, online, referral, research, other (required).") String source;
  @Option(names = "--priority", description = "A (high intent), B or C (required).") String priority;
  @Option(names = "--owner", description = "Sales rep owning the case (required).") String owner;
  @Option(names = "--need", description = "Initial need.") String need;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "Registration time (default: now).") String at;
  @Option(names = "--id", description = "Case id (default: the next <prefix>-<year>-<NNN>).") String id;
  @Option(names = "--dry-run", description = "Only check the registration and say what would be registered; write nothing.") boolean dryRun;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    try (Salesflow flow = root.open()) {
      root.readsOthersOnlyToAdvise();
      RegisterPrompt.askForMissing(this, flow.process(), root.context(), root.messageLanguage());
      var zone = flow.zone();
      Registration r = new Registration(id, company, industry, size, contactName, contactTitle, phone, email,
          source, priority, owner, need, SalesflowCommand.timestamp("--at", at, zone));
      var now = root.now(zone);
      Format format = root.format(formats());
      List<String> already = company == null || contactName == null ? List.of() : flow.registeredAs(company, contactName);
      if (!already.isEmpty()) {
        root.context().err().println("salesflow: warning: " + company + " / " + contactName + " is already registered as "
            + String.join(", ", already) + (dryRun ? "" : "; registered again"));
      }
      Case c = dryRun ? flow.registerDryRun(r, now) : flow.register(r, now);
      if (format == Format.JSON) {
        var view = dryRun ? flow.replay(c) : flow.show(c.id());
        // the clocks the registration started (first contact), as show lists them
        Map<String, Object> json = new LinkedHashMap<>(CaseOutput.detail(view, flow.clocks(view, now).clocks(), zone));
        json.put("dry_run", dryRun);
        json.put("already_registered", already);
        root.context().out().println(CaseOutput.json(json));
      } else if (dryRun) {
        root.context().err().println("would register " + c.id() + " (" + company + ") (dry run, nothing written)");
      } else {
        root.context().out().println(c.id());
      }
      return ExitCode.OK.code();
    }
  }

  /** The option given for {@code field}, as typed; null when not given. */
  String option(RegistrationField field) {
    return switch (field) {
      case ID -> id;
      case COMPANY -> company;
      case INDUSTRY -> industry;
      case SIZE -> size;
      case CONTACT_NAME -> contactName;
      case CONTACT_TITLE -> contactTitle;
      case PHONE -> phone;
      case EMAIL -> email;
      case SOURCE -> source;
      case PRIORITY -> priority;
      case OWNER -> owner;
      case NEED -> need;
      case REGISTERED_AT -> at;
    };
  }

  /** Sets the option for {@code field}, as if it had been typed. */
  void setOption(RegistrationField field, String value) {
    switch (field) {
      case ID -> id = value;
      case COMPANY -> company = value;
      case INDUSTRY -> industry = value;
      case SIZE -> size = value;
      case CONTACT_NAME -> contactName = value;
      case CONTACT_TITLE -> contactTitle = value;
      case PHONE -> phone = value;
      case EMAIL -> email = value;
      case SOURCE -> source = value;
      case PRIORITY -> priority = value;
      case OWNER -> owner = value;
      case NEED -> need = value;
      case REGISTERED_AT -> at = value;
    }
  }
}
