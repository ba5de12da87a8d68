package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Case ids and files that try to lead outside the workspace: ids that are paths or device names,
 * a case file that is a link out of the workspace, links planted where salesflow writes its temp
 * and lock files, and a workspace that is a loop of links. Nothing is ever written outside the
 * workspace, nor through a link.
 */
class HostilePathsTest {
  @TempDir Path tmp;
  Path ws;
  Path outside;

  @BeforeEach
  void workspace() throws IOException {
    ws = Hostile.examplesAt(tmp.resolve("ws"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("victim.yaml"), Hostile.exampleCase("LINK-1"));
  }

  static List<String> hostileIds() {
    return List.of("../x", "../../etc/passwd", "/etc/passwd", "/tmp/x", "a/b", "a\\b", "..", ".", "CON", "con", "NUL",
        "LPT1", "COM9", "", " ", "x y", "x;rm -rf", "x".repeat(129), "ACME-2026-001/../../x", "%2e%2e", "x\0y", "x\ny");
  }

  static List<List<String>> commandsOn(String id) {
    return List.of(
        List.of("show", id),
        List.of("log", id, "note", "--note", "x"),
        List.of("advance", id, "--to", "needs"),
        List.of("register", "--id", id, "--company", "X Ltd", "--industry", "it", "--contact-name", "Ann",
            "--source", "online", "--priority", "B", "--owner", "li.na"));
  }

  static Stream<Arguments> idsAndCommands() {
    List<Arguments> all = new ArrayList<>();
    for (String id : hostileIds()) {
      for (List<String> command : commandsOn(id)) {
        all.add(Arguments.of(id.replace("\0", "\\0").replace("\n", "\\n"), command));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("idsAndCommands")
  void aPathOrDeviceNameIsNoCaseId(String shown, List<String> command) {
    Map<String, String> before = Hostile.fingerprint(tmp);
    CliRun run = Hostile.run(ws, command.toArray(String[]::new)).assertNoStackTrace();
    assertThat(run.code()).as("%s:%n%s", command, run.all()).isEqualTo(2);
    assertThat(run.err()).as("%s", command).contains("invalid", "id");
    assertThat(Hostile.fingerprint(tmp)).as("nothing written anywhere").isEqualTo(before);
  }

  @Test
  void anImportedIdThatIsAPathIsRefusedWithItsRow() throws IOException {
    Path csv = tmp.resolve("leads.csv");
    Files.writeString(csv, "id,company,industry,contact_name,phone,source,priority,owner\n"
        + "../../outside/pwned,Evil Ltd,it,Eve,123,online,B,li.na\n"
        + "CON,Device Ltd,it,Dev,456,online,B,li.na\n");
    Map<String, String> before = Hostile.fingerprint(tmp);
    CliRun run = Hostile.run(ws, "import", csv.toString()).assertNoStackTrace();
    assertThat(run.code()).as(run.all()).isEqualTo(1);
    assertThat(run.err()).contains("row 2", "row 3", "invalid id");
    assertThat(Hostile.fingerprint(tmp)).isEqualTo(before);
  }

  @Test
  void aCaseFileLinkedOutOfTheWorkspaceIsNeverWrittenThrough() throws IOException {
    Files.createSymbolicLink(ws.resolve("cases/LINK-1.yaml"), outside.resolve("victim.yaml"));
    Map<String, String> before = Hostile.fingerprint(tmp);
    Map<String, String> outsideBefore = Hostile.fingerprint(outside);

    for (String[] command : List.of(
        new String[] {"log", "LINK-1", "note", "--note", "x"},
        new String[] {"advance", "LINK-1", "--to", "lost", "--reason", "x"},
        new String[] {"show", "LINK-1"})) {
      CliRun run = Hostile.run(ws, command).assertNoStackTrace();
      assertThat(run.code()).as("%s:%n%s", String.join(" ", command), run.all()).isEqualTo(3);
      assertThat(run.err()).contains("cases/LINK-1.yaml is a symbolic link", "never reads or writes case files through links");
    }
    CliRun register = Hostile.run(ws, "register", "--id", "LINK-1", "--company", "X Ltd", "--industry", "it",
        "--contact-name", "Ann", "--source", "online", "--priority", "B", "--owner", "li.na").assertNoStackTrace();
    assertThat(register.code()).as(register.all()).isEqualTo(2);
    assertThat(register.err()).contains("LINK-1 already exists");

    CliRun list = Hostile.run(ws, "list").assertNoStackTrace();
    assertThat(list.code()).isZero();
    assertThat(list.out()).doesNotContain("LINK-1");
    CliRun check = Hostile.run(ws, "check").assertNoStackTrace();
    assertThat(check.code()).as(check.all()).isEqualTo(1);
    assertThat(check.out()).contains("cases/LINK-1.yaml:1:1: error: is a symbolic link", "[SF114 symlink]");

    assertThat(Hostile.fingerprint(outside)).as("the file outside").isEqualTo(outsideBefore);
    assertThat(Hostile.fingerprint(tmp)).as("nothing written").isEqualTo(before);
  }

  @Test
  void aLinkPlantedAsTheTempFileIsReplacedNotWrittenThrough() throws IOException {
    Files.createSymbolicLink(ws.resolve("cases/.ACME-2026-001.yaml.tmp"), outside.resolve("victim.yaml"));
    Files.createSymbolicLink(ws.resolve("cases/.ACME-2026-002.yaml.tmp"), outside.resolve("created-through-link.yaml"));
    Map<String, String> outsideBefore = Hostile.fingerprint(outside);

    assertThat(Hostile.run(ws, "log", "ACME-2026-001", "note", "--note", "x").assertNoStackTrace().code()).isZero();
    assertThat(Hostile.run(ws, "log", "ACME-2026-002", "note", "--note", "x").assertNoStackTrace().code()).isZero();

    assertThat(Hostile.fingerprint(outside)).as("nothing written outside").isEqualTo(outsideBefore);
    assertThat(ws.resolve("cases/.ACME-2026-001.yaml.tmp")).doesNotExist();
    assertThat(Files.readString(ws.resolve("cases/ACME-2026-001.yaml"))).endsWith("note: x}\n");
  }

  @Test
  void aLinkPlantedAsTheLockFileIsRefusedNotFollowed() throws IOException {
    Files.delete(ws.resolve("cases/.salesflow.lock"));
    Files.createSymbolicLink(ws.resolve("cases/.salesflow.lock"), outside.resolve("created-through-lock-link"));
    Map<String, String> before = Hostile.fingerprint(tmp);

    CliRun run = Hostile.run(ws, "log", "ACME-2026-001", "note", "--note", "x").assertNoStackTrace();

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    assertThat(run.err()).contains("cannot lock", ".salesflow.lock");
    assertThat(outside.resolve("created-through-lock-link")).doesNotExist();
    assertThat(Hostile.fingerprint(tmp)).isEqualTo(before);
  }

  @Test
  void aWorkspaceThatIsALoopOfLinksIsAClearError() throws IOException {
    Files.createSymbolicLink(tmp.resolve("loop-a"), tmp.resolve("loop-b"));
    Files.createSymbolicLink(tmp.resolve("loop-b"), tmp.resolve("loop-a"));
    Map<String, String> before = Hostile.fingerprint(tmp);
    for (String[] command : List.of(new String[] {"-w", "loop-a", "list"}, new String[] {"-w", "loop-a", "check"},
        new String[] {"-w", "loop-a", "log", "ACME-2026-001", "note"})) {
      CliRun run = Hostile.run(tmp, command).assertNoStackTrace();
      assertThat(run.code()).as(run.all()).isEqualTo(3);
      assertThat(run.err()).contains("workspace folder loop-a is a symbolic link that leads nowhere");
    }
    CliRun inside = Hostile.run(tmp, "-w", "loop-a/cases", "list").assertNoStackTrace();
    assertThat(inside.code()).as(inside.all()).isIn(2, 3);
    assertThat(inside.err()).contains("loop-a/cases");
    assertThat(Hostile.fingerprint(tmp)).isEqualTo(before);
  }
}
