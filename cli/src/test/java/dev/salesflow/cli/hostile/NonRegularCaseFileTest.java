package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in {@code cases/} that are no regular case file: a FIFO (never opened: it would block), a
 * folder named {@code X.yaml}, a link to a device, an empty file. {@code check} gives a finding for
 * each; every other command warns on stderr, names the file, and serves the other cases. An empty
 * or unreadable regular file is a case lost from view: reported as check reports it, exit 3.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NonRegularCaseFileTest {
  @TempDir Path tmp;
  Path ws;
  Path cases;

  @BeforeEach
  void oddFiles() throws Exception {
    ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    cases = ws.resolve("cases");
    Process mkfifo = new ProcessBuilder("mkfifo", cases.resolve("FIFO-1.yaml").toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createDirectory(cases.resolve("DIR-1.yaml"));
    Files.createSymbolicLink(cases.resolve("DEV-1.yaml"), Path.of("/dev/zero"));
    Files.createFile(cases.resolve("ZERO-1.yaml"));
  }

  @Test
  void checkGivesAFindingForEachAndNeverBlocks() {
    CliRun r = Hostile.run(ws, "check", "--sla", "off");
    assertThat(r.code()).as("%s", r).isEqualTo(1);
    assertThat(r.out() + r.err())
        .contains("cases/FIFO-1.yaml:1:1: error: is a FIFO, not a regular file")
        .contains("cases/DIR-1.yaml:1:1: error: is a folder, not a regular file")
        .contains("cases/DEV-1.yaml:1:1: error: is a symbolic link")
        .contains("cases/ZERO-1.yaml:1:1: error: is empty")
        .contains("4 errors");
  }

  @Test
  void otherCommandsWarnAndServeTheRest() {
    for (String[] args : List.of(new String[] {"list"}, new String[] {"overdue"}, new String[] {"report", "funnel"},
        new String[] {"export", "-"})) {
      CliRun r = Hostile.run(ws, args);
      // the empty file is a case lost from view: reported as check reports it, and exit 3
      assertThat(r.code()).as("%s%n%s", String.join(" ", args), r).isEqualTo(3);
      assertThat(r.err()).as(String.join(" ", args))
          .contains("warning: " + cases.resolve("FIFO-1.yaml") + " is a FIFO")
          .contains("warning: " + cases.resolve("DIR-1.yaml") + " is a folder")
          .contains("warning: " + cases.resolve("DEV-1.yaml") + " is a symbolic link")
          .contains("cases/ZERO-1.yaml:1:1: error: is empty");
      assertThat(r.err().lines().filter(l -> l.contains("FIFO-1.yaml"))).as("warned once").hasSize(1);
      assertThat(r.err().lines().filter(l -> l.contains("ZERO-1.yaml"))).as("reported once").hasSize(1);
    }
    CliRun list = Hostile.run(ws, "--format", "csv", "list");
    assertThat(list.outLines()).hasSize(14 + 1);
  }

  @Test
  void onlyNamesThatAreNoCaseFileLeaveTheExitCodeAlone() throws Exception {
    Files.delete(cases.resolve("ZERO-1.yaml"));
    CliRun r = Hostile.run(ws, "--format", "csv", "list");
    assertThat(r.code()).as("%s", r).isZero();
    assertThat(r.err()).contains("warning: " + cases.resolve("FIFO-1.yaml") + " is a FIFO");
  }

  @Test
  void anUnreadableFileIsAFindingAndAWarning() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads a chmod-000 file: run as another user");
    Path locked = cases.resolve("LOCKED-1.yaml");
    Files.copy(cases.resolve("ACME-2026-001.yaml"), locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    CliRun check = Hostile.run(ws, "check", "--sla", "off");
    assertThat(check.out() + check.err()).contains("cases/LOCKED-1.yaml:1:1: error: cannot be read");
    CliRun list = Hostile.run(ws, "list");
    assertThat(list.err()).contains("cases/LOCKED-1.yaml:1:1: error: cannot be read");
    assertThat(list.code()).isEqualTo(3);
  }
}
