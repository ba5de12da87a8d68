package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.output.ProgressBar;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Migration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "migrate", description = {
    "Copy every case into another, empty store, losslessly.",
    "  salesflow migrate --to sqlite:cases.db     (folder of case files -> SQLite)",
    "  salesflow --store sqlite:cases.db migrate --to cases-out   (SQLite -> case files)"})
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Option(names = "--to", required = true, paramLabel = "STORE", description = "Target: sqlite:FILE, postgresql://USER@HOST:PORT/DB or a folder.")
  String to;
  @Option(names = "--dry-run", description = "Only say what would be copied where, and whether the target can take it; write nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (dryRun) {
      try (Salesflow flow = root.openExisting()) {
        Migration plan = flow.migratePlan(to, root.context().cwd());
        root.context().err().println("would migrate " + plan.cases() + " cases from " + plan.from() + " to " + plan.to()
            + " (dry run, nothing written)");
        return ExitCode.OK.code();
      }
    }
    // a SIGTERM or Ctrl-C removes the partial target before the JVM exits; after SIGKILL it stays
    // marked unfinished, refused by every command, and running this again replaces it
    try (StopOnSignal signal = new StopOnSignal(); Salesflow flow = root.openExisting();
        ProgressBar progress = ProgressBar.over(root.context(), root.quiet(), "migrating", "cases", ProgressBar.THRESHOLD)) {
      Migration done = flow.migrateTo(to, root.context().cwd(), signal.around(progress, "migrate"));
      progress.close();
      if (!root.quiet()) {
        root.context().err().println("migrated " + done.cases() + " cases from " + done.from() + " to " + done.to());
      }
      return ExitCode.OK.code();
    }
  }
}
