package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SQLite store that another program has been at: schema objects salesflow did not create
 * (triggers, views, tables) are refused before anything runs, with exit 3 and their names; an
 * empty file is never made a database by a command that only reads; ids that another program
 * stored against the id rule are findings of {@code check --store}, and {@code migrate --to DIR}
 * writes nothing outside DIR for them.
 */
class ForeignDatabaseCliTest {
  @TempDir Path tmp;
  Path ws;
  Path db;
  String store;

  @BeforeEach
  void database() {
    ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    db = tmp.resolve("cases.db");
    store = "sqlite:" + db;
    CliRun made = CliRun.in(ws, "migrate", "--to", store);
    assertThat(made.code()).as("%s", made).isZero();
  }

  private CliRun run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("-w", ws.toString(), "--store", store));
    all.addAll(List.of(args));
    return CliRun.in(ws, all.toArray(String[]::new));
  }

  @Test
  void aTriggerFromAnotherProgramIsRefusedAndNeverRuns() throws Exception {
    sql("CREATE TRIGGER wipe AFTER INSERT ON events BEGIN"
        + " DELETE FROM events WHERE case_id = 'ACME-2026-002'; UPDATE cases SET owner = 'mallory'; END");
    int events = count("SELECT count(*) FROM events WHERE case_id = 'ACME-2026-002'");

    CliRun log = run("log", "ACME-2026-001", "note", "--note", "hello", "--by", "zhang.wei", "--now", TestWorkspaces.NOW);
    assertThat(log.code()).as("%s", log).isEqualTo(3);
    assertThat(log.err()).contains(db.toString()).contains("trigger 'wipe'").contains("did not create");
    for (String[] read : List.of(new String[] {"list"}, new String[] {"check"}, new String[] {"show", "ACME-2026-001"},
        new String[] {"overdue", "--now", TestWorkspaces.NOW})) {
      CliRun r = run(read);
      assertThat(r.code()).as("%s: %s", String.join(" ", read), r).isEqualTo(3);
      assertThat(r.err()).contains("trigger 'wipe'");
    }
    assertThat(count("SELECT count(*) FROM events WHERE case_id = 'ACME-2026-002'")).isEqualTo(events);
    assertThat(count("SELECT count(*) FROM cases WHERE owner = 'mallory'")).isZero();
    assertThat(count("SELECT count(*) FROM events WHERE note = 'hello'")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CREATE VIEW everything AS SELECT * FROM cases",
      "CREATE TABLE extra(x)",
      "CREATE TRIGGER t BEFORE DELETE ON cases BEGIN SELECT 1; END"})
  void everyForeignObjectIsNamed(String ddl) throws Exception {
    sql(ddl);
    String name = ddl.split("[ (]")[2];
    CliRun r = run("list");
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains(ddl.split(" ")[1].toLowerCase(java.util.Locale.ROOT) + " '" + name + "'");
  }

  @Test
  void anIndexOfTheUsersOwnOnOurTablesIsAccepted() throws Exception {
    sql("CREATE INDEX mine ON cases(company)", "ANALYZE");
    CliRun r = run("list");
    assertThat(r.code()).as("%s", r).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"list", "check", "show", "overdue", "report", "export"})
  void anEmptyFileIsNeverMadeADatabaseByAReadingCommand(String command) throws Exception {
    Path empty = tmp.resolve("empty.db");
    Files.createFile(empty);
    List<String> args = new java.util.ArrayList<>(List.of("-w", ws.toString(), "--store", "sqlite:" + empty, command));
    switch (command) {
      case "show" -> args.add("ACME-2026-001");
      case "overdue", "report" -> args.addAll(List.of("--now", TestWorkspaces.NOW));
      case "export" -> args.add(tmp.resolve("out.csv").toString());
      default -> { }
    }
    if (command.equals("report")) {
      args.add(args.size() - 2, "funnel");
    }
    CliRun r = CliRun.in(ws, args.toArray(String[]::new));
    assertThat(r.code()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).contains(empty.toString()).contains("empty");
    assertThat(Files.size(empty)).isZero();
    assertThat(tmp.resolve("empty.db-wal")).doesNotExist();
    assertThat(tmp.resolve("empty.db-journal")).doesNotExist();
  }

  @Test
  void anEmptyFileBecomesADatabaseWhenCasesAreWrittenIntoIt() throws Exception {
    Path empty = tmp.resolve("touched.db");
    Files.createFile(empty);
    CliRun r = CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", "sqlite:" + empty);
    assertThat(r.code()).as("%s", r).isZero();
    assertThat(CliRun.in(ws, "-w", ws.toString(), "--store", "sqlite:" + empty, "list").code()).isZero();
  }

  @Test
  void idsAgainstTheRuleAreFindingsOfCheckAndNeverLeaveTheMigrationTarget() throws Exception {
    renameCase("ACME-2026-001", "../../escaped");
    renameCase("ACME-2026-002", "CON");

    CliRun check = run("check");
    assertThat(check.code()).as("%s", check).isEqualTo(1);
    assertThat(check.out() + check.err()).contains("invalid case id '../../escaped'").contains("invalid case id 'CON'")
        .contains("bad-id");

    Path target = tmp.resolve("out").resolve("cases");
    CliRun migrate = run("migrate", "--to", target.toString());
    assertThat(migrate.code()).as("%s", migrate).isNotZero();
    assertThat(migrate.err()).contains("invalid case id");
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.filter(p -> p.getFileName().toString().startsWith("escaped"))).isEmpty();
    }
  }

  private void renameCase(String from, String to) throws Exception {
    sql("UPDATE cases SET id = '" + to + "' WHERE id = '" + from + "'",
        "UPDATE events SET case_id = '" + to + "' WHERE case_id = '" + from + "'",
        "UPDATE clocks SET case_id = '" + to + "' WHERE case_id = '" + from + "'",
        "UPDATE report_clocks SET case_id = '" + to + "' WHERE case_id = '" + from + "'");
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private int count(String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
