package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseCsv;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.FormHtml;
import dev.salesflow.cli.output.FormOutput;
import dev.salesflow.cli.output.TerminalWriter;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.FilledForm;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RegistrationField;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "export", description = {
    "Write every case's registration (or, with --events, every event) as CSV, to FILE or to stdout ('-').",
    "Case columns are the fields 'import' reads, so export then import copies cases to another workspace.",
    "A cell starting with = + - @, a tab or a carriage return gets a leading ' so spreadsheets show it as text"
        + " instead of running it as a formula; 'import' removes that quote again.",
    "With --form TYPE CASE: the case's filled TYPE form (e.g. delivery_accepted, to print and sign) as one"
        + " printable HTML page (A4), in --lang en or zh, to stdout or -o FILE."})
final class ExportCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  // a path, so that shells complete file names (a label like FILE|- would complete those two words)
  @Parameters(paramLabel = "TARGET", description = "The CSV file to write, or '-' for stdout; with --form, the case.")
  Path targetPath;
  @Option(names = "--events", description = "Export every event of every case instead of the cases.") boolean events;
  @Option(names = "--bom", description = "Start FILE with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
  boolean bom;
  @Option(names = "--form", paramLabel = "TYPE", description = "Write the case's filled form of the event type TYPE"
      + " as a printable HTML page instead.") String formType;
  @Option(names = "--occurrence", paramLabel = "N", description = "With --form: the case's Nth event of TYPE, from 1"
      + " (default: the latest).") Integer occurrence;
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "With --form: write the page to FILE"
      + " (default: stdout).") Path output;

  private String target;

  @Override
  public List<Format> formats() {
    return List.of(Format.CSV);
  }

  @Override
  public Integer call() {
    target = targetPath.toString();
    if (formType != null) {
      return form();
    }
    if (occurrence != null || output != null) {
      throw new InvalidRequestException("export: --occurrence and --output go with --form TYPE");
    }
    if (root.explicitFormat() != null && !formats().contains(root.explicitFormat())) {
      throw new InvalidRequestException("export writes CSV; --format " + root.explicitFormat().label() + " is not supported here");
    }
    try (Salesflow flow = root.openExisting()) {
      if (target.equals("-")) {
        TerminalWriter.machineOutput(root.context().out(), true);
        write(flow, root.context().out());
        return ExitCode.OK.code();
      }
      Path file = root.context().cwd().resolve(target);
      ExportFile.refuse(flow, file, target, "the CSV");
      int[] rows = new int[1];
      ExportFile.replace(file, out -> {
        if (bom) {
          out.write('\uFEFF');
        }
        rows[0] = write(flow, out);
      });
      if (!root.quiet()) {
        root.context().err().println("Wrote " + rows[0] + (events ? " events" : " cases") + " to " + target);
      }
      return ExitCode.OK.code();
    }
  }

  /** The HTML page of one filled form: {@code export --form TYPE CASE [--occurrence N] [-o FILE]}. */
  private int form() {
    if (events || bom) {
      throw new InvalidRequestException("export --form writes an HTML page; --events and --bom are for the CSV export");
    }
    if (root.explicitFormat() != null && root.explicitFormat() != Format.HTML) {
      throw new InvalidRequestException("export --form writes HTML; --format " + root.explicitFormat().label()
          + " is not supported here");
    }
    try (Salesflow flow = root.openExisting()) {
      List<FilledForm> forms = flow.forms(target, formType, root.lang());
      if (forms.isEmpty()) {
        root.context().err().println("salesflow: " + FormOutput.none(target, formType, flow.process().eventLabel(formType, root.lang())));
        return ExitCode.FINDINGS.code();
      }
      int n = occurrence == null ? forms.size() : occurrence;
      if (n < 1 || n > forms.size()) {
        throw new InvalidRequestException("export: case " + target + " has " + forms.size() + " '" + formType
            + "' event" + (forms.size() == 1 ? "" : "s") + "; --occurrence takes 1 to " + forms.size());
      }
      FilledForm form = forms.get(n - 1);
      if (occurrence == null && forms.size() > 1 && !root.quiet()) {
        root.context().err().println("salesflow: case " + target + " has " + forms.size() + " '" + formType
            + "' events; exporting the latest (event #" + form.eventNumber() + ", " + CaseOutput.shortTime(form.at(), flow.zone())
            + "); --occurrence N exports another");
      }
      String page = FormHtml.page(form, n, forms.size(), flow.zone(), root.lang());
      if (output == null || output.toString().equals("-")) {
        TerminalWriter.machineOutput(root.context().out(), true);
        root.context().out().print(page);
        return ExitCode.OK.code();
      }
      Path file = root.context().cwd().resolve(output);
      ExportFile.refuse(flow, file, output.toString(), "the page");
      ExportFile.replace(file, out -> out.write(page));
      if (!root.quiet()) {
        root.context().err().println("Wrote the " + formType + " form of " + target + " to " + output);
      }
      return ExitCode.OK.code();
    }
  }

  /** Streams the cases (or events) to {@code out} as they are read; returns how many rows. */
  private int write(Salesflow flow, Appendable out) {
    return events
        ? CaseCsv.events(out, flow.process().eventColumns(), flow::forEachStored)
        : CaseCsv.cases(out, flow.zone(), cases -> flow.forEachStanding(CaseFilter.ALL, EnumSet.allOf(RegistrationField.class), cases));
  }
}
