package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.bench.CaseGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import CASES.csv --events EVENTS}: what {@code export} and {@code export --events} write
 * comes back exactly, into case files and into SQLite, and every event is judged as {@code log}
 * and {@code advance} judge it.
 */
class EventImportTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path dir;

  private CliRun sf(Path ws, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", NOW));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  /** An empty workspace with {@code source}'s settings. */
  private Path emptyLike(Path source, String name) throws IOException {
    Path ws = dir.resolve(name);
    Files.createDirectories(ws.resolve("cases"));
    Files.copy(source.resolve("salesflow.yaml"), ws.resolve("salesflow.yaml"));
    return ws;
  }

  private void export(Path ws, List<String> store, String cases, String events) {
    List<String> a = new ArrayList<>(store);
    a.addAll(List.of("export", cases));
    assertThat(sf(ws, a.toArray(String[]::new)).code()).isZero();
    List<String> b = new ArrayList<>(store);
    b.addAll(List.of("export", "--events", events));
    assertThat(sf(ws, b.toArray(String[]::new)).code()).isZero();
  }

  /** Exports {@code source}, imports into an empty folder and an empty SQLite store, and compares. */
  private void roundTrips(Path source, String name) throws IOException {
    export(source, List.of(), name + "-cases.csv", name + "-events.csv");
    List<String> ids = ids(source);
    for (String store : List.of("folder", "sqlite")) {
      Path ws = emptyLike(source, name + "-" + store);
      List<String> storeArgs = store.equals("folder") ? List.of() : List.of("--store", "sqlite:" + dir.resolve(name + ".db"));
      List<String> args = new ArrayList<>(storeArgs);
      args.addAll(List.of("import", name + "-cases.csv", "--events", name + "-events.csv"));
      CliRun imported = sf(ws, args.toArray(String[]::new));
      assertThat(imported.code()).as(imported.toString()).isZero();
      assertThat(imported.out()).contains("Registered " + ids.size() + " cases");
      export(ws, storeArgs, name + "-" + store + "-cases.csv", name + "-" + store + "-events.csv");
      assertThat(dir.resolve(name + "-" + store + "-events.csv")).hasSameBinaryContentAs(dir.resolve(name + "-events.csv"));
      assertThat(dir.resolve(name + "-" + store + "-cases.csv")).hasSameBinaryContentAs(dir.resolve(name + "-cases.csv"));
      for (String id : ids) {
        List<String> show = new ArrayList<>(storeArgs);
        show.addAll(List.of("show", id, "--format", "json"));
        // an event's fields come back in the export's column order: equal as JSON, not byte for byte
        assertThat(JSON.readTree(sf(ws, show.toArray(String[]::new)).out())).as(store + " " + id)
            .isEqualTo(JSON.readTree(sf(source, "show", id, "--format", "json").out()));
      }
    }
  }

  private static List<String> ids(Path ws) throws IOException {
    try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.replace(".yaml", ""))
          .sorted().toList();
    }
  }

  @Test
  void theExamplesRoundTripIntoFilesAndSqlite() throws Exception {
    roundTrips(EXAMPLES, "examples");
  }

  @Test
  void aGeneratedWorkspaceRoundTripsIntoFilesAndSqlite() throws Exception {
    Path generated = dir.resolve("generated");
    CaseGenerator.main(new String[] {generated.toString(), "300", "7"});
    roundTrips(generated, "generated");
  }

  @Test
  void dealsOpenedByAnImportRoundTripWithTheirOpening() throws Exception {
    Path deals = dir.resolve("deals");
    assertThat(CliRun.in(dir, "init", deals.toString()).code()).isZero();
    Files.writeString(dir.resolve("deals.csv"), "id,company,contact_name,industry,source,priority,owner,registered_at,stage,amount,reason\n"
        + "D-1,Alpha,Ann,retail,other,B,ann,2026-05-01T09:00:00+08:00,closed,1200,\n"
        + "D-2,Beta,Bob,retail,other,C,bob,2026-05-02T09:00:00+08:00,lost,,price\n"
        + "D-3,Gamma,Cy,retail,other,A,ann,2026-05-03T09:00:00+08:00,negotiation,,\n"
        + "D-4,Delta,Di,retail,other,A,bob,2026-05-04T09:00:00+08:00,lead,,\n");
    CliRun imported = sf(deals, "import", "deals.csv", "--map", "stage=stage", "--map", "amount=amount", "--map", "reason=reason");
    assertThat(imported.code()).as(imported.toString()).isZero();
    roundTrips(deals, "deals");
    assertThat(Files.readAllLines(dir.resolve("deals-events.csv")).get(0)).endsWith(",source,note,recorded_at");
    // check and the funnel count the three deals opened by the import, on case files and on SQLite
    assertThat(JSON.readTree(sf(deals, "check", "--format", "json").out()).get("imported").asInt()).isEqualTo(3);
    assertThat(sf(deals, "check").err()).contains("(3 cases opened by import)");
    assertThat(JSON.readTree(sf(deals, "report", "funnel", "--format", "json").out()).get("imported").asInt()).isEqualTo(3);
    assertThat(JSON.readTree(sf(dir.resolve("deals-sqlite"), "--store", "sqlite:" + dir.resolve("deals.db"), "report", "funnel",
        "--format", "json").out()).get("imported").asInt()).isEqualTo(3);
    assertThat(JSON.readTree(sf(deals, "report", "funnel", "--format", "json", "--owner", "bob").out()).get("imported").asInt())
        .isEqualTo(1);
  }

  @Test
  void jsonLinesWithTheExportsNamesImportAsTheCsvDoes() throws Exception {
    export(EXAMPLES, List.of(), "cases.csv", "events.csv");
    StringBuilder jsonl = new StringBuilder();
    try (CSVParser csv = CSVParser.parse(new StringReader(Files.readString(dir.resolve("events.csv"))),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : csv) {
        Map<String, String> line = new LinkedHashMap<>();
        r.toMap().forEach((k, v) -> {
          if (!v.isEmpty()) {
            line.put(k, v.startsWith("'") ? v.substring(1) : v);
          }
        });
        jsonl.append(JSON.writeValueAsString(line)).append('\n');
      }
    }
    Files.writeString(dir.resolve("events.jsonl"), jsonl, StandardCharsets.UTF_8);
    Path ws = emptyLike(EXAMPLES, "ws");
    CliRun imported = sf(ws, "import", "cases.csv", "--events", "events.jsonl", "--format", "json");
    assertThat(imported.code()).as(imported.toString()).isZero();
    JsonNode result = JSON.readTree(imported.out());
    // the examples' 258 events (255 before the three estimates of ACME-2026-006, -008 and -014)
    assertThat(result.get("events").asInt()).isEqualTo(258);
    assertThat(result.get("registered")).hasSize(14);
    assertThat(sf(ws, "export", "--events", "again.csv").code()).isZero();
    assertThat(dir.resolve("again.csv")).hasSameBinaryContentAs(dir.resolve("events.csv"));
  }

  /** The examples' export with line {@code line} (1-based) of the event file replaced. */
  private List<String> eventLines() throws IOException {
    export(EXAMPLES, List.of(), "cases.csv", "events.csv");
    return new ArrayList<>(Files.readAllLines(dir.resolve("events.csv")));
  }

  @Test
  void anEventTheProcessRefusesMakesItsCaseInvalidAndNothingIsWritten() throws Exception {
    List<String> lines = eventLines();
    int advance = firstLine(lines, "ACME-2026-002,", ",advance,");
    // the first advance of ACME-2026-002 goes straight to negotiation: its guards do not hold
    lines.set(advance - 1, lines.get(advance - 1).replaceFirst(",advance,([^,]*),needs,", ",advance,$1,negotiation,"));
    Files.write(dir.resolve("events.csv"), lines);
    Path ws = emptyLike(EXAMPLES, "ws");
    CliRun refused = sf(ws, "import", "cases.csv", "--events", "events.csv");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("cases.csv: row 3: events.csv:" + advance + ": 'advance' at ")
        .contains("cannot advance to negotiation");
    assertThat(refused.out()).contains("Nothing registered: 1 invalid row");
    assertThat(ids(ws)).isEmpty();

    CliRun skipped = sf(ws, "import", "cases.csv", "--events", "events.csv", "--skip-invalid");
    assertThat(skipped.code()).isEqualTo(1);
    assertThat(skipped.out()).contains("Registered 13 cases").contains("1 invalid");
    assertThat(ids(ws)).hasSize(13).doesNotContain("ACME-2026-002");
    // the valid cases are whole: the same log as the examples'
    assertThat(JSON.readTree(sf(ws, "show", "ACME-2026-001", "--format", "json").out()))
        .isEqualTo(JSON.readTree(sf(EXAMPLES, "show", "ACME-2026-001", "--format", "json").out()));
  }

  private static int firstLine(List<String> lines, String start, String contains) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start) && lines.get(i).contains(contains)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + start + "…" + contains);
  }

  @Test
  void badCellsAreNamedWithFileLineAndColumn() throws Exception {
    List<String> lines = eventLines();
    int meeting = firstLine(lines, "ACME-2026-001,", ",meeting,");
    lines.set(meeting - 1, lines.get(meeting - 1).replace("2026-09-07T10:00:00+08:00", "7 Sept"));
    lines.add("ACME-2026-999,2026-11-01T10:00:00+08:00,contacted,zhang.wei,,,,,,,,phone,,,,");
    lines.add(",2026-11-01T10:00:00+08:00,contacted,zhang.wei,,,,,,,,phone,,,,");
    Files.write(dir.resolve("events.csv"), lines);
    Path ws = emptyLike(EXAMPLES, "ws");
    CliRun refused = sf(ws, "import", "cases.csv", "--events", "events.csv", "--format", "json");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("cases.csv: row 2: events.csv:" + meeting + ": column 'at': '7 Sept' is not")
        .contains("events.csv:" + (lines.size() - 1) + ": case ACME-2026-999 (1 event) is not in the case list")
        .contains("events.csv:" + lines.size() + ": column 'case' is blank");
    JsonNode result = JSON.readTree(refused.out());
    assertThat(result.get("written").asBoolean()).isFalse();
    assertThat(result.get("event_errors")).hasSize(2);
    assertThat(ids(ws)).isEmpty();
  }

  @Test
  void importingTheSameFilesTwiceRegistersNothingTheSecondTimeAndAStoredLogIsNotAppendedTo() throws Exception {
    export(EXAMPLES, List.of(), "cases.csv", "events.csv");
    Path ws = emptyLike(EXAMPLES, "ws");
    assertThat(sf(ws, "import", "cases.csv", "--events", "events.csv").code()).isZero();
    CliRun again = sf(ws, "import", "cases.csv", "--events", "events.csv");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("Registered no cases").contains("14 already registered");

    Files.writeString(dir.resolve("one.csv"), Files.readAllLines(dir.resolve("cases.csv")).get(0) + "\n");
    CliRun orphan = sf(ws, "import", "one.csv", "--events", "events.csv");
    assertThat(orphan.code()).isEqualTo(1);
    assertThat(orphan.err()).contains("events.csv:2: case ACME-2026-001 (")
        .contains("it is already registered here, and --events imports whole cases, it does not append");
  }
}
