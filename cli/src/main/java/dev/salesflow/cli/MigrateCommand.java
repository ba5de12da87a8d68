package dev.salesflow.cli;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.store.CaseStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
    Path target = root.context().cwd().resolve(to.startsWith("sqlite:") ? to.substring("sqlite:".length()) : to).normalize();
    boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    try {
      return migrate();
    } catch (RuntimeException e) {
      if (!existed) {
        removeCreated(target, to.startsWith("sqlite:"));
      }
      throw e;
    }
  }

  /**
   * A failed migration (a full disk, say) leaves no half-made target behind: what it created is
   * removed, the database with its -wal, -shm and -journal files, or the new folder.
   */
  private static void removeCreated(Path target, boolean database) {
    try {
      if (database) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
        }
      } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> walk = Files.walk(target)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | UncheckedIOException ignored) {
      // the migration already failed with its own message; a left-over target is refused as not empty
    }
  }

  private int migrate() {
    try (Salesflow flow = root.open();
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
