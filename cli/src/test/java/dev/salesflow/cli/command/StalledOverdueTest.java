package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stalled-deal rule: {@code overdue} lists a deal without activity for longer than its stage
 * allows, the same from the case files as from SQLite's materialised clocks, each event restarting it.
 */
class StalledOverdueTest {
  private static final String NOW = "2026-12-31T10:00:00+08:00";

  @TempDir Path dir;

  @Test
  void aDealWithoutActivityIsStalledOnEveryStoreAndAnEventRestartsIt() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    // ACME-2026-002 sits in negotiation since its legal review of Nov 20: allow it 20 days there
    Files.writeString(ws.resolve("salesflow.yaml"), "\nsla:\n  - {id: stalled, idle: {negotiation: 20 days}}\n",
        StandardOpenOption.APPEND);
    CliRun folder = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "overdue", "--rule", "stalled", "--format", "csv");
    assertThat(folder.code()).as("%s", folder).isEqualTo(1);
    assertThat(folder.out()).contains("ACME-2026-002").contains("stalled").contains("negotiation");
    CliRun json = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "overdue", "--rule", "stalled", "--format", "json");
    assertThat(json.out()).contains("\"stalled\"").contains("ACME-2026-002");

    Path db = dir.resolve("acme.db");
    assertThat(CliRun.in(dir, "-w", ws.toString(), "migrate", "--to", "sqlite:" + db).code()).isZero();
    CliRun sqlite = CliRun.in(dir, "-w", ws.toString(), "--store", "sqlite:" + db, "--now", NOW,
        "overdue", "--rule", "stalled", "--format", "csv");
    assertThat(sqlite.out()).as("materialised clocks agree with replay").isEqualTo(folder.out());

    // a note on Dec 30 is activity: the deal is no longer stalled, in the database at once
    CliRun note = CliRun.in(dir, "-w", ws.toString(), "--store", "sqlite:" + db, "--now", NOW,
        "log", "ACME-2026-002", "note", "--at", "2026-12-30T10:00", "--by", "li.na", "--note", "客户回复");
    assertThat(note.code()).as("%s", note).isZero();
    CliRun after = CliRun.in(dir, "-w", ws.toString(), "--store", "sqlite:" + db, "--now", NOW,
        "overdue", "--rule", "stalled", "--format", "csv");
    assertThat(after.out()).doesNotContain("ACME-2026-002");
  }

  @Test
  void anIdleTimeForAStageThatDoesNotExistIsRefused() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Files.writeString(ws.resolve("salesflow.yaml"), "\nsla:\n  - {id: stalled, idle: {negotiaton: 20 days}}\n",
        StandardOpenOption.APPEND);
    CliRun run = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "overdue");
    assertThat(run.code()).as("%s", run).isNotZero();
    assertThat(run.err()).contains("'idle' names no open stage: 'negotiaton'");
  }
}
