package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a relative store path points ({@code --store} from the working folder, {@code store:} in
 * salesflow.yaml from the workspace), and that only commands writing new cases create a database.
 */
class StorePathCliTest {
  @TempDir Path tmp;

  static Stream<List<String>> nonCreating() {
    return Stream.of(
        List.of("list"),
        List.of("list", "--format", "json"),
        List.of("show", "ACME-2026-001"),
        List.of("overdue", "--now", TestWorkspaces.NOW),
        List.of("report", "all", "--now", TestWorkspaces.NOW),
        List.of("export", "-"),
        List.of("log", "ACME-2026-001", "note", "--by", "zhang.wei", "--now", TestWorkspaces.NOW),
        List.of("advance", "ACME-2026-001", "--to", "contacted", "--by", "zhang.wei", "--now", TestWorkspaces.NOW),
        List.of("migrate", "--to", "copy-out"),
        List.of("check", "--now", TestWorkspaces.NOW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonCreating")
  void aCommandThatAddsNoCaseRefusesAMissingDatabaseAndCreatesNothing(List<String> command) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path cwd = Files.createDirectories(tmp.resolve("elsewhere"));
    Path missing = cwd.resolve("missing.db");
    List<Path> before = listing(tmp);

    CliRun r = run(cwd, ws, List.of("--store", "sqlite:missing.db"), command);
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).as("%s", r).contains(missing.toString()).contains("no database");
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);

    // the same through the workspace's own store: setting
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: sqlite:data/cases.db\n", java.nio.file.StandardOpenOption.APPEND);
    Files.createDirectories(ws.resolve("data"));
    before = listing(tmp);
    CliRun viaSetting = run(cwd, ws, List.of(), command);
    assertThat(viaSetting.code()).as("%s", viaSetting).isEqualTo(3);
    assertThat(viaSetting.err()).contains(ws.resolve("data/cases.db").toString());
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);
  }

  @Test
  void anImportThatAddsNoCaseCreatesNoDatabase() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path cwd = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(cwd.resolve("leads.csv"), "company,industry,contact_name,phone,source,priority,owner\n"
        + "Nordic Pumps AB,pumps,Erik Lund,+46 8 555 0101,online,B,li.na\n");
    List<Path> before = listing(tmp);

    CliRun dryRun = run(cwd, ws, List.of("--store", "sqlite:new.db"), List.of("import", "leads.csv", "--dry-run"));
    assertThat(dryRun.code()).as("%s", dryRun).isEqualTo(3);
    CliRun missingList = run(cwd, ws, List.of("--store", "sqlite:new.db"), List.of("import", "no-such.csv"));
    assertThat(missingList.code()).as("%s", missingList).isEqualTo(3);
    assertThat(missingList.err()).contains("no-such.csv");
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);

    CliRun real = run(cwd, ws, List.of("--store", "sqlite:new.db"), List.of("import", "leads.csv"));
    assertThat(real.code()).as("%s", real).isZero();
    assertThat(cwd.resolve("new.db")).exists();
  }

  @Test
  void aRelativeStoreOptionIsTakenFromTheWorkingFolder() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path cwd = Files.createDirectories(tmp.resolve("elsewhere"));
    CliRun migrated = CliRun.in(cwd, "-w", ws.toString(), "migrate", "--to", "sqlite:copy.db");
    assertThat(migrated.code()).as("%s", migrated).isZero();
    assertThat(cwd.resolve("copy.db")).exists();
    assertThat(ws.resolve("copy.db")).doesNotExist();

    CliRun registered = CliRun.in(cwd, "-w", ws.toString(), "--store", "sqlite:new.db", "register",
        "--company", "X", "--industry", "retail", "--contact-name", "Li", "--phone", "1", "--source", "online",
        "--priority", "B", "--owner", "li.na", "--now", TestWorkspaces.NOW);
    assertThat(registered.code()).as("%s", registered).isZero();
    assertThat(cwd.resolve("new.db")).exists();
    assertThat(ws.resolve("new.db")).doesNotExist();

    CliRun listed = CliRun.in(cwd, "-w", ws.toString(), "--store", "sqlite:copy.db", "list", "--format", "json");
    assertThat(listed.code()).as("%s", listed).isZero();
    assertThat(listed.out()).contains("ACME-2026-001");
  }

  @Test
  void aRelativeStoreSettingIsTakenFromTheWorkspace() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path cwd = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createDirectories(ws.resolve("data"));
    CliRun migrated = CliRun.in(cwd, "-w", ws.toString(), "migrate", "--to", "sqlite:" + ws.resolve("data/cases.db"));
    assertThat(migrated.code()).as("%s", migrated).isZero();
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: sqlite:data/cases.db\n", java.nio.file.StandardOpenOption.APPEND);
    Files.createDirectories(cwd.resolve("data"));

    CliRun listed = CliRun.in(cwd, "-w", ws.toString(), "list", "--format", "json");
    assertThat(listed.code()).as("%s", listed).isZero();
    assertThat(listed.out()).contains("ACME-2026-001");
    assertThat(cwd.resolve("data/cases.db")).doesNotExist();
  }

  private static CliRun run(Path cwd, Path ws, List<String> store, List<String> command) {
    List<String> args = new java.util.ArrayList<>(List.of("-w", ws.toString()));
    args.addAll(store);
    args.addAll(command);
    return CliRun.in(cwd, args.toArray(String[]::new));
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }
}
