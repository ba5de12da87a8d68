package dev.salesflow.cli.launch;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.Main;
import dev.salesflow.cli.command.SalesflowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's training run for the class-data-sharing archive: runs the everyday read-only
 * commands in-process, so {@code -XX:DumpLoadedClassList} records every class they load. Writes
 * nothing to the workspace and prints nothing.
 *
 * <pre>java -XX:DumpLoadedClassList=F -cp salesflow.jar dev.salesflow.cli.launch.CdsTraining [WORKSPACE]</pre>
 */
public final class CdsTraining {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  private CdsTraining() {}

  public static void main(String[] args) {
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"--version"});
    runs.add(new String[] {"--help"});
    runs.add(new String[] {"show", "--help"});
    if (args.length > 0 && Files.isRegularFile(Path.of(args[0], "salesflow.yaml"))) {
      String ws = args[0];
      String id = firstCase(Path.of(ws, "cases"));
      runs.add(new String[] {"-w", ws, "--now", NOW, "list"});
      runs.add(new String[] {"-w", ws, "--now", NOW, "list", "--format", "json"});
      runs.add(new String[] {"-w", ws, "--now", NOW, "overdue"});
      runs.add(new String[] {"-w", ws, "--now", NOW, "overdue", "--format", "json"});
      runs.add(new String[] {"-w", ws, "--now", NOW, "check", "--jobs", "1"});
      if (id != null) {
        runs.add(new String[] {"-w", ws, "--now", NOW, "show", id});
        runs.add(new String[] {"-w", ws, "--now", NOW, "show", id, "--format", "json"});
        runs.add(new String[] {"-w", ws, "--now", NOW, "advance", id, "--to", "lost", "--reason", "x", "--dry-run"});
      }
      runs.add(new String[] {"-w", ws, "show", "NO-SUCH-CASE"});
    }
    runAll(runs);
    if (!runs.isEmpty() && args.length > 0) {
      trainSqlite(args[0], firstCase(Path.of(args[0], "cases")));
    }
  }

  /** The same reads against a SQLite copy of the workspace, made in a temporary folder and removed. */
  private static void trainSqlite(String ws, String id) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("salesflow-cds");
      String store = "sqlite:" + dir.resolve("cases.db");
      List<String[]> runs = new ArrayList<>();
      runs.add(new String[] {"-w", ws, "-q", "migrate", "--to", store});
      runs.add(new String[] {"-w", ws, "--store", store, "--now", NOW, "overdue"});
      runs.add(new String[] {"-w", ws, "--store", store, "--now", NOW, "overdue", "--format", "json"});
      runs.add(new String[] {"-w", ws, "--store", store, "--now", NOW, "list", "--format", "json"});
      if (id != null) {
        runs.add(new String[] {"-w", ws, "--store", store, "--now", NOW, "show", id});
      }
      runAll(runs);
    } catch (java.io.IOException e) {
      // no temporary folder: the archive just lacks the SQLite classes
    } finally {
      deleteTree(dir);
    }
  }

  private static void runAll(List<String[]> runs) {
    for (String[] run : runs) {
      StringWriter sink = new StringWriter();
      PrintWriter out = new PrintWriter(sink);
      Main.run(out, out, Map.of(), Path.of(""), run);
      // and through picocli, which reads whatever QuickArgs leaves to it
      Main.viaPicocli(new SalesflowCommand(new CliContext(out, out, Map.of(), Path.of(""))), run);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  private static String firstCase(Path cases) {
    try (var files = Files.list(cases)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.startsWith("."))
          .sorted()
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .findFirst()
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
