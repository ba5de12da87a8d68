package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file that is not a salesflow database, or one from a newer salesflow, is refused with a
 * StoreException that says so, and is left exactly as it was: same bytes, same modification time,
 * no journal, WAL or shared-memory file created beside it.
 */
class SqliteStoreRefusalTest {
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05.123456789Z"));

  @TempDir Path root;
  Workspace workspace;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\n");
    Files.createDirectories(root.resolve("cases"));
    workspace = Workspace.open(root);
  }

  /** How to make the file, and what the refusal must say. */
  interface Maker {
    void make(Path file, Workspace workspace) throws Exception;
  }

  static Stream<Arguments> foreignFiles() {
    return Stream.of(
        Arguments.of("a text file", (Maker) (f, w) -> Files.writeString(f, "timezone: Asia/Shanghai\nnot a database\n"),
            "is not a SQLite database"),
        Arguments.of("a one-byte text file (SQLite itself would take it for an empty database)",
            (Maker) (f, w) -> Files.writeString(f, "\n"), "is not a SQLite database"),
        Arguments.of("another application's database", (Maker) (f, w) -> sql(f,
                "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes(body) VALUES ('keep me')"),
            "is a SQLite database but not a salesflow one"),
        Arguments.of("another application's database in WAL mode", (Maker) (f, w) -> sql(f, "PRAGMA journal_mode=WAL",
                "CREATE TABLE cases(id TEXT PRIMARY KEY)", "INSERT INTO cases VALUES ('ACME-2026-001')"),
            "is a SQLite database but not a salesflow one"),
        Arguments.of("another application's database with a table named like ours and user_version 1",
            (Maker) (f, w) -> sql(f, "CREATE TABLE meta(key TEXT, value TEXT)", "PRAGMA user_version = 1"),
            "is a SQLite database but not a salesflow one"),
        Arguments.of("another application's blank database that set its own application_id",
            (Maker) (f, w) -> sql(f, "PRAGMA application_id = 1234"), "is a SQLite database but not a salesflow one"),
        Arguments.of("a blank database with a user_version", (Maker) (f, w) -> sql(f, "PRAGMA user_version = 1"),
            "is a SQLite database but not a salesflow one"),
        Arguments.of("a salesflow database whose user_version is newer than this salesflow", (Maker) (f, w) -> {
          salesflowDatabase(f, w);
          sql(f, "PRAGMA user_version = " + (SqliteSchema.VERSION + 1));
        }, "was written by a newer salesflow (schema " + (SqliteSchema.VERSION + 1) + ", this one knows " + SqliteSchema.VERSION),
        Arguments.of("a salesflow database with a trigger of another program", (Maker) (f, w) -> {
          salesflowDatabase(f, w);
          sql(f, "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM cases; END");
        }, "holds trigger 'wipe', which salesflow did not create"),
        Arguments.of("a salesflow database whose report trigger another program rewrote", (Maker) (f, w) -> {
          salesflowDatabase(f, w);
          sql(f, "DROP TRIGGER report_counts_insert",
              "CREATE TRIGGER report_counts_insert AFTER INSERT ON cases BEGIN DELETE FROM events; END");
        }, "holds trigger 'report_counts_insert', which salesflow did not create"),
        Arguments.of("a salesflow database from a much newer salesflow, in WAL mode", (Maker) (f, w) -> {
          salesflowDatabase(f, w);
          sql(f, "PRAGMA journal_mode=WAL", "PRAGMA user_version = 99");
        }, "was written by a newer salesflow (schema 99"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignFiles")
  void isRefusedAndLeftUntouched(String what, Maker maker, String reason) throws Exception {
    Path file = root.resolve("data.db");
    maker.make(file, workspace);
    Files.setLastModifiedTime(file, LONG_AGO);
    byte[] bytes = Files.readAllBytes(file);
    Map<String, Long> folder = listing(root);

    assertThatThrownBy(() -> workspace.openStore("sqlite:data.db", root).close())
        .as(what)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(reason)
        .hasMessageContaining("left untouched");

    assertThat(Files.readAllBytes(file)).as("%s: bytes", what).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file)).as("%s: modification time", what).isEqualTo(LONG_AGO);
    assertThat(listing(root)).as("%s: no file created or changed beside it (-wal, -shm, -journal)", what)
        .isEqualTo(folder);
  }

  @Test
  void anEmptyFileBecomesADatabaseAsSqliteTreatsIt() throws Exception {
    Path file = root.resolve("touched.db");
    Files.createFile(file);
    try (CaseStore store = workspace.openStore("sqlite:touched.db", root)) {
      assertThat(store.ids()).isEmpty();
    }
    assertThat(new String(Files.readAllBytes(file), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
  }

  @Test
  void aSalesflowDatabaseOfThisVersionOpens() throws Exception {
    Path file = root.resolve("ours.db");
    salesflowDatabase(file, workspace);
    try (CaseStore store = workspace.openStore("sqlite:ours.db", root)) {
      assertThat(store.ids()).containsExactly("ACME-2026-001");
    }
  }

  private static void salesflowDatabase(Path file, Workspace workspace) {
    try (CaseStore store = workspace.openStore("sqlite:" + file.getFileName(), file.getParent())) {
      store.create(new Case("ACME-2026-001", new Customer("ACME", "retail", null, new Contact("Li", null, "123", null)),
          "online", Priority.B, "li.na", OffsetDateTime.parse("2026-11-02T09:30:00+08:00"), null, List.of()));
    }
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Every file in {@code dir} with its size and modification time (ns), to see that nothing was added or touched. */
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
