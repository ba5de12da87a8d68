package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.TestWorkspaces;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code migrate} run as a real process and stopped by a real signal once it has stored some
 * cases: SIGTERM (as Ctrl-C's SIGINT) removes the partial target before the process exits (143);
 * after SIGKILL the partial target is refused by every command as an unfinished migration, and
 * running the same migrate again replaces it with a complete copy.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MigrateInterruptTest {
  @TempDir Path tmp;
  Path ws;

  /**
   * The examples and copies of one of them: enough that storing them outlasts the first progress
   * step on a busy machine (a folder reports each case, SQLite each transaction of 2,000).
   */
  private int manyCases(String kind) throws Exception {
    ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String template = Files.readString(ws.resolve("cases/ACME-2026-001.yaml"));
    int copies = kind.equals("folder") ? 800 : 6000;
    for (int i = 1; i <= copies; i++) {
      String id = String.format("BULK-2026-%05d", i);
      Files.writeString(ws.resolve("cases/" + id + ".yaml"), template.replace("id: ACME-2026-001", "id: " + id));
    }
    return copies + 14;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"folder", "sqlite"})
  void sigtermRemovesThePartialTarget(String kind) throws Exception {
    manyCases(kind);
    Path target = tmp.resolve(kind.equals("folder") ? "copy" : "copy.db");
    Process p = startMigrate(kind, target);
    awaitSomeStored(p, kind, target);
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("ended by SIGTERM").isEqualTo(143);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("copy")))
          .as("nothing of the target is left").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"folder", "sqlite"})
  void afterSigkillThePartialTargetIsRefusedAndARerunReplacesIt(String kind) throws Exception {
    int cases = manyCases(kind);
    Path target = tmp.resolve(kind.equals("folder") ? "copy" : "copy.db");
    String spec = (kind.equals("folder") ? "" : "sqlite:") + target;
    Process p = startMigrate(kind, target);
    awaitSomeStored(p, kind, target);
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
    assertThat(target).exists();

    for (String[] args : List.of(new String[] {"--store", spec, "list"}, new String[] {"--store", spec, "check"},
        new String[] {"--store", spec, "overdue", "--now", TestWorkspaces.NOW})) {
      CliRun r = run(args);
      assertThat(r.code()).as("%s%n%s", String.join(" ", args), r).isEqualTo(3);
      assertThat(r.err()).contains("unfinished migration").contains("migrate --to " + spec);
    }
    if (kind.equals("folder")) {
      CliRun check = run("check", target.toString());
      assertThat(check.code()).as("%s", check).isEqualTo(3);
      assertThat(check.err()).contains("unfinished migration");
    }

    CliRun again = run("migrate", "--to", spec);
    assertThat(again.code()).as("%s", again).isZero();
    CliRun list = run("--store", spec, "--format", "csv", "list");
    assertThat(list.code()).as("%s", list).isZero();
    assertThat(list.outLines()).hasSize(cases + 1);
    CliRun check = run("--store", spec, "check", "--sla", "off");
    assertThat(check.code()).as("%s", check).isIn(0, 1);
    assertThat(check.err() + check.out()).doesNotContain("unfinished");
  }

  private CliRun run(String... args) {
    String[] all = Stream.concat(Stream.of("-w", ws.toString()), Stream.of(args)).toArray(String[]::new);
    return CliRun.in(ws, all);
  }

  private Process startMigrate(String kind, Path target) throws Exception {
    String spec = (kind.equals("folder") ? "" : "sqlite:") + target;
    return new ProcessBuilder(FreshJvm.salesflow(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
            "-w", ws.toString(), "--quiet", "migrate", "--to", spec))
        .redirectInput(new File("/dev/null")).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
  }

  /** Waits until the target holds some cases but not all (fails when the run ends first). */
  private void awaitSomeStored(Process p, String kind, Path target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("the migration is still running: %s", Files.readString(tmp.resolve("child.log"))).isTrue();
      if (stored(kind, target) > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no case stored in 120 s");
  }

  private static int stored(String kind, Path target) throws Exception {
    if (kind.equals("folder")) {
      if (!Files.isDirectory(target)) {
        return 0;
      }
      try (Stream<Path> files = Files.list(target)) {
        return (int) files.filter(f -> f.toString().endsWith(".yaml")).count();
      }
    }
    if (!Files.exists(target)) {
      return 0;
    }
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + target); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM cases")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (java.sql.SQLException notYet) {
      return 0; // the tables are not there yet
    }
  }
}
