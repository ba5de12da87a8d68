package dev.salesflow.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge driver in real git: clones of one repository record events on one case, pull and
 * push; git runs {@code salesflow git-merge} as {@code git-setup} configured it (this JVM's java
 * with the test class path, as from the jar without the launcher script).
 */
class GitMergeTest {
  private static final String NOW = "--now=2026-11-20T18:00:00+08:00";
  private static final String CASE = "SF-2026-001";
  private static final String FILE = "cases/" + CASE + ".yaml";

  @TempDir Path tmp;
  Path origin;

  /** git's result. */
  record Git(int code, String out) {}

  static Git git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Git(p.waitFor(), out);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static String ok(Path dir, String... args) {
    Git g = git(dir, args);
    assertThat(g.code()).as("git " + String.join(" ", args) + ":\n" + g.out()).isZero();
    return g.out();
  }

  static CliRun sf(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(NOW);
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  Path clone(String name) {
    Path dir = tmp.resolve(name);
    ok(tmp, "clone", "-q", origin.toString(), dir.toString());
    ok(dir, "config", "user.name", name);
    ok(dir, "config", "user.email", name + "@example.com");
    ok(dir, "config", "pull.rebase", "false");
    CliRun setup = sf(dir, "git-setup");
    assertThat(setup.code()).as(setup.err()).isZero();
    assertThat(setup.out()).contains("git config merge.salesflow.driver ").contains("dev.salesflow.cli.Main git-merge %O %A %B %P");
    return dir;
  }

  static void commit(Path dir, String message) {
    ok(dir, "add", "-A");
    ok(dir, "commit", "-q", "-m", message);
  }

  static String read(Path dir) throws IOException {
    return Files.readString(dir.resolve(FILE));
  }

  @BeforeEach
  void repository() {
    origin = tmp.resolve("origin.git");
    ok(tmp, "init", "-q", "--bare", "-b", "main", origin.toString());
    Path first = tmp.resolve("first");
    ok(tmp, "clone", "-q", origin.toString(), first.toString());
    ok(first, "config", "user.name", "first");
    ok(first, "config", "user.email", "first@example.com");
    assertThat(sf(first, "init").code()).isZero();
    CliRun r = sf(first, "register", "--company", "苏州精工机械有限公司", "--industry", "manufacturing", "--contact-name", "王磊",
        "--phone", "+86 512 5555 0101", "--source", "exhibition", "--priority", "A", "--owner", "zhang.wei",
        "--at", "2026-11-02T09:30:00+08:00");
    assertThat(r.code()).as(r.err()).isZero();
    commit(first, "register");
    ok(first, "push", "-q", "origin", "HEAD:main");
  }

  @Test
  void initWritesTheAttributeLine() throws IOException {
    assertThat(Files.readString(tmp.resolve("first/.gitattributes"))).contains("cases/*.yaml merge=salesflow\n");
  }

  @Test
  void twoClonesAppendingToOneCaseMergeWithoutConflictInTimeOrder() throws IOException {
    Path a = clone("a");
    Path b = clone("b");
    Path reference = clone("reference");
    assertThat(sf(a, "log", CASE, "meeting", "--at", "2026-11-03T14:00:00+08:00", "--by", "a").code()).isZero();
    commit(a, "a meets");
    ok(a, "push", "-q");
    assertThat(sf(b, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00", "--by", "b").code()).isZero();
    commit(b, "b calls");

    Git pull = git(b, "pull", "--no-edit");

    assertThat(pull.code()).as(pull.out()).isZero();
    // byte for byte what log writes when the events are recorded in time order on the base
    sf(reference, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00", "--by", "b");
    sf(reference, "log", CASE, "meeting", "--at", "2026-11-03T14:00:00+08:00", "--by", "a");
    assertThat(read(b)).isEqualTo(read(reference));
    CliRun check = sf(b, "check");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
  }

  @Test
  void threeClonesRecordingTwentyEventsInterleavedAllLandInTimeOrder() throws IOException {
    List<Path> clones = List.of(clone("a"), clone("b"), clone("c"));
    int recorded = 0;
    for (int round = 0; recorded < 20; round++) {
      // each records one event locally (times interleaved across clones), then each pulls and pushes in turn
      for (int k = 0; k < clones.size() && recorded + k < 20; k++) {
        String at = "2026-11-03T09:30:00+08:00".replace("09:30", String.format("%02d:%02d", 9 + round, 10 * (2 - k)));
        CliRun log = sf(clones.get(k), "log", CASE, "note", "--at", at, "--by", "c" + k, "--note", "round " + round + " clone " + k);
        assertThat(log.code()).as(log.err()).isZero();
        commit(clones.get(k), "note " + round + "/" + k);
      }
      for (int k = 0; k < clones.size() && recorded < 20; k++, recorded++) {
        Git pull = git(clones.get(k), "pull", "--no-edit");
        assertThat(pull.code()).as(pull.out()).isZero();
        ok(clones.get(k), "push", "-q");
      }
    }
    Path last = clones.get(0);
    ok(last, "pull", "--no-edit");
    List<String> lines = read(last).lines().filter(l -> l.startsWith("  - {at:")).toList();
    assertThat(lines).hasSize(20);
    assertThat(lines).isSortedAccordingTo(java.util.Comparator.comparing((String l) -> l.substring(8, 33)));
    assertThat(sf(last, "check").code()).isZero();
  }

  @Test
  void registrationFieldsMergeFieldByFieldAndTheSameFieldConflictsAlone() throws IOException {
    Path a = clone("a");
    Path b = clone("b");
    Files.writeString(a.resolve(FILE), read(a).replace("priority: A", "priority: B"));
    commit(a, "a: priority B");
    ok(a, "push", "-q");
    Files.writeString(b.resolve(FILE), read(b).replace("owner: zhang.wei", "owner: li.na"));
    commit(b, "b: owner li.na");
    assertThat(git(b, "pull", "--no-edit").code()).isZero();
    assertThat(read(b)).contains("priority: B\n", "owner: li.na\n").doesNotContain("<<<<<<<");
    ok(b, "push", "-q");

    ok(a, "pull", "--no-edit");
    Files.writeString(a.resolve(FILE), read(a).replace("priority: B", "priority: C"));
    commit(a, "a: priority C");
    ok(a, "push", "-q");
    Files.writeString(b.resolve(FILE), read(b).replace("priority: B", "priority: A"));
    sf(b, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00");
    commit(b, "b: priority A, contacted");

    Git pull = git(b, "pull", "--no-edit");

    assertThat(pull.code()).isNotZero();
    assertThat(pull.out()).contains("registration field 'priority' changed on both sides: ours 'A', theirs 'C' (base 'B')");
    String text = read(b);
    assertThat(text).contains("<<<<<<< ours\npriority: A\n=======\npriority: C\n>>>>>>> theirs\nowner: li.na\n")
        .contains("type: contacted");
    assertThat(text.split("<<<<<<<", -1)).hasSize(2);
  }

  @Test
  void bothAdvancingToDifferentStagesIsAConflictNamingBothAdvances() throws IOException {
    Path first = tmp.resolve("first");
    for (String[] e : new String[][] {{"contacted", "2026-11-02T10:00"}, {"requirements_recorded", "2026-11-03T10:00"},
        {"requirements_confirmed", "2026-11-03T11:00"}, {"analysis_reported", "2026-11-03T12:00"}}) {
      if (e[0].equals("requirements_recorded")) {
        assertThat(sf(first, "advance", CASE, "--to", "needs", "--at", "2026-11-02T11:00").code()).isZero();
      }
      assertThat(sf(first, "log", CASE, e[0], "--at", e[1]).code()).isZero();
    }
    commit(first, "needs done");
    ok(first, "push", "-q");
    Path a = clone("a");
    Path b = clone("b");
    assertThat(sf(a, "advance", CASE, "--to", "solution", "--at", "2026-11-04T10:00").code()).isZero();
    commit(a, "a: to solution");
    ok(a, "push", "-q");
    assertThat(sf(b, "advance", CASE, "--to", "lost", "--reason", "budget cut", "--at", "2026-11-04T09:00").code()).isZero();
    commit(b, "b: lost");

    Git pull = git(b, "pull", "--no-edit");

    assertThat(pull.code()).isNotZero();
    assertThat(pull.out()).contains("case SF-2026-001", "do not make a legal history", "the case is lost",
        "advance to solution at 2026-11-04T10:00:00+08:00", "advance to lost at 2026-11-04T09:00:00+08:00");
    assertThat(read(b)).contains("<<<<<<< ours\n=======\n  - {at: 2026-11-04T10:00:00+08:00, type: advance");
  }

  @Test
  void aCaseAddedOnBothSidesConflictsOnTheFieldsThatDiffer() throws IOException {
    Path a = clone("a");
    Path b = clone("b");
    for (Path dir : List.of(a, b)) {
      CliRun r = sf(dir, "register", "--id", "SF-2026-002", "--company", dir == a ? "甲公司" : "乙公司", "--industry", "retail",
          "--contact-name", "李娜", "--email", "li@example.com", "--source", "online", "--priority", "B", "--owner", "li.na",
          "--at", "2026-11-05T09:00:00+08:00");
      assertThat(r.code()).as(r.err()).isZero();
      commit(dir, "add SF-2026-002");
    }
    ok(a, "push", "-q");
    Git pull = git(b, "pull", "--no-edit");
    assertThat(pull.code()).isNotZero();
    assertThat(pull.out()).contains("'customer.company' changed on both sides: ours '乙公司', theirs '甲公司' (the file was added on both sides)");
    assertThat(Files.readString(b.resolve("cases/SF-2026-002.yaml")))
        .contains("<<<<<<< ours\n  company: 乙公司\n=======\n  company: 甲公司\n>>>>>>> theirs\n  industry: retail\n");
  }

  @Test
  void otherFilesUnderCasesAreMergedAsText() throws IOException {
    Path first = tmp.resolve("first");
    Files.writeString(first.resolve("cases/notes.yaml"), "a: 1\nb: 2\nc: 3\n");
    Files.write(first.resolve("cases/blob.yaml"), new byte[] {0, 1, 2});
    commit(first, "notes");
    ok(first, "push", "-q");
    Path a = clone("a");
    Path b = clone("b");
    Files.writeString(a.resolve("cases/notes.yaml"), "a: 10\nb: 2\nc: 3\n");
    Files.write(a.resolve("cases/blob.yaml"), new byte[] {0, 1, 3});
    commit(a, "a");
    ok(a, "push", "-q");
    Files.writeString(b.resolve("cases/notes.yaml"), "a: 1\nb: 2\nc: 30\n");
    Files.write(b.resolve("cases/blob.yaml"), new byte[] {0, 1, 4});
    commit(b, "b");

    Git pull = git(b, "pull", "--no-edit");

    assertThat(pull.code()).isNotZero(); // the binary file
    assertThat(pull.out()).contains("cases/notes.yaml merged as text", "cases/blob.yaml merged as text");
    assertThat(Files.readString(b.resolve("cases/notes.yaml"))).isEqualTo("a: 10\nb: 2\nc: 30\n");
    assertThat(Files.readAllBytes(b.resolve("cases/blob.yaml"))).containsExactly(0, 1, 4);
    assertThat(ok(b, "show", ":3:cases/blob.yaml")).isEqualTo(new String(new byte[] {0, 1, 3}, StandardCharsets.UTF_8));
  }

  @Test
  void crlfAndBomCaseFilesMergeKeepingTheirBytes() throws IOException {
    Path first = tmp.resolve("first");
    ok(first, "config", "core.autocrlf", "false");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String crlf = read(first).replace("\n", "\r\n");
    Files.write(first.resolve(FILE), concat(bom, crlf.getBytes(StandardCharsets.UTF_8)));
    commit(first, "crlf + bom");
    ok(first, "push", "-q");
    Path a = clone("a");
    Path b = clone("b");
    Path reference = clone("reference");
    assertThat(sf(a, "log", CASE, "meeting", "--at", "2026-11-03T14:00:00+08:00").code()).isZero();
    commit(a, "a");
    ok(a, "push", "-q");
    assertThat(sf(b, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00").code()).isZero();
    commit(b, "b");

    assertThat(git(b, "pull", "--no-edit").code()).isZero();

    sf(reference, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00");
    sf(reference, "log", CASE, "meeting", "--at", "2026-11-03T14:00:00+08:00");
    byte[] merged = Files.readAllBytes(b.resolve(FILE));
    assertThat(merged).isEqualTo(Files.readAllBytes(reference.resolve(FILE)));
    assertThat(new String(merged, StandardCharsets.UTF_8)).startsWith("\uFEFFid:").contains("type: contacted}\r\n")
        .contains("type: meeting}\r\n");
  }

  @Test
  void checkChangedSinceChecksOnlyTheCasesChangedSinceARevision() throws IOException {
    Path first = tmp.resolve("first");
    String base = ok(first, "rev-parse", "HEAD").strip();
    Files.writeString(first.resolve("cases/SF-2026-009.yaml"), "id: SF-2026-009\npriority: D\n");
    commit(first, "a broken case");
    String broken = ok(first, "rev-parse", "HEAD").strip();
    sf(first, "log", CASE, "contacted", "--at", "2026-11-03T10:00:00+08:00");
    commit(first, "contacted");

    CliRun sinceBroken = sf(first, "check", "--changed-since", broken);
    assertThat(sinceBroken.code()).as(sinceBroken.err()).isZero();
    assertThat(sinceBroken.err()).contains("Checked 2 files"); // salesflow.yaml and SF-2026-001.yaml

    CliRun sinceBase = sf(first, "check", "--changed-since", base);
    assertThat(sinceBase.code()).isEqualTo(1);
    assertThat(sinceBase.err()).contains("Checked 3 files");

    CliRun unknown = sf(first, "check", "--changed-since", "no-such-branch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no-such-branch");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
