package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a script reads on stdout under {@code --format json}: the JSON error object of a refused or
 * failed write (same exit code as in text), log's {@code dry_run}, register's clocks, overdue's company.
 */
class MachineAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOW = TestWorkspaces.NOW;

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void copyExamples() {
    ws = TestWorkspaces.examplesAt(dir.resolve("ws"));
  }

  private CliRun sf(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.toString();
    all[2] = "--now";
    all[3] = NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(dir, all);
  }

  private static JsonNode json(CliRun r) throws Exception {
    return JSON.readTree(r.out());
  }

  @Test
  void aRefusedLogPrintsAnErrorObjectOnStdoutAndKeepsItsExitCode() throws Exception {
    CliRun text = sf("log", "ACME-2026-001", "contract_signed", "--set", "amount=5");
    CliRun r = sf("log", "ACME-2026-001", "contract_signed", "--set", "amount=5", "--format", "json");
    assertThat(text.code()).as(text.toString()).isEqualTo(1);
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode error = json(r).get("error");
    assertThat(error.get("code").asText()).isEqualTo("refused");
    assertThat(error.get("exit").asInt()).isEqualTo(1);
    assertThat(error.get("case").asText()).isEqualTo("ACME-2026-001");
    assertThat(error.get("message").asText()).startsWith("ACME-2026-001: ");
    assertThat(error.get("problems").size()).isPositive();
    assertThat(r.err()).as("the message stays on stderr").contains("salesflow: ACME-2026-001");
  }

  @Test
  void anUnknownCaseIsAnErrorObjectWithExitTwo() throws Exception {
    for (String[] args : new String[][] {
        {"log", "NOPE-1", "meeting", "--format", "json"},
        {"advance", "NOPE-1", "--to", "needs", "--format", "json"},
        {"attach", "NOPE-1", "x.pdf", "--format", "json"},
        {"approve", "NOPE-1", "--role", "sales_manager", "--amount", "10", "--format", "json"}}) {
      CliRun r = sf(args);
      assertThat(r.code()).as(r.toString()).isEqualTo(2);
      JsonNode error = json(r).get("error");
      assertThat(error.get("exit").asInt()).as(r.toString()).isEqualTo(2);
      assertThat(error.get("code").asText()).as(r.toString()).isIn(ErrorJson.CODES);
    }
    JsonNode error = json(sf("log", "NOPE-1", "meeting", "--format", "json")).get("error");
    assertThat(error.get("code").asText()).isEqualTo("unknown-case");
    assertThat(error.get("case").asText()).isEqualTo("NOPE-1");
  }

  @Test
  void aRefusedAdvanceKeepsItsResultAndAddsTheErrorObject() throws Exception {
    CliRun r = sf("advance", "ACME-2026-001", "--to", "negotiation", "--format", "json");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode result = json(r);
    assertThat(result.get("allowed").asBoolean()).isFalse();
    assertThat(result.get("error").get("code").asText()).isEqualTo("refused");
    assertThat(result.get("error").get("problems")).isEqualTo(result.get("unmet"));
  }

  @Test
  void textOutputPrintsNothingOnStdoutWhenRefused() {
    CliRun r = sf("log", "NOPE-1", "meeting");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void logSaysWhetherItWasADryRun() throws Exception {
    JsonNode dry = json(sf("log", "ACME-2026-001", "note", "--note", "x", "--dry-run", "--format", "json"));
    JsonNode real = json(sf("log", "ACME-2026-001", "note", "--note", "x", "--format", "json"));
    assertThat(dry.get("dry_run").asBoolean()).isTrue();
    assertThat(real.get("dry_run").asBoolean()).isFalse();
  }

  @Test
  void registerShowsTheClocksItStarted() throws Exception {
    CliRun r = sf("register", "--company", "Nordic Pumps AB", "--industry", "pumps", "--contact-name", "Erik",
        "--phone", "+46 8 123", "--source", "online", "--priority", "A", "--owner", "li.na", "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode clocks = json(r).get("clocks");
    assertThat(clocks.size()).as(r.out()).isPositive();
    assertThat(clocks.get(0).get("rule").asText()).isEqualTo("first-contact");
    assertThat(clocks.get(0).get("due_at").asText()).isNotEmpty();
  }

  @Test
  void overdueCarriesTheCompany() throws Exception {
    JsonNode items = json(sf("overdue", "--format", "json"));
    assertThat(items.size()).isPositive();
    for (JsonNode item : items) {
      assertThat(item.get("company").asText()).isNotBlank();
    }
    CliRun csv = sf("overdue", "--format", "csv");
    assertThat(csv.outLines().get(0)).startsWith("case,company,rule,");
  }
}
