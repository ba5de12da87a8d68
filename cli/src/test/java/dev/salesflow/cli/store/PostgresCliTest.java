package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.postgres.PostgresServer;
import dev.salesflow.core.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store through the command line, on the test server ({@link PostgresServer}):
 * migrations between all three stores lose nothing and give the same JSON and findings; a read-only
 * role reads but may not write; connection problems are exit 3 in one line without the password;
 * concurrent writers lose nothing and get distinct ids.
 */
class PostgresCliTest {
  private static final String PASSWORD_FILE = "org.postgresql.pgpassfile";
  private static int schemas;

  @TempDir Path tmp;
  private final PostgresServer server = PostgresServer.get();

  @AfterEach
  void forgetPasswordFile() {
    System.clearProperty(PASSWORD_FILE);
  }

  private static synchronized String schema(String name) {
    return name + "_" + (++schemas) + "_" + ProcessHandle.current().pid();
  }

  @Test
  void examplesGoToPostgresAndOnToSqliteAndFilesLosingNothing() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String pg = server.newSchemaSpec();
    MigrateRoundTripTest.migrate(ws, null, pg);
    MigrateRoundTripTest.migrate(ws, pg, "sqlite:from-pg.db");
    MigrateRoundTripTest.migrate(ws, pg, "back");

    Workspace workspace = Workspace.open(ws);
    List<String> ids;
    try (CaseStore files = workspace.openStore();
        CaseStore db = workspace.openStore(pg, ws);
        CaseStore sqlite = workspace.openStore("sqlite:from-pg.db", ws);
        CaseStore back = workspace.openStore("back", ws)) {
      ids = files.ids();
      assertThat(ids).hasSize(14);
      assertThat(db.ids()).isEqualTo(ids);
      for (String id : ids) {
        Case original = files.load(id);
        MigrateRoundTripTest.assertSame(original, db.load(id), "PostgreSQL");
        MigrateRoundTripTest.assertSame(original, sqlite.load(id), "SQLite from PostgreSQL");
        MigrateRoundTripTest.assertSame(original, back.load(id), "case files from PostgreSQL");
      }
    }
    Map<String, String> onFiles = MigrateRoundTripTest.outputs(ws, null, ids);
    assertThat(onFiles.get("overdue")).contains("\"case\"");
    assertThat(MigrateRoundTripTest.outputs(ws, pg, ids)).as("JSON on PostgreSQL").isEqualTo(onFiles);
    assertThat(MigrateRoundTripTest.outputs(ws, "sqlite:from-pg.db", ids)).as("JSON on SQLite").isEqualTo(onFiles);

    CliRun again = CliRun.in(ws, "migrate", "--to", pg);
    assertThat(again.code()).as("%s", again).isEqualTo(2);
    assertThat(again.err()).contains("already holds cases");
  }

  /** A case whose text holds what COPY's text format escapes, or mistakes for NULL or the end of data. */
  private static final String AWKWARD = """
      id: ACME-2026-099
      customer:
        company: "Tab\\there, quote \\" and 'single', back\\\\slash \\\\N \\\\. end"
        industry: machinery
        size: "line1\\nline2\\r\\nline3\\r"
        contact:
          name: "王磊 🙂 𝄞 é"
          title: "\\\\t literal, ünïcödé"
          phone: "\\\\N"
          email: a@b.cn
      source: exhibition
      priority: B
      owner: zhang.wei
      registered_at: 2026-09-02T10:00:00+08:00
      needs: "\\\\.\\n\\\\.\\n"
      events:
        - {at: 2026-09-02T15:30:00+08:00, type: note, by: zhang.wei, note: "ends with a backslash \\\\"}
        - {at: 2026-09-03T15:30:00+05:45, type: contacted, by: "zhang\\twei", channel: phone, note: "{\\"json\\": [1, \\"x\\\\\\\\y\\"]}\\t\\\\N"}
      """;

  @Test
  void textThatCopyEscapesRoundTripsExactlyThroughPostgres() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Files.writeString(ws.resolve("cases/ACME-2026-099.yaml"), AWKWARD);
    String pg = server.newSchemaSpec();
    MigrateRoundTripTest.migrate(ws, null, pg);
    MigrateRoundTripTest.migrate(ws, pg, "back");

    Workspace workspace = Workspace.open(ws);
    try (CaseStore files = workspace.openStore();
        CaseStore db = workspace.openStore(pg, ws);
        CaseStore back = workspace.openStore("back", ws)) {
      Case original = files.load("ACME-2026-099");
      assertThat(original.customer().company()).isEqualTo("Tab\there, quote \" and 'single', back\\slash \\N \\. end");
      assertThat(original.customer().contact().phone()).isEqualTo("\\N");
      assertThat(original.events().get(1).note()).isEqualTo("{\"json\": [1, \"x\\\\y\"]}\t\\N");
      MigrateRoundTripTest.assertSame(original, db.load("ACME-2026-099"), "PostgreSQL");
      MigrateRoundTripTest.assertSame(original, back.load("ACME-2026-099"), "case files from PostgreSQL");
      assertThat(db.ids()).isEqualTo(files.ids());
    }
  }

  @Test
  void aNulCharacterIsRefusedNamingCaseEventAndFieldAndNothingIsStored() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Files.writeString(ws.resolve("cases/ACME-2026-099.yaml"), AWKWARD.replace("ends with a backslash", "a NUL \\0 here"));
    String pg = server.newSchemaSpec();
    CliRun r = CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", pg);
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains("case ACME-2026-099 event 1: note holds a NUL character (U+0000)")
        .contains("nothing was stored");
    assertThat(server.rows(PostgresServer.schemaOf(pg), "SELECT count(*) FROM cases")).containsExactly("0");
  }

  @Test
  void checkOnPostgresFindsWhatCheckFindsOnTheFilesMigratedIntoIt() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    // lead -> negotiation skips two stages: migrate keeps it (lossless), check must report it
    Files.writeString(ws.resolve("cases/ACME-2026-005.yaml"),
        "  - {at: 2026-11-20T10:00:00+08:00, type: advance, to: negotiation, by: wang.fang}\n",
        java.nio.file.StandardOpenOption.APPEND);
    String pg = server.newSchemaSpec();
    MigrateRoundTripTest.migrate(ws, null, pg);
    MigrateRoundTripTest.migrate(ws, null, "sqlite:cases.db");
    for (String now : List.of("2026-11-10T12:00:00+08:00", TestWorkspaces.NOW)) {
      List<String> check = List.of("--now", now, "check", "--sla", "error", "--format", "json");
      CliRun onFiles = CliRun.in(ws, check.toArray(String[]::new));
      CliRun onPg = CliRun.in(ws, concat(List.of("--store", pg), check));
      CliRun onSqlite = CliRun.in(ws, concat(List.of("--store", "sqlite:cases.db"), check));
      assertThat(onFiles.code()).as("%s", onFiles).isEqualTo(1);
      assertThat(onPg.code()).as("%s", onPg).isEqualTo(1);
      List<String> expected = new ArrayList<>();
      for (JsonNode f : new ObjectMapper().readTree(onFiles.out()).get("findings")) {
        expected.add(f.get("code").asText() + " " + f.get("severity").asText() + " " + f.get("case").asText() + ": "
            + f.get("message").asText());
      }
      assertThat(expected).anyMatch(f -> f.contains("ACME-2026-005"));
      JsonNode fromPg = new ObjectMapper().readTree(onPg.out());
      List<String> actual = new ArrayList<>();
      for (JsonNode f : fromPg.get("findings")) {
        actual.add(f.get("code").asText() + " " + f.get("severity").asText() + " " + f.get("message").asText());
      }
      assertThat(actual).as("at %s", now).containsExactlyInAnyOrderElementsOf(expected);
      JsonNode fromSqlite = new ObjectMapper().readTree(onSqlite.out());
      assertThat(fromPg.get("errors")).isEqualTo(fromSqlite.get("errors"));
      assertThat(fromPg.get("warnings")).isEqualTo(fromSqlite.get("warnings"));
    }
  }

  private static String[] concat(List<String> first, List<String> then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(then);
    return all.toArray(String[]::new);
  }

  @Test
  void aReadOnlyRoleReadsEverythingAndMayNotWrite() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String schema = schema("ro");
    MigrateRoundTripTest.migrate(ws, null, server.spec(PostgresServer.SUPERUSER, schema));
    String role = "reporting_" + schema;
    server.admin(PostgresServer.DATABASE, "CREATE ROLE " + role + " LOGIN PASSWORD 'read-only-pw'",
        "GRANT CONNECT ON DATABASE " + PostgresServer.DATABASE + " TO " + role,
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    usePasswordFile(role, "read-only-pw");
    String ro = server.spec(role, schema);

    for (String[] command : List.of(new String[] {"show", "ACME-2026-001"}, new String[] {"list"},
        new String[] {"overdue"}, new String[] {"report", "all"}, new String[] {"check"},
        new String[] {"export", "-"})) {
      List<String> args = new ArrayList<>(List.of("--now", TestWorkspaces.NOW, "--store", ro));
      args.addAll(List.of(command));
      CliRun r = CliRun.in(ws, args.toArray(String[]::new));
      assertThat(r.code()).as("%s: %s", String.join(" ", command), r).isIn(0, 1);
      assertThat(r.out()).as(command[0]).isNotBlank();
    }
    CliRun write = CliRun.in(ws, "--now", TestWorkspaces.NOW, "--store", ro, "log", "ACME-2026-001", "note",
        "--note", "x", "--by", "zhang.wei");
    assertThat(write.code()).as("%s", write).isEqualTo(3);
    assertThat(write.err()).contains("role " + role + " may not write").contains("it may only read");
    write.assertNoStackTrace();
    CliRun register = CliRun.in(ws, "--store", ro, "register", "--company", "X", "--industry", "retail",
        "--contact-name", "Li", "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na",
        "--now", TestWorkspaces.NOW);
    assertThat(register.code()).as("%s", register).isEqualTo(3);
    assertThat(register.err()).contains("may not write");
  }

  /**
   * A migration drops the references of events and clocks to cases for the load and adds them again
   * at its end; a role that may write the tables but does not own them migrates with them in place.
   */
  @Test
  void aWriterThatDoesNotOwnTheTablesMigratesWithTheReferencesInPlace() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String schema = schema("wr");
    String admin = server.spec(PostgresServer.SUPERUSER, schema);
    Path empty = Files.createDirectories(tmp.resolve("empty").resolve("cases")).getParent();
    Files.copy(ws.resolve("salesflow.yaml"), empty.resolve("salesflow.yaml"));
    MigrateRoundTripTest.migrate(empty, null, admin); // the owner makes the tables, empty
    String role = "writer_" + schema;
    server.admin(PostgresServer.DATABASE, "CREATE ROLE " + role + " LOGIN PASSWORD 'writer-pw'",
        "GRANT CONNECT ON DATABASE " + PostgresServer.DATABASE + " TO " + role,
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
        "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    usePasswordFile(role, "writer-pw");
    MigrateRoundTripTest.migrate(ws, null, server.spec(role, schema));

    CliRun list = CliRun.in(ws, "--store", admin, "list", "--format", "csv");
    assertThat(list.outLines()).hasSize(1 + 14);
    String owned = schema("ad");
    MigrateRoundTripTest.migrate(ws, null, server.spec(PostgresServer.SUPERUSER, owned)); // the owner's way
    CliRun again = CliRun.in(ws, "--store", server.spec(PostgresServer.SUPERUSER, owned), "list", "--format", "csv");
    assertThat(again.outLines()).hasSize(1 + 14);
    for (String s : List.of(schema, owned)) {
      assertThat(server.rows(s, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = '" + s
          + "'::regnamespace ORDER BY conname")).as(s).containsExactly("clocks_case_id_fkey", "events_case_id_fkey");
    }
    // put back NOT VALID (the loaded rows are not joined again), and still checked for every new row
    assertThatThrownBy(() -> server.rows(owned, "INSERT INTO events(case_id, seq, at, at_unix, type)"
        + " VALUES ('ACME-2026-999', 0, '2026-11-02T09:30:00+08:00', 0, 'note') RETURNING 1"))
        .hasMessageContaining("events_case_id_fkey");
    assertThatThrownBy(() -> server.rows(owned, "INSERT INTO clocks(case_id, rule, started_unix, due_unix)"
        + " VALUES ('ACME-2026-999', 'r', 0, 0) RETURNING 1")).hasMessageContaining("clocks_case_id_fkey");
  }

  @Test
  void changedRulesRebuildTheClocksOnOpenAndAReadingRoleReplaysMeanwhile() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String schema = schema("rebuild");
    String pg = server.spec(PostgresServer.SUPERUSER, schema);
    MigrateRoundTripTest.migrate(ws, null, pg);
    String role = "reader_" + schema;
    server.admin(PostgresServer.DATABASE, "CREATE ROLE " + role + " LOGIN PASSWORD 'reader-pw'",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role, "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    usePasswordFile(role, "reader-pw");
    String early = ClockRebuildTest.EARLY;
    Path config = ws.resolve("salesflow.yaml");
    String before = overdue(ws, null, early);
    Files.writeString(config, Files.readString(config) + "\nsla:\n  - {id: needs-record, target: 12h}\n");
    String twelve = overdue(ws, null, early);
    assertThat(twelve).as("the override changes what is breached").isNotEqualTo(before);
    assertThat(overdue(ws, server.spec(role, schema), early)).as("a reading role, clocks stale: replayed").isEqualTo(twelve);
    assertThat(overdue(ws, pg, early)).as("rebuilt on open").isEqualTo(twelve);
    assertThat(server.rows(schema, "SELECT count(*) FROM clocks WHERE rule = 'needs-record'")).isNotEqualTo(List.of("0"));
  }

  private static String overdue(Path ws, String store, String now) {
    List<String> args = new ArrayList<>(List.of("--now", now, "--format", "json"));
    if (store != null) {
      args.addAll(List.of("--store", store));
    }
    args.add("overdue");
    CliRun r = CliRun.in(ws, args.toArray(String[]::new));
    assertThat(r.code()).as("%s", r).isIn(0, 1);
    return r.out();
  }

  @Test
  void aWrongPasswordIsExit3InOneLineNamingTheServerAndNeverShowsThePassword() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String role = "rep_" + schema("pw");
    server.admin(PostgresServer.DATABASE, "CREATE ROLE " + role + " LOGIN PASSWORD 'the-right-one'");
    usePasswordFile(role, "Wr0ng-s3cret-pw");
    String spec = server.spec(role, "pw");
    for (boolean verbose : new boolean[] {false, true}) {
      CliRun r = verbose ? CliRun.in(ws, "--verbose", "--store", spec, "list") : CliRun.in(ws, "--store", spec, "list");
      assertThat(r.code()).as("%s", r).isEqualTo(3);
      assertThat(r.all()).doesNotContain("Wr0ng-s3cret-pw").doesNotContain("the-right-one");
      String first = r.err().lines().findFirst().orElse("");
      assertThat(first).contains("127.0.0.1:" + server.port()).contains("database " + PostgresServer.DATABASE)
          .contains("password authentication failed");
      if (!verbose) {
        assertThat(r.err().strip().lines().filter(l -> !l.isBlank()).count()).as("%s", r).isLessThanOrEqualTo(2);
      }
    }
  }

  @Test
  void unreachableServerAndMissingDatabaseAreExit3NamingHostPortAndDatabase() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    CliRun refused = CliRun.in(ws, "--store", "postgresql://sf@127.0.0.1:" + closed + "/sales", "list");
    assertThat(refused.code()).as("%s", refused).isEqualTo(3);
    assertThat(refused.err()).contains("127.0.0.1:" + closed).contains("database sales");

    // a server that accepts the connection and never answers: the connect timeout ends the wait
    try (ServerSocket silent = new ServerSocket(0)) {
      long start = System.nanoTime();
      CliRun hung = CliRun.in(ws, "--store", "postgresql://sf@127.0.0.1:" + silent.getLocalPort() + "/sales?connect_timeout=2",
          "list");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(hung.code()).as("%s", hung).isEqualTo(3);
      assertThat(hung.err()).contains("127.0.0.1:" + silent.getLocalPort()).contains("database sales");
      assertThat(seconds).as("within the timeout, with room for a loaded machine").isLessThan(30);
    }

    CliRun missing = CliRun.in(ws, "--store", server.spec(PostgresServer.SUPERUSER, "x").replace("/salesflow?", "/nosuchdb?"),
        "list");
    assertThat(missing.code()).as("%s", missing).isEqualTo(3);
    assertThat(missing.err()).contains("127.0.0.1:" + server.port()).contains("database nosuchdb")
        .contains("does not exist");
  }

  @Test
  void aMissingSchemaIsRefusedByReadingCommandsAndCreatesNothing() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String spec = server.newSchemaSpec();
    CliRun r = CliRun.in(ws, "--store", spec, "list");
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains("no salesflow store in schema");
  }

  /**
   * 16 writers (threads, each running the command in-process with its own connection: 16 JVMs take
   * too long on this machine) × 10 {@code log} to one case, and 16 concurrent {@code register}
   * without {@code --id}.
   */
  @Test
  void concurrentWritersLoseNothingAndGetDistinctIds() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String pg = server.newSchemaSpec();
    MigrateRoundTripTest.migrate(ws, null, pg);
    int writers = 16;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<CliRun>> logs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        logs.add(() -> {
          for (int i = 0; i < each; i++) {
            CliRun r = CliRun.in(ws, "--store", pg, "--now", TestWorkspaces.NOW, "log", "ACME-2026-001", "note",
                "--note", "w" + writer + "-" + i, "--by", "zhang.wei");
            if (r.code() != 0) {
              return r;
            }
          }
          return null;
        });
      }
      for (Future<CliRun> f : pool.invokeAll(logs)) {
        assertThat(f.get()).as("a failed log").isNull();
      }
      List<Callable<CliRun>> registers = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        registers.add(() -> CliRun.in(ws, "--store", pg, "register", "--company", "X", "--industry", "retail",
            "--contact-name", "Li", "--phone", "1", "--source", "online", "--priority", "B", "--owner", "li.na",
            "--now", TestWorkspaces.NOW));
      }
      Set<String> ids = new HashSet<>();
      for (Future<CliRun> f : pool.invokeAll(registers)) {
        CliRun r = f.get();
        assertThat(r.code()).as("%s", r).isZero();
        ids.add(r.out().strip());
      }
      assertThat(ids).hasSize(writers);
    } finally {
      pool.shutdownNow();
    }
    try (CaseStore db = Workspace.open(ws).openStore(pg, ws)) {
      List<String> notes = db.load("ACME-2026-001").events().stream().map(e -> e.note())
          .filter(n -> n != null && n.matches("w\\d+-\\d+")).toList();
      assertThat(notes).hasSize(writers * each).doesNotHaveDuplicates();
      assertThat(db.ids()).hasSize(14 + writers);
    }
  }

  private void usePasswordFile(String role, String password) throws Exception {
    Path pgpass = tmp.resolve("pgpass");
    Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":*:" + role + ":" + password + "\n");
    Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    System.setProperty(PASSWORD_FILE, pgpass.toString());
  }
}
