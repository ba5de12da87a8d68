package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON shape salesflow prints is documented by a JSON Schema (draft 2020-12) in {@code
 * cli/src/main/resources/schema/}: the real output of each command on the example workspace is validated against its
 * schema with a real validator, and every object in the schemas closes its properties
 * ({@code additionalProperties}), so a field added to an output without being documented fails here.
 */
class JsonSchemaTest {
  private static final Path SCHEMAS = Path.of("src/main/resources/schema").toAbsolutePath().normalize();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonSchema> LOADED = new HashMap<>();
  /** The schemas some run was validated against. */
  private static final Set<String> USED = new TreeSet<>();
  /** The JSON-writing commands with a run below (shell runs the others; batch has batch-line). */
  private static final Set<String> COVERED = new TreeSet<>(Set.of("shell"));

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void copyExamples() {
    ws = TestWorkspaces.examplesAt(dir.resolve("ws"));
  }

  /** A command's run on the examples and the schema its stdout follows (each line of it, for JSON lines). */
  record Run(String schema, boolean lines, List<String> args) {
    static Run of(String schema, String... args) {
      return new Run(schema, false, List.of(args));
    }

    @Override
    public String toString() {
      return schema + ": " + String.join(" ", args);
    }
  }

  static Stream<Run> runs() {
    List<Run> runs = new ArrayList<>(List.of(
        Run.of("list", "list"),
        Run.of("register", "register", "--company", "Nordic Pumps AB", "--industry", "pumps", "--contact-name", "Erik",
            "--phone", "+46 8 123", "--source", "online", "--priority", "A", "--owner", "li.na"),
        Run.of("overdue", "overdue", "--due-within", "5d"),
        Run.of("notify", "notify", "--dry-run"),
        Run.of("report-funnel", "report", "funnel"),
        Run.of("report-sla", "report", "sla"),
        Run.of("report-aging", "report", "aging"),
        Run.of("report-owners", "report", "owners"),
        Run.of("report-forecast", "report", "forecast"),
        Run.of("report-forecast", "report", "forecast", "--owner", "li.na"),
        Run.of("report-forecast", "report", "forecast", "--by", "owner"),
        Run.of("report-all", "report", "all"),
        Run.of("report-all", "report", "all", "--period-of", "ended", "--from", "2026-10-01"),
        Run.of("report-all", "report", "all", "--period-of", "reached:solution", "--from", "2026-10-01"),
        Run.of("check", "check"),
        Run.of("log", "log", "ACME-2026-005", "contacted", "--note", "called back"),
        Run.of("log", "log", "ACME-2026-005", "contacted", "--dry-run"),
        Run.of("event", "approve", "ACME-2026-002", "--role", "general_manager", "--amount", "10", "--by", "zhang.wei",
            "--key", "approver-key"),
        Run.of("event", "attach", "ACME-2026-002", "scan.pdf", "--as", "contract_scan"),
        Run.of("advance", "advance", "ACME-2026-005", "--to", "needs", "--dry-run"),
        Run.of("advance", "advance", "ACME-2026-008", "--to", "solution"),
        Run.of("error", "log", "ACME-2026-005", "delivery_accepted"),
        Run.of("error", "show", "NOPE-1"),
        Run.of("error", "list", "--owner", "nobody"),
        Run.of("calendar-day", "calendar", "is-working-day"),
        Run.of("calendar-day", "calendar", "next-working-day", "2026-09-30"),
        Run.of("calendar-year", "calendar", "show", "2026"),
        Run.of("show-form", "show", "ACME-2026-001", "--form", "contract_signed"),
        Run.of("import", "import", "leads.csv", "--dry-run", "--skip-invalid"),
        Run.of("correction", "edit", "ACME-2026-005", "--set", "email=buyer@example.com", "--reason", "typo"),
        Run.of("correction", "reassign", "ACME-2026-005", "--to", "li.na", "--dry-run"),
        Run.of("correction", "reopen", "ACME-2026-004", "--reason", "lost by mistake"),
        new Run("batch-line", true, List.of("batch", "lines.txt", "--keep-going"))));
    for (int i = 1; i <= 14; i++) {
      runs.add(Run.of("show", "show", String.format("ACME-2026-%03d", i)));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void theOutputFollowsItsSchema(Run run) throws IOException {
    Files.writeString(ws.resolve("scan.pdf"), "%PDF-1.4 scan");
    Files.writeString(ws.resolve("leads.csv"), "company,industry,contact,phone,source,priority,owner\n"
        + "Acme GmbH,tools,Bob,+49 30 1,online,A,li.na\nAcme GmbH,tools,Bob,+49 30 1,online,B,li.na\nBad Ltd,x,Y,1,fax,Z,li.na\n");
    Files.writeString(ws.resolve("lines.txt"), "log ACME-2026-005 note --note x\nadvance ACME-2026-008 --to solution\n"
        + "show NOPE-1\n{\"cmd\": \"show\", \"case\": \"ACME-2026-005\"}\n");
    if (run.args().contains("approver-key")) {
      sshKeygen(ws.resolve("approver-key"));
    }
    CliRun r = sf(ws, TestWorkspaces.NOW, run.args());
    assertThat(r.out()).as("%s", r).isNotBlank();
    if (run.lines()) {
      for (String line : r.outLines()) {
        JsonNode node = JSON.readTree(line);
        assertValid(run.schema(), node, r);
        JsonNode output = node.get("output");
        // each line's output follows its own command's schema
        String command = node.get("command").asText().split(" ")[0];
        if (output.has("error") && !command.equals("advance")) {
          assertValid("error", output, r);
        } else if (!command.startsWith("{")) {
          assertValid(command, output, r);
        }
      }
    } else {
      assertValid(run.schema(), JSON.readTree(r.out()), r);
    }
    COVERED.add(run.args().get(0));
  }

  /** The rarer fields: calendar_fallback (a deadline in 2027, which has no official schedule yet), illegal, imported. */
  @Test
  void theRareFieldsFollowTheSchemasToo() throws IOException {
    Path file = ws.resolve("cases/ACME-2026-011.yaml");
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8)
        .replace("2026-11-20T15:00:00+08:00, type: delivery_accepted", "2026-12-31T15:00:00+08:00, type: delivery_accepted")
        .replace("2026-11-20T17:00:00+08:00, type: advance", "2026-12-31T17:00:00+08:00, type: advance"), StandardCharsets.UTF_8);
    Files.writeString(ws.resolve("cases/ACME-2026-050.yaml"), """
        id: ACME-2026-050
        customer: {company: Imported Co, industry: x, contact: {name: A, phone: "1"}}
        source: online
        priority: B
        owner: li.na
        registered_at: 2026-11-01T09:00:00+08:00
        events:
          - {at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation, source: crm}
          - {at: 2026-11-03T10:00:00+08:00, type: delivery_accepted, by: li.na}
        """);
    String now = "2027-01-07T10:00:00+08:00";
    Map<String, List<String>> runs = Map.of(
        "show", List.of("show", "ACME-2026-011"),
        "overdue", List.of("overdue"),
        "notify", List.of("notify", "--dry-run"),
        "check", List.of("check"));
    for (Map.Entry<String, List<String>> run : runs.entrySet()) {
      CliRun r = sf(ws, now, run.getValue());
      assertThat(r.out()).as("%s", r).contains("calendar_fallback");
      assertValid(run.getKey(), JSON.readTree(r.out()), r);
    }
    CliRun odd = sf(ws, now, List.of("show", "ACME-2026-050"));
    assertThat(odd.out()).as("%s", odd).contains("\"illegal\"", "\"imported\"");
    assertValid("show", JSON.readTree(odd.out()), odd);
  }

  @Test
  void anUndocumentedFieldFails() throws IOException {
    JsonNode list = JSON.readTree(sf(ws, TestWorkspaces.NOW, List.of("list")).out());
    ((com.fasterxml.jackson.databind.node.ObjectNode) list.get(0)).put("stage_label", "Lead");
    assertThat(schema("list").validate(list)).isNotEmpty();
  }

  @Test
  void everyObjectInTheSchemasClosesItsProperties() throws IOException {
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      for (Path file : files.toList()) {
        JsonNode schema = JSON.readTree(file.toFile());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> open = new ArrayList<>();
        openObjects(schema, "#", open);
        assertThat(open).as("objects without additionalProperties in %s", file.getFileName()).isEmpty();
      }
    }
  }

  private static void openObjects(JsonNode node, String at, List<String> open) {
    if (node.isObject()) {
      boolean object = node.has("properties") || (node.has("type") && node.get("type").toString().contains("\"object\""));
      if (object && !node.has("additionalProperties")) {
        open.add(at);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        openObjects(field.getValue(), at + "/" + field.getKey(), open);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        openObjects(node.get(i), at + "/" + i, open);
      }
    }
  }

  /** Run after the others (JUnit's default method order is deterministic but not declared: checked in AfterAll). */
  @AfterAll
  static void everySchemaIsUsedAndEveryJsonCommandIsCovered() throws IOException {
    if (USED.isEmpty()) {
      return; // only some tests were selected
    }
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      Set<String> all = new TreeSet<>();
      files.map(f -> f.getFileName().toString().replace(".schema.json", "")).forEach(all::add);
      all.remove("common");
      if (USED.contains("batch-line")) {
        assertThat(USED).as("schemas no run is validated against").containsAll(all);
      }
    }
    if (COVERED.size() > 10) {
      for (String command : CommandTree.SUBCOMMANDS.keySet()) {
        if (CommandTree.formats(command).contains(Format.JSON)) {
          assertThat(COVERED).as("commands that print JSON with no schema run").contains(command);
        }
      }
    }
  }

  /** A new ed25519 key without passphrase, made by the real ssh-keygen. */
  private static void sshKeygen(Path key) throws IOException {
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "approver", "-f", key.toString())
        .redirectErrorStream(true).start();
    try {
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0)
          .as("ssh-keygen: %s", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CliRun sf(Path ws, String now, List<String> args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", now, "--format", "json"));
    all.addAll(args);
    return CliRun.in(ws, all.toArray(String[]::new));
  }

  private static JsonSchema schema(String name) {
    return LOADED.computeIfAbsent(name, n -> FACTORY.getSchema(SCHEMAS.resolve(n + ".schema.json").toUri()));
  }

  private static void assertValid(String name, JsonNode output, CliRun run) {
    Set<ValidationMessage> problems = schema(name).validate(output);
    USED.add(name);
    assertThat(problems).as("%s.schema.json against%n%s", name, run).isEmpty();
  }
}
