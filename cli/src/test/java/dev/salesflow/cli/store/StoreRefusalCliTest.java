package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the command line: a store file that is not a salesflow database, or is one from a newer
 * salesflow, makes every command exit 3 with a message naming the file, and is left byte for byte
 * and mtime for mtime as it was, with nothing created beside it.
 */
class StoreRefusalCliTest {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05.123456789Z"));

  @TempDir Path tmp;

  interface Maker {
    void make(Path ws, Path file) throws Exception;
  }

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("a text file", (Maker) (ws, f) -> Files.copy(ws.resolve("salesflow.yaml"), f),
            "is not a SQLite database"),
        Arguments.of("another application's SQLite database", (Maker) (ws, f) -> sql(f,
            "CREATE TABLE contacts(name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('王磊', '+86 512 5555 0101')"),
            "is a SQLite database but not a salesflow one"),
        Arguments.of("a salesflow database from a newer salesflow", (Maker) (ws, f) -> {
          CliRun made = CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", "sqlite:" + f);
          assertThat(made.code()).as("%s", made).isZero();
          sql(f, "PRAGMA user_version = 99");
        }, "was written by a newer salesflow"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyCommandExits3AndLeavesTheFileAsItWas(String what, Maker maker, String reason) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Path file = tmp.resolve("data.db");
    maker.make(ws, file);
    Files.setLastModifiedTime(file, LONG_AGO);
    byte[] bytes = Files.readAllBytes(file);
    Map<String, Long> folder = listing(tmp);
    String w = ws.toString();
    String store = "sqlite:" + file;

    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"-w", w, "--store", store, "list"});
    runs.add(new String[] {"-w", w, "--store", store, "--format", "json", "overdue", "--now", TestWorkspaces.NOW});
    runs.add(new String[] {"-w", w, "--store", store, "show", "ACME-2026-001"});
    runs.add(new String[] {"-w", w, "--store", store, "log", "ACME-2026-001", "note", "--by", "zhang.wei",
        "--now", TestWorkspaces.NOW});
    runs.add(new String[] {"-w", w, "--store", store, "register", "--company", "X", "--industry", "retail",
        "--contact-name", "Li", "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na"});
    runs.add(new String[] {"-w", w, "migrate", "--to", store});
    for (String[] args : runs) {
      CliRun r = CliRun.in(ws, args);
      assertThat(r.code()).as("%s: salesflow %s%n%s", what, String.join(" ", args), r).isEqualTo(3);
      assertThat(r.err()).as("%s: salesflow %s", what, String.join(" ", args))
          .contains(file.toString()).contains(reason).contains("left untouched");
    }
    // the same file named by the workspace's own setting
    Files.writeString(ws.resolve("salesflow.yaml"), "\nstore: " + store + "\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun viaSetting = CliRun.in(ws, "-w", w, "overdue", "--now", TestWorkspaces.NOW);
    assertThat(viaSetting.code()).as("%s: store: in salesflow.yaml%n%s", what, viaSetting).isEqualTo(3);
    assertThat(viaSetting.err()).contains(reason);

    assertThat(Files.readAllBytes(file)).as("%s: bytes", what).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).as("%s: modification time", what).isEqualTo(LONG_AGO);
    assertThat(listing(tmp)).as("%s: nothing created beside it", what).isEqualTo(folder);
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static Map<String, Long> listing(Path dir) throws Exception {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : all.toList()) {
        if (Files.isRegularFile(p)) {
          Instant t = Files.getLastModifiedTime(p).toInstant();
          files.put(p.getFileName() + " size", Files.size(p));
          files.put(p.getFileName() + " mtime", t.getEpochSecond() * 1_000_000_000L + t.getNano());
        }
      }
    }
    return files;
  }
}
