package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases opened mid-process by an {@code opened} first event, as an import of deals writes them. */
class OpenedCaseTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void init() {
    ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
  }

  private void caseFile(String id, String... events) throws Exception {
    StringBuilder s = new StringBuilder("id: " + id + "\ncustomer:\n  company: " + id + " Ltd\n  industry: retail\n  contact: {name: Li}\nsource: other\n"
        + "priority: B\nowner: ann\nregistered_at: 2026-10-01T09:00:00+08:00\nevents:\n");
    for (String e : events) {
      s.append("  - ").append(e).append('\n');
    }
    Files.writeString(ws.resolve("cases/" + id + ".yaml"), s, StandardCharsets.UTF_8);
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

  @Test
  void aCaseOpenedInNegotiationStartsThereMarkedImportedWithoutClocksBeforeItsOpening() throws Exception {
    caseFile("D-1", "{at: 2026-11-20T10:00:00+08:00, type: opened, to: negotiation, source: crm, reason: migrated}");
    CliRun shown = sf("show", "D-1", "--format", "json");
    assertThat(shown.code()).as(shown.toString()).isZero();
    JsonNode c = JSON.readTree(shown.out());
    assertThat(c.get("stage").asText()).isEqualTo("negotiation");
    assertThat(c.get("stage_since").asText()).isEqualTo("2026-11-20T10:00:00+08:00");
    assertThat(c.get("imported").get("source").asText()).isEqualTo("crm");
    assertThat(c.get("imported").get("stage").asText()).isEqualTo("negotiation");
    // no first-contact clock from the registration: that happened in the other system
    assertThat(c.get("clocks").findValuesAsText("rule")).doesNotContain("first-contact");
    assertThat(sf("show", "D-1").out()).contains("Imported    negotiation, 2026-11-20 10:00, crm");
    assertThat(sf("check").code()).as(sf("check").toString()).isZero();
    // it goes on from there under the same guards
    CliRun refused = sf("advance", "D-1", "--to", "delivery");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("contract_signed");
  }

  @Test
  void wonAndLostDealsOpenAsClosedWithTheirAmountAndLostWithTheirReason() throws Exception {
    caseFile("W-1", "{at: 2026-10-05T10:00:00+08:00, type: opened, to: closed, amount: 1200, source: crm}");
    caseFile("W-2", "{at: 2026-10-06T10:00:00+08:00, type: opened, to: closed, amount: 800.5}");
    caseFile("L-1", "{at: 2026-10-07T10:00:00+08:00, type: opened, to: lost, reason: price}");
    CliRun funnel = sf("report", "funnel", "--format", "json");
    assertThat(funnel.code()).as(funnel.toString()).isZero();
    JsonNode report = JSON.readTree(funnel.out());
    assertThat(report.toString()).contains("\"price\"");
    JsonNode closed = null;
    for (JsonNode row : report.get("stages")) {
      if (row.get("stage").asText().equals("closed")) {
        closed = row;
      }
    }
    assertThat(closed).as(report.toPrettyString()).isNotNull();
    assertThat(closed.get("current").asInt()).isEqualTo(2);
    assertThat(closed.get("contract_value").decimalValue()).isEqualByComparingTo("2000.5");
    assertThat(sf("log", "W-1", "note", "--note", "late").code()).isEqualTo(1);
    assertThat(sf("check").code()).isZero();
  }

  @Test
  void openedIsRefusedAnywhereButFirstAndAsLostWithoutAReason() throws Exception {
    caseFile("X-1", "{at: 2026-10-05T10:00:00+08:00, type: note, note: hi}",
        "{at: 2026-10-06T10:00:00+08:00, type: opened, to: needs}");
    caseFile("X-2", "{at: 2026-10-05T10:00:00+08:00, type: opened, to: lost}");
    caseFile("X-3", "{at: 2026-10-05T10:00:00+08:00, type: opened, to: needs, colour: red}");
    CliRun check = sf("check");
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.all()).contains("X-1.yaml", "'opened' can only be the first event")
        .contains("X-2.yaml", "needs a 'reason'")
        .contains("X-3.yaml", "unknown event field 'colour'");
    caseFile("X-4");
    CliRun logged = sf("log", "X-4", "note", "--at", "2026-10-05T10:00");
    assertThat(logged.code()).isZero();
    CliRun late = sf("log", "X-4", "opened", "--set", "to=needs", "--at", "2026-10-06T10:00");
    assertThat(late.code()).isEqualTo(1);
    assertThat(late.err()).contains("only be the first event");
  }
}
