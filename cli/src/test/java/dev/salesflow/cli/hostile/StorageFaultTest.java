package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage that refuses writes: a read-only workspace, and a full disk (a small tmpfs filled to the
 * last byte). Every writing command ends with exit 3 and a clear message, and the store is as it
 * was: the previous case file intact, no temp file left, the database passing its integrity check.
 *
 * <p>Read-only: tests run as root here, where file modes do not stop writes, so as root the
 * workspace is made immutable with {@code chattr -R +i} (the test is skipped, saying why, where
 * that is not supported); as any other user, {@code chmod -R a-w}. Disk full needs {@code mount -t
 * tmpfs} (root with CAP_SYS_ADMIN); it is skipped, saying why, elsewhere.
 */
class StorageFaultTest {
  @TempDir Path tmp;
  private final List<Runnable> undo = new ArrayList<>();

  @AfterEach
  void restore() {
    undo.forEach(Runnable::run);
  }

  static Stream<Arguments> writingCommands() {
    List<Arguments> all = new ArrayList<>();
    for (String store : List.of("yaml", "sqlite")) {
      all.add(Arguments.of(store, List.of("log", "ACME-2026-001", "note", "--note", "x")));
      all.add(Arguments.of(store, List.of("advance", "ACME-2026-005", "--to", "needs")));
      all.add(Arguments.of(store, List.of("register", "--company", "X Ltd", "--industry", "it", "--contact-name", "Ann",
          "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na")));
      all.add(Arguments.of(store, List.of("import", "{leads}")));
    }
    all.add(Arguments.of("yaml", List.of("migrate", "--to", "sqlite:migrated.db")));
    all.add(Arguments.of("sqlite", List.of("migrate", "--to", "migrated")));
    return all.stream();
  }

  @ParameterizedTest(name = "read-only workspace, {0} store: {1}")
  @MethodSource("writingCommands")
  void aReadOnlyWorkspaceIsAStoreErrorAndStaysAsItWas(String store, List<String> command) throws Exception {
    Path ws = workspace(tmp.resolve("ws"), store);
    Path leads = leads(tmp);
    makeReadOnly(ws);
    Map<String, String> before = Hostile.fingerprint(tmp);

    CliRun run = Hostile.run(ws, args(command, leads)).assertNoStackTrace();

    assertThat(run.code()).as("%s:%n%s", command, run.all()).isEqualTo(3);
    assertThat(run.err()).as("a clear message").containsAnyOf("cannot lock", "cannot write", "cannot create",
        "cannot open", "read-only", "readonly", "Operation not permitted", "Permission denied");
    assertThat(Hostile.fingerprint(tmp)).as("nothing written").isEqualTo(before);
  }

  @ParameterizedTest(name = "disk full, {0} store: {1}")
  @MethodSource("writingCommands")
  void aFullDiskIsAStoreErrorAndLeavesThePreviousFilesIntact(String store, List<String> command) throws Exception {
    Path mount = smallTmpfs(tmp.resolve("full"), "4m");
    Path ws = workspace(mount.resolve("ws"), store);
    Path leads = leads(tmp);
    fill(mount);
    Map<String, String> before = Hostile.fingerprint(ws);

    CliRun run = Hostile.run(ws, args(command, leads)).assertNoStackTrace();

    assertThat(run.code()).as("%s:%n%s", command, run.all()).isEqualTo(3);
    assertThat(run.err()).as("a clear message").containsAnyOf("No space left on device", "database or disk is full",
        "(disk I/O error)");
    Map<String, String> after = Hostile.fingerprint(ws);
    if (store.equals("yaml")) {
      assertThat(after).as("every case file as it was, no temp file left").isEqualTo(before);
    } else {
      // SQLite may have grown its -wal or -shm file before the disk filled; the database is intact
      assertThat(after.keySet().stream().filter(k -> !k.startsWith("cases.db"))).containsExactlyInAnyOrderElementsOf(
          before.keySet().stream().filter(k -> !k.startsWith("cases.db")).toList());
    }
    Files.delete(mount.resolve("filler"));
    if (store.equals("sqlite")) {
      assertIntact(ws.resolve("cases.db"));
    }
    CliRun show = Hostile.run(ws, "show", "ACME-2026-001");
    assertThat(show.code()).as(show.all()).isZero();
    assertThat(Hostile.run(ws, "check").code()).isZero();
  }

  @ParameterizedTest(name = "disk full mid-append, {0} store")
  @ValueSource(strings = {"yaml", "sqlite"})
  void aWriteThatFillsTheDiskLeavesThePreviousFileIntact(String store) throws Exception {
    Path mount = smallTmpfs(tmp.resolve("full"), "4m");
    Path ws = workspace(mount.resolve("ws"), store);
    fill(mount);
    // free a little, less than the write needs (SQLite: enough for its 32 KiB shared-memory file,
    // not for the event), so that the write starts and fails part-way
    try (var channel = java.nio.channels.FileChannel.open(mount.resolve("filler"), java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(mount.resolve("filler")) - (store.equals("yaml") ? 8192 : 40 * 1024));
    }
    Map<String, String> before = Hostile.fingerprint(ws);

    CliRun run = Hostile.run(ws, "log", "ACME-2026-001", "note", "--note", "x".repeat(60_000)).assertNoStackTrace();

    assertThat(run.code()).as(run.all()).isEqualTo(3);
    if (store.equals("yaml")) {
      assertThat(run.err()).contains("cannot write", "No space left on device", "the previous file is unchanged");
      assertThat(Hostile.fingerprint(ws)).isEqualTo(before);
    } else {
      assertThat(run.err()).contains("database or disk is full");
    }
    Files.delete(mount.resolve("filler"));
    if (store.equals("sqlite")) {
      assertIntact(ws.resolve("cases.db"));
    }
    assertThat(Hostile.run(ws, "show", "ACME-2026-001").out()).doesNotContain("xxxxxxxxxx");
  }

  // ---- set-up ----

  private static String[] args(List<String> command, Path leads) {
    return command.stream().map(a -> a.replace("{leads}", leads.toString())).toArray(String[]::new);
  }

  /** The examples, with their cases in a SQLite database (and no case files) for the sqlite store. */
  private static Path workspace(Path at, String store) throws IOException {
    Path ws = Hostile.examplesAt(at);
    if (store.equals("sqlite")) {
      assertThat(Hostile.run(ws, "migrate", "--to", "sqlite:cases.db").code()).isZero();
      Files.writeString(ws.resolve("salesflow.yaml"), Files.readString(ws.resolve("salesflow.yaml")) + "\nstore: sqlite:cases.db\n");
      try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          Files.delete(f);
        }
      }
    }
    return ws;
  }

  private static Path leads(Path dir) throws IOException {
    return Files.writeString(dir.resolve("leads.csv"), "company,industry,contact_name,phone,source,priority,owner\n"
        + "Full Disk Ltd,it,Ann,123,online,B,li.na\n");
  }

  private void makeReadOnly(Path ws) throws Exception {
    if (Hostile.isRoot()) {
      CliRun chattr = Hostile.exec(List.of("chattr", "-R", "+i", ws.toString()));
      undo.add(() -> Hostile.exec(List.of("chattr", "-R", "-i", ws.toString())));
      assumeTrue(chattr.code() == 0, "running as root, where file modes do not stop writes, and chattr +i is not"
          + " supported here: " + chattr.all());
    } else {
      CliRun chmod = Hostile.exec(List.of("chmod", "-R", "a-w", ws.toString()));
      undo.add(() -> Hostile.exec(List.of("chmod", "-R", "u+w", ws.toString())));
      assertThat(chmod.code()).as(chmod.all()).isZero();
    }
    try {
      Files.createFile(ws.resolve("cases/probe"));
      Files.delete(ws.resolve("cases/probe"));
      assumeTrue(false, "the workspace could not be made read-only here");
    } catch (FileSystemException expected) {
      // read-only indeed
    }
  }

  private Path smallTmpfs(Path at, String size) throws IOException {
    Files.createDirectories(at);
    CliRun mount = Hostile.exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString()));
    assumeTrue(mount.code() == 0, "a small tmpfs cannot be mounted here (needs root with CAP_SYS_ADMIN): " + mount.all());
    undo.add(0, () -> Hostile.exec(List.of("umount", "-l", at.toString())));
    return at;
  }

  /** Fills the file system of {@code dir} to the last byte. */
  private static void fill(Path dir) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve("filler"), java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 4096; i++) {
        out.write(0);
        out.flush();
      }
    } catch (IOException full) {
      // now not one byte is left
    }
  }

  private static void assertIntact(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }
}
