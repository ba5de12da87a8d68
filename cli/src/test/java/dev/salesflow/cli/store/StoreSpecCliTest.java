package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store spec of no known kind ({@code postgres://…}, {@code mysql:x}) is a usage error naming
 * the kinds there are, never a folder created under that name; a folder whose name has a ':' is
 * still reachable as {@code ./NAME}.
 */
class StoreSpecCliTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @TempDir Path tmp;

  @ParameterizedTest(name = "migrate --to {0}")
  @ValueSource(strings = {"postgres://sf@127.0.0.1:5432/sales", "mysql:x", "SQLite:cases.db"})
  void migrateToAStoreOfNoKnownKindIsRefusedAndCreatesNothing(String spec) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    List<Path> before = listing(tmp);

    CliRun r = CliRun.in(ws, "migrate", "--to", spec);

    assertThat(r.code()).as("%s", r).isEqualTo(2);
    assertRefusal(r, spec);
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);
  }

  @ParameterizedTest(name = "--store {0}")
  @ValueSource(strings = {"postgres://sf@127.0.0.1:5432/sales", "mysql:x"})
  void aStoreOptionOfNoKnownKindIsRefusedAndCreatesNothing(String spec) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    List<Path> before = listing(tmp);

    for (String[] command : List.of(new String[] {"list"}, new String[] {"show", "ACME-2026-001"},
        new String[] {"check", "--now", NOW}, new String[] {"register", "--company", "X", "--industry", "retail",
            "--contact-name", "Li", "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na",
            "--now", NOW})) {
      String[] args = Stream.concat(Stream.of("--store", spec), Stream.of(command)).toArray(String[]::new);
      CliRun r = CliRun.in(ws, args);
      assertThat(r.code()).as("%s: %s", String.join(" ", args), r).isEqualTo(2);
      assertRefusal(r, spec);
    }
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);
  }

  @Test
  void aStoreSettingOfNoKnownKindIsRefused() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: \"mysql:x\"\n", StandardOpenOption.APPEND);
    List<Path> before = listing(tmp);

    CliRun r = CliRun.in(ws, "list");

    assertThat(r.code()).as("%s", r).isEqualTo(2);
    assertRefusal(r, "mysql:x");
    assertThat(listing(tmp)).as("nothing created").isEqualTo(before);
  }

  @Test
  void aFolderWhoseNameHasAColonIsWrittenWithDotSlash() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));

    CliRun migrated = CliRun.in(ws, "migrate", "--to", "./backup:2026");

    assertThat(migrated.code()).as("%s", migrated).isZero();
    assertThat(ws.resolve("backup:2026/ACME-2026-001.yaml")).isRegularFile();
    CliRun listed = CliRun.in(ws, "--store", "./backup:2026", "list", "--format", "json");
    assertThat(listed.code()).as("%s", listed).isZero();
    assertThat(listed.out()).contains("ACME-2026-001");
  }

  private static void assertRefusal(CliRun r, String spec) {
    assertThat(r.err()).as("%s", r)
        .contains("unknown store kind '" + spec.substring(0, spec.indexOf(':')) + "' in '" + spec + "'")
        .contains("known kinds are a folder of case files (DIR), sqlite:FILE and postgresql://USER@HOST:PORT/DB")
        .contains("a folder whose name contains ':' can be written as ./NAME");
    assertThat(r.out()).isEmpty();
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }
}
