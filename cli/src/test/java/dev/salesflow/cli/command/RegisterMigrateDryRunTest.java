package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register and migrate with --dry-run write nothing; register warns of a company and contact already registered. */
class RegisterMigrateDryRunTest {
  @TempDir Path dir;

  private CliRun sf(Path ws, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", TestWorkspaces.NOW));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new)).assertNoStackTrace();
  }

  private static List<String> files(Path folder) throws Exception {
    try (Stream<Path> s = Files.walk(folder)) {
      // regular files with their sizes and times; a folder's own time changes when SQLite makes and removes its -wal file
      return s.map(p -> folder.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + p.toFile().length() + ":" + p.toFile().lastModified()))
          .sorted().toList();
    }
  }

  private static final String[] DELTA = {"register", "--company", "Delta Tools", "--industry", "manufacturing",
      "--contact-name", "Wang Lei", "--source", "online", "--priority", "B", "--owner", "li.na"};

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void registerDryRunWritesNothingAndSaysWhatWouldBeRegistered() throws Exception {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    List<String> before = files(ws);
    CliRun dry = sf(ws, with(DELTA, "--dry-run"));
    assertThat(dry.code()).as("%s", dry).isZero();
    assertThat(dry.err()).contains("would register ACME-2026-?", "Delta Tools", "dry run, nothing written");
    assertThat(dry.out()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(sf(ws, with(DELTA, "--dry-run", "--format", "json")).out());
    assertThat(json.get("dry_run").asBoolean()).isTrue();
    assertThat(json.get("stage").asText()).isEqualTo("lead");
    CliRun bad = sf(ws, with(DELTA, "--dry-run", "--email", "not-an-address"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("email 'not-an-address' is not an e-mail address");
    assertThat(files(ws)).as("nothing written").isEqualTo(before);
  }

  @Test
  void registerWarnsOfACompanyAndContactAlreadyRegisteredAsImportDoes() throws Exception {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun first = sf(ws, DELTA);
    assertThat(first.code()).isZero();
    assertThat(first.err()).doesNotContain("already registered");
    String id = first.out().strip();
    // the duplicate rule of import: folded case and blanks
    String[] same = DELTA.clone();
    same[2] = "DELTA  tools";
    CliRun again = sf(ws, with(same, "--format", "json"));
    assertThat(again.code()).isZero();
    assertThat(again.err()).contains("warning: DELTA  tools / Wang Lei is already registered as " + id + "; registered again");
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("already_registered").get(0).asText()).isEqualTo(id);
    assertThat(json.get("dry_run").asBoolean()).isFalse();
  }

  @Test
  void theWarningFindsTheCurrentRegistrationAndNamesWrittenWithEscapesInCaseFiles() throws Exception {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    String id = sf(ws, DELTA).out().strip();
    // the contact corrected afterwards: the warning follows the current registration, not the header
    assertThat(sf(ws, "edit", id, "--set", "contact_name=Zhou Min", "--reason", "wrong person").code()).isZero();
    assertThat(sf(ws, DELTA).err()).doesNotContain("already registered as " + id);
    // a file whose name is spelled with a YAML escape: read as a case, though its text lacks the word
    Path file = ws.resolve("cases").resolve(id + ".yaml");
    Files.writeString(file, Files.readString(file).replace("Zhou Min", "\"Zh\\u006Fu Min\""));
    String[] zhouMin = DELTA.clone();
    zhouMin[6] = "zhou  min";
    CliRun zhou = sf(ws, zhouMin);
    assertThat(zhou.code()).as("%s", zhou).isZero();
    assertThat(zhou.err()).contains("is already registered as " + id + ";");
  }

  @Test
  void migrateDryRunWritesNothingAndRefusesATargetHoldingCases() throws Exception {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    int cases;
    try (Stream<Path> s = Files.list(ws.resolve("cases"))) {
      cases = (int) s.filter(p -> p.toString().endsWith(".yaml")).count();
    }
    Path db = dir.resolve("c.db");
    CliRun dry = sf(ws, "migrate", "--to", "sqlite:" + db, "--dry-run");
    assertThat(dry.code()).as("%s", dry).isZero();
    assertThat(dry.err()).contains("would migrate " + cases + " cases", "(would be created)", "dry run, nothing written");
    assertThat(db).doesNotExist();
    assertThat(dir.resolve("c.db-wal")).doesNotExist();
    assertThat(sf(ws, "migrate", "--to", "sqlite:" + db).code()).isZero();
    List<String> before = files(dir);
    CliRun full = sf(ws, "migrate", "--to", "sqlite:" + db, "--dry-run");
    assertThat(full.code()).isEqualTo(2);
    assertThat(full.err()).contains("already holds cases");
    CliRun folder = sf(ws, "migrate", "--to", ws.resolve("cases").toString(), "--dry-run");
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).contains("already holds cases");
    assertThat(files(dir)).as("nothing written").isEqualTo(before);
  }
}
