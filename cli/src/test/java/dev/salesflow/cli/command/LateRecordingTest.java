package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event remembered late is recorded with the time it happened: appended at the end of the file
 * with {@code recorded_at}, replayed where it belongs; one that would change what happened after
 * it is refused.
 */
class LateRecordingTest {
  private static final String NOW = "2026-11-27T10:00:00+08:00";

  @TempDir Path dir;

  @Test
  void aMeetingRememberedLateIsAppendedWithWhenItWasWritten() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path file = ws.resolve("cases/ACME-2026-002.yaml");
    String before = Files.readString(file);
    // the case's last event is the legal review of Nov 20; the meeting was on Nov 19
    CliRun late = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-002", "meeting",
        "--at", "2026-11-19T10:00", "--by", "li.na", "--note", "客户拜访，补记");

    assertThat(late.code()).as("%s", late).isZero();
    String after = Files.readString(file);
    assertThat(after).startsWith(before);
    assertThat(after.substring(before.length()).strip())
        .startsWith("- {at: 2026-11-19T10:00:00+08:00, type: meeting")
        .contains("recorded_at: ", "2026-11-27T10:00:00+08:00");
    CliRun check = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "check", file.toString());
    assertThat(check.out() + check.err()).doesNotContain("SF201", "SF203");
    CliRun export = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "export", "--events", "-");
    assertThat(export.code()).as("%s", export).isZero();
    assertThat(export.out().lines().findFirst().orElseThrow()).endsWith(",note,recorded_at");
    assertThat(export.out()).contains("2026-11-27T10:00:00+08:00");
  }

  @Test
  void anEventInTimeOrderGetsNoRecordedAt() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path file = ws.resolve("cases/ACME-2026-002.yaml");
    CliRun ok = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-002", "meeting",
        "--at", "2026-11-21T10:00", "--by", "li.na");

    assertThat(ok.code()).as("%s", ok).isZero();
    assertThat(Files.readString(file)).doesNotContain("recorded_at");
  }

  @Test
  void aLateMoveThatWouldMakeALaterEventIllegalIsRefusedAndNothingIsWritten() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path file = ws.resolve("cases/ACME-2026-002.yaml");
    String before = Files.readString(file);
    CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "advance", "ACME-2026-002", "--to", "lost",
        "--reason", "预算取消", "--at", "2026-11-01T10:00", "--by", "li.na");

    assertThat(refused.code()).as("%s", refused).isEqualTo(1);
    assertThat(refused.err()).contains("cannot advance to lost at 2026-11-01T10:00:00+08:00",
        "it would make the later event #26 (meeting at 2026-11-05T14:00:00+08:00) illegal",
        "the case is lost");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void aLateEventIsJudgedInTheStageItHappenedIn() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-002", "contract_signed",
        "--set", "amount=980000", "--at", "2026-10-20T10:00", "--by", "li.na");

    assertThat(refused.code()).as("%s", refused).isEqualTo(1);
    assertThat(refused.err()).contains("cannot record 'contract_signed'", "cannot be recorded in stage solution");
  }

  @Test
  void recordedAtIsNotTheUsersToSet() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "log", "ACME-2026-002", "note",
        "--set", "recorded_at=2026-11-27T10:00:00+08:00", "--by", "li.na");

    assertThat(refused.code()).as("%s", refused).isEqualTo(2);
    assertThat(refused.err()).contains("'recorded_at' is written by salesflow");
  }
}
