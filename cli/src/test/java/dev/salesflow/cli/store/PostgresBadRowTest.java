package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import dev.salesflow.core.store.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One bad row in the PostgreSQL store, written by another program (as the {@code psql} shell
 * would), beside 13 good cases, on the test server ({@link PostgresServer}): read through the same
 * row decoding as SQLite ({@code RowDecoder}), the reads of many cases serve the 13, name the bad
 * case once (the spec as file, case, table and column) and exit 3; the bad case itself is refused
 * with nothing written; another case is not disturbed. As {@code hostile/BadRowTest} for SQLite.
 */
class PostgresBadRowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAD = "ACME-2026-001";

  @TempDir Path tmp;
  private final PostgresServer server = PostgresServer.get();

  @ParameterizedTest(name = "{0}")
  // events are append-only (a trigger refuses UPDATE and DELETE): another program's bad event is a new row
  @CsvSource(delimiter = ';', value = {
      "huge amount; 'contract_signed', '{\"amount\": \"1e2147483647\"}', '2026-11-20T10:00:00+08:00';"
          + " table events, row seq 31, column fields: field 'amount' must be a number from 0 to",
      "unparsable timestamp; 'note', '{}', '2026-13-45T25:00:00+08:00';"
          + " table events, row seq 31, column at: unreadable timestamp",
      "unknown event type; 'bogus', '{}', '2026-11-20T10:00:00+08:00';"
          + " table events, row seq 31, column type: unknown event type 'bogus'",
      "priority outside A, B, C; ;"
          + " table cases, column priority: priority must be A, B or C, got 'Z'"})
  void theReadsOfManyCasesServeTheOthersAndTheBadCaseIsRefused(String kind, String event, String problem) throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String pg = server.newSchemaSpec();
    MigrateRoundTripTest.migrate(ws, null, pg);
    String schema = PostgresServer.schemaOf(pg);
    String sql = event == null ? "UPDATE cases SET priority = 'Z' WHERE id = '" + BAD + "'"
        : "INSERT INTO events(case_id, seq, at, at_unix, type, recorded_by, note, fields) SELECT '" + BAD + "', max(seq) + 1, "
            + at(event) + ", 1795140000, " + typeAndFields(event) + " FROM events WHERE case_id = '" + BAD + "'";
    server.admin(PostgresServer.DATABASE, "SET search_path TO " + schema + "; " + sql);
    // the spec is the finding's file, as check names it (a path: its "//" shown as "/")
    String named = ":1:1: error: " + BAD + ": " + problem;

    for (String[] args : new String[][] {{"list"}, {"--format", "json", "list"}, {"export", "--events", "-"}}) {
      CliRun run = run(ws, pg, args);
      String what = kind + ": salesflow " + String.join(" ", args) + "\n" + run;
      assertThat(run.code()).as(what).isEqualTo(3);
      assertThat(run.out()).as(what).doesNotContain(BAD).contains("ACME-2026-0");
      if (args[0].equals("--format")) {
        JsonNode out = JSON.readTree(run.out());
        assertThat(out).as(what).hasSize(13);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(what).hasSize(1);
        JsonNode skipped = JSON.readTree(lines.get(0));
        assertThat(skipped.get("skipped").asBoolean()).isTrue();
        assertThat(skipped.get("case").asText()).isEqualTo(BAD);
        assertThat(skipped.get("message").asText()).as(what).startsWith(BAD + ": " + problem);
      } else {
        assertThat(run.err().lines().filter(l -> l.contains(named))).as(what).hasSize(1);
      }
    }
    List<String> before = server.rows(schema, "SELECT case_id, seq, at, type, fields::text FROM events ORDER BY 1, 2");
    for (String[] args : new String[][] {{"show", BAD}, {"log", BAD, "contacted", "--by", "zhang.wei", "--at", "2026-11-26T10:00:00+08:00"}}) {
      CliRun run = run(ws, pg, args);
      assertThat(run.code()).as("%s: %s", kind, run).isEqualTo(3);
      assertThat(run.err()).as("%s: %s", kind, run).contains(named);
    }
    assertThat(server.rows(schema, "SELECT case_id, seq, at, type, fields::text FROM events ORDER BY 1, 2"))
        .as("nothing written").isEqualTo(before);
    CliRun other = run(ws, pg, "show", "ACME-2026-002");
    assertThat(other.code()).as("%s", other).isZero();
  }

  /** The {@code at} literal of "'type', 'fields', 'at'". */
  private static String at(String event) {
    return event.substring(event.lastIndexOf(", ") + 2);
  }

  /** type, recorded_by, note, fields of "'type', 'fields', 'at'". */
  private static String typeAndFields(String event) {
    String[] parts = event.substring(0, event.lastIndexOf(", ")).split(", ", 2);
    return parts[0] + ", 'zhang.wei', NULL, " + parts[1] + "::json";
  }

  private static CliRun run(Path ws, String pg, String... args) {
    return CliRun.in(ws, Stream.concat(Stream.of("-w", ws.toString(), "--now", TestWorkspaces.NOW, "--store", pg),
        Stream.of(args)).toArray(String[]::new)).assertNoStackTrace();
  }
}
