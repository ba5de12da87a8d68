package dev.salesflow.cli;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.store.CaseStore;
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

  @Option(names = "--to", required = true, paramLabel = "STORE", description = "Target: sqlite:FILE or a folder.")
  String to;

  @Override
  public Integer call() {
    try (Salesflow flow = root.openExisting();
        CaseStore target = flow.workspace().openStore(to, root.context().cwd())) {
      if (!to.startsWith("sqlite:")) {
        java.nio.file.Files.createDirectories(root.context().cwd().resolve(to));
      }
      int copied = flow.migrateTo(target, done -> { });
      if (!root.quiet()) {
        root.context().err().println("migrated " + copied + " cases from " + flow.store().describe() + " to " + target.describe());
      }
      return ExitCode.OK.code();
    } catch (java.io.IOException e) {
      throw new dev.salesflow.core.api.StoreException("cannot create " + to + ": " + e.getMessage(), e);
    }
  }
}
