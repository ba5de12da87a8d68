package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.CheckOutput;
import dev.salesflow.cli.output.ProgressBar;
import dev.salesflow.cli.output.Reporter;
import dev.salesflow.cli.output.SourceLines;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CheckOptions;
import dev.salesflow.core.model.CheckReport;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.SlaMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "check", description = {
    "Validate the workspace and its cases (files, or the database of --store) without writing anything.",
    "Exit 0 when there are no errors (warnings allowed unless --strict), 1 on errors."})
final class CheckCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Case files or folders (default: the workspace's store).")
  List<Path> paths = List.of();

  @Option(names = "--sla", paramLabel = "error|warn|off", description = "How late and breached SLA clocks count (default: warn).")
  SlaMode sla = SlaMode.WARN;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(names = "--changed-since", paramLabel = "REF", description = {
      "Only the case files git lists as changed since REF (e.g. origin/main), and the workspace's files;",
      "every case when salesflow.yaml, the process or the calendar changed."})
  String changedSince;

  /** Most files checked at once: a thread each, and more than this never helps. */
  private static final int MAX_JOBS = 256;

  @Option(names = "--jobs", paramLabel = "N", description = "Files checked at once, 1 to 256 (default: the number of cores).")
  Integer jobs;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON, Format.JUNIT, Format.SARIF, Format.GITHUB);
  }

  @Override
  public Integer call() {
    Format format = root.explicitFormat() == null && "true".equals(root.context().env().get("GITHUB_ACTIONS"))
        ? Format.GITHUB
        : root.format(formats());
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1 || threads > MAX_JOBS) {
      throw new InvalidRequestException("--jobs must be from 1 to " + MAX_JOBS + ", got " + threads);
    }
    Path cwd = root.context().cwd();
    if (changedSince != null && (!paths.isEmpty() || root.store != null)) {
      throw new InvalidRequestException("--changed-since checks the workspace's changed case files; give no PATH or --store with it");
    }
    List<Path> targets = paths.stream().map(p -> cwd.resolve(p).normalize()).toList();
    Path workspace = root.workspaceRoot();
    var now = root.now(Salesflow.zoneOf(workspace)).toInstant();
    CheckReport report;
    try (ProgressBar progress = ProgressBar.over(root.context(), root.quiet(), "checking", "files", ProgressBar.THRESHOLD)) {
      CheckOptions options = new CheckOptions(now, sla, threads);
      report = changedSince == null
          ? Salesflow.check(workspace, root.store, cwd, targets, options, progress)
          : Salesflow.checkChangedSince(workspace, changedSince, options, progress);
    }
    PrintWriter out = root.context().out();
    var years = report.unknownYears().isEmpty() ? java.util.Map.<Integer, dev.salesflow.core.model.CalendarSource>of()
        : Warnings.sources(workspace, report.unknownYears());
    Warnings.unknownYears(root, years);
    switch (format) {
      case JSON -> {
        var json = CheckOutput.json(report, cwd);
        if (!years.isEmpty()) {
          json.put("calendar_fallback", Warnings.json(years));
        }
        out.println(CaseOutput.json(json));
      }
      case JUNIT -> out.print(CheckOutput.junit(report, cwd));
      case SARIF -> out.println(CaseOutput.json(CheckOutput.sarif(report, cwd, new VersionProvider().getVersion()[0].replace("salesflow ", ""))));
      case GITHUB -> out.print(CheckOutput.github(report, cwd, root.lang()));
      default -> text(report, cwd, out);
    }
    boolean failed = report.errors() > 0 || (strict && report.warnings() > 0);
    return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private void text(CheckReport report, Path cwd, PrintWriter out) {
    String lang = root.lang();
    SourceLines sources = new SourceLines();
    for (Diagnostic d : report.findings()) {
      Reporter.print(out, d, CheckOutput.line(d, cwd, lang), sources);
    }
    if (!root.quiet()) {
      root.context().err().println(Message.of(MessageKey.CHECKED,
          count(report.files().size(), MessageKey.ONE_FILE, MessageKey.FILES),
          count(report.errors(), MessageKey.ONE_ERROR, MessageKey.ERRORS),
          count(report.warnings(), MessageKey.ONE_WARNING, MessageKey.WARNINGS),
          report.imported() == 0 ? ""
              : Message.of(MessageKey.OPENED_BY_IMPORT, count(report.imported(), MessageKey.ONE_CASE, MessageKey.CASES)))
          .in(lang));
    }
  }

  private static Message count(long n, MessageKey one, MessageKey many) {
    return n == 1 ? Message.of(one) : Message.of(many, n);
  }
}
