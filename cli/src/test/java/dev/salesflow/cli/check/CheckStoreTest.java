package dev.salesflow.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the store that {@code --store} or {@code store:} names: a database's cases get
 * the same findings as the case files they were migrated from, placed in the database.
 */
class CheckStoreTest {
  /** Before some of the examples' events, so those are "after now"; SLA clocks late and breached too. */
  private static final String EARLY = "2026-11-10T12:00:00+08:00";

  @TempDir Path tmp;
  private Path ws;
  private Path db;

  @BeforeEach
  void workspaceWithAnIllegalEventMigratedToADatabase() throws Exception {
    ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    // lead -> negotiation skips two stages: migrate keeps it (lossless), check must report it
    Files.writeString(ws.resolve("cases/ACME-2026-005.yaml"),
        "  - {at: 2026-11-20T10:00:00+08:00, type: advance, to: negotiation, by: wang.fang}\n", StandardOpenOption.APPEND);
    db = ws.resolve("cases.db");
    CliRun migrated = CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", "sqlite:cases.db");
    assertThat(migrated.code()).as("%s", migrated).isZero();
  }

  @Test
  void aDatabaseGetsTheFindingsOfTheFilesItWasMigratedFrom() throws Exception {
    List<String> early = sameFindings(EARLY);
    assertThat(early).as("the kinds the files have").anyMatch(s -> s.startsWith("SF201"))
        .anyMatch(s -> s.contains("after now"));
    List<String> now = sameFindings(TestWorkspaces.NOW);
    assertThat(now).anyMatch(s -> s.startsWith("SF301 error"));
  }

  /** Checks files and database at {@code now} (SLA findings as errors); returns the files' findings. */
  private List<String> sameFindings(String now) throws Exception {
    CliRun files = CliRun.in(ws, "-w", ws.toString(), "--now", now, "check", "--sla", "error", "--format", "json");
    CliRun database = CliRun.in(ws, "-w", ws.toString(), "--now", now, "--store", "sqlite:cases.db",
        "check", "--sla", "error", "--format", "json");
    assertThat(files.code()).as("%s", files).isEqualTo(1);
    assertThat(database.code()).as("%s", database).isEqualTo(1);

    JsonNode fromFiles = new ObjectMapper().readTree(files.out());
    JsonNode fromDatabase = new ObjectMapper().readTree(database.out());
    List<String> expected = new ArrayList<>();
    for (JsonNode f : fromFiles.get("findings")) {
      expected.add(f.get("code").asText() + " " + f.get("severity").asText() + " " + f.get("case").asText() + ": "
          + f.get("message").asText());
    }
    List<String> actual = new ArrayList<>();
    for (JsonNode f : fromDatabase.get("findings")) {
      assertThat(f.get("file").asText()).isEqualTo("cases.db");
      assertThat(f.get("line").asInt()).isEqualTo(1);
      actual.add(f.get("code").asText() + " " + f.get("severity").asText() + " " + f.get("message").asText());
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(fromDatabase.get("errors").asInt()).isEqualTo(fromFiles.get("errors").asInt());
    assertThat(fromDatabase.get("warnings").asInt()).isEqualTo(fromFiles.get("warnings").asInt());
    return expected;
  }

  @Test
  void theStoreSettingIsCheckedWithoutStoreOption() throws Exception {
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: sqlite:cases.db\n", StandardOpenOption.APPEND);
    // the files no longer count: one with a syntax error would fail a check of the folder
    Files.writeString(ws.resolve("cases/ACME-2026-001.yaml"), "id: [unclosed\n");
    CliRun r = CliRun.in(ws, "-w", ws.toString(), "--now", TestWorkspaces.NOW, "check", "--sla", "off");
    assertThat(r.code()).as("%s", r).isEqualTo(1);
    assertThat(r.outLines()).containsExactly("cases.db:1:1: error: ACME-2026-005: event #1 (advance to negotiation): "
        + "cannot move from lead to negotiation (allowed: needs, lost (with a reason)) [SF201 illegal-event]");
    assertThat(r.err()).contains("Checked 2 files: 1 error, 0 warnings");
  }

  @Test
  void aFolderStoreIsCheckedAsCaseFiles() throws Exception {
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.copy(ws.resolve("cases/ACME-2026-005.yaml"), other.resolve("ACME-2026-005.yaml"));
    CliRun r = CliRun.in(tmp, "-w", ws.toString(), "--now", TestWorkspaces.NOW, "--store", "other", "check", "--sla", "off");
    assertThat(r.code()).as("%s", r).isEqualTo(1);
    assertThat(r.outLines()).first().asString().startsWith("other/ACME-2026-005.yaml:").contains("[SF201 illegal-event]");
    assertThat(r.err()).contains("Checked 2 files: 1 error");
  }

  @Test
  void aMissingDatabaseIsRefusedAndNotCreated() {
    CliRun r = CliRun.in(ws, "-w", ws.toString(), "--now", TestWorkspaces.NOW, "--store", "sqlite:missing.db", "check");
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains(ws.resolve("missing.db").toString()).contains("no database");
    assertThat(ws.resolve("missing.db")).doesNotExist();
    assertThat(db).exists();
  }
}
