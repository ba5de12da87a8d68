package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write refuses what check reports as an error: an issue solved or answered that was never reported (SF205). */
class LogPairingTest {
  private static final String NOW = "2026-11-27T10:00:00+08:00";

  @TempDir Path dir;

  @Test
  void anUnreportedIssueCannotBeSolvedAndNothingIsWritten() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path file = ws.resolve("cases/ACME-2026-013.yaml");
    String before = Files.readString(file);
    for (String dryRun : new String[] {"--dry-run", "--note=x"}) {
      CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-013", "issue_resolved",
          "--set", "issue=I-9", dryRun);
      assertThat(refused.code()).as("%s", refused).isEqualTo(1);
      assertThat(refused.err()).contains("cannot record 'issue_resolved'",
          "'issue_resolved' issue=I-9 has no earlier 'issue_reported' with that issue [SF205 unpaired-issue]");
    }
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "check", ws.resolve("cases/ACME-2026-013.yaml").toString()).code()).isZero();
    // Q-2 was reported: answering and solving it are written, and check still passes
    for (String type : new String[] {"issue_responded", "issue_resolved"}) {
      CliRun ok = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-013", type, "--set", "issue=Q-2");
      assertThat(ok.code()).as("%s", ok).isZero();
    }
    assertThat(CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "check", ws.resolve("cases/ACME-2026-013.yaml").toString()).code()).isZero();
  }
}
