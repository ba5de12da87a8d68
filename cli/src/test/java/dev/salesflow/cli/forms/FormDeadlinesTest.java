package dev.salesflow.cli.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines and guards from form content: the contract's delivery date as a clock, the delay notice
 * that must come before it, a signed amount below the checklist's floor price, a rejected acceptance.
 */
class FormDeadlinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** TO_DELIVERY with a delivery date of 2026-11-20 in the contract. */
  private static final String PROMISED = FormCases.TO_DELIVERY.replace("type: contract_signed, by: zhang.wei, amount: 680000}",
      "type: contract_signed, by: zhang.wei, amount: 680000, delivery_date: 2026-11-20}");

  @TempDir Path dir;
  FormCases w;

  @BeforeEach
  void workspace() {
    w = new FormCases(dir);
  }

  @Test
  void thePromisedDeliveryDateIsAClockDueAtTheEndOfThatDay() throws Exception {
    w.writeCase("SF-2026-001", PROMISED);
    CliRun overdue = w.sf("--format", "json", "overdue");
    assertThat(overdue.code()).as(overdue.toString()).isEqualTo(1);
    JsonNode items = JSON.readTree(overdue.out());
    JsonNode delivery = find(items, "delivery-on-time");
    assertThat(delivery.get("due_at").asText()).isEqualTo("2026-11-20T23:59:59+08:00");
    assertThat(delivery.get("state").asText()).isEqualTo("breached");
    assertThat(find(items, "delay-notice").get("due_at").asText()).isEqualTo("2026-11-20T23:59:59+08:00");

    // the same on SQLite, whose clocks are materialised when each event is written
    assertThat(w.sf("migrate", "--to", "sqlite:cases.db").code()).isZero();
    CliRun sqlite = w.sf("--store", "sqlite:cases.db", "--format", "json", "overdue");
    assertThat(sqlite.out()).isEqualTo(overdue.out());
    CliRun logged = w.sf("--store", "sqlite:cases.db", "log", "SF-2026-001", "delivery_accepted", "--at", "2026-11-25T10:00");
    assertThat(logged.code()).as(logged.toString()).isZero();
    JsonNode after = JSON.readTree(w.sf("--store", "sqlite:cases.db", "--format", "json", "overdue").out());
    assertThat(find(after, "delivery-on-time")).isNull();
    assertThat(find(after, "delay-notice")).isNull();
  }

  @Test
  void aDelayToldBeforeTheDateMeetsTheNoticeRuleAndCheckReportsOneToldTooLate() throws Exception {
    w.writeCase("SF-2026-001", PROMISED + """
          - {at: 2026-11-18T10:00:00+08:00, type: delay_notified, by: zhang.wei, note: 延期至11月30日}
        """);
    JsonNode items = JSON.readTree(w.sf("--format", "json", "overdue").out());
    assertThat(find(items, "delivery-on-time")).isNotNull();
    assertThat(find(items, "delay-notice")).isNull();
    CliRun show = w.sf("show", "SF-2026-001");
    assertThat(show.out()).containsPattern("Delay told to the customer before the delivery date +2026-11-05 12:00 +2026-11-20 23:59 +2026-11-18 10:00 +met");

    w.writeCase("SF-2026-002", PROMISED + """
          - {at: 2026-11-22T10:00:00+08:00, type: delay_notified, by: zhang.wei}
        """);
    CliRun check = w.sf("check");
    assertThat(check.out()).contains("SF-2026-002.yaml", "delay-notice", "[SF302 sla-late]");
  }

  @Test
  void aContractWithoutADeliveryDateStartsNoClock() throws Exception {
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    JsonNode items = JSON.readTree(w.sf("--format", "json", "overdue").out());
    assertThat(find(items, "delivery-on-time")).isNull();
    assertThat(find(items, "delay-notice")).isNull();
  }

  @Test
  void aRuleWithADeadlineFromAFieldTheEventDoesNotHaveIsRefused() throws Exception {
    w.setting("sla:\n  - {id: x, start: contract_signed, stop: delivery_accepted, due: {field: shipped_on}}");
    CliRun r = w.sf("list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("salesflow.yaml:", "rule x: 'contract_signed' has no field 'shipped_on'");
  }

  @Test
  void aSignedAmountBelowTheFloorPriceNeedsTheSalesManagersApproval() throws Exception {
    String negotiation = FormCases.TO_DELIVERY.substring(0, FormCases.TO_DELIVERY.indexOf("  - {at: 2026-11-05T10:00"))
        + """
          - {at: 2026-11-05T10:00:00+08:00, type: negotiation_prepared, by: zhang.wei, floor_price: 700000, currency: CNY}
          - {at: 2026-11-05T11:00:00+08:00, type: contract_reviewed, by: zhang.wei}
        """;
    String signed = """
          - {at: 2026-11-05T12:00:00+08:00, type: contract_signed, by: zhang.wei, amount: 680000}
        """;
    w.writeCase("SF-2026-001", negotiation + signed);
    CliRun refused = w.sf("advance", "SF-2026-001", "--to", "delivery", "--at", "2026-11-05T13:00");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("'contract_signed' amount 680000 is below the floor_price 700000 of the "
        + "'negotiation_prepared': it needs an event 'approval' by sales_manager or general_manager with amount at most 680000");

    w.writeCase("SF-2026-001", negotiation + """
          - {at: 2026-11-05T11:20:00+08:00, type: approval, by: liu.yang, role: sales_manager, amount: 690000}
        """ + signed);
    CliRun tooHigh = w.sf("advance", "SF-2026-001", "--to", "delivery", "--at", "2026-11-05T13:00");
    assertThat(tooHigh.code()).isEqualTo(1);
    assertThat(tooHigh.err()).contains("the 'approval' of 2026-11-05T11:20:00+08:00 by liu.yang does not count: approves 690000, more than 680000");

    w.writeCase("SF-2026-001", negotiation + """
          - {at: 2026-11-05T11:30:00+08:00, type: approval, by: liu.yang, role: sales_manager, amount: 680000}
        """ + signed);
    CliRun allowed = w.sf("advance", "SF-2026-001", "--to", "delivery", "--at", "2026-11-05T13:00");
    assertThat(allowed.code()).as(allowed.toString()).isZero();
  }

  @Test
  void aRejectedAcceptanceDoesNotLetTheCaseLeaveDelivery() throws Exception {
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY + """
          - {at: 2026-11-20T15:00:00+08:00, type: delivery_accepted, by: zhang.wei, result: rejected, signer: 王磊}
        """);
    CliRun refused = w.sf("advance", "SF-2026-001", "--to", "after_sales", "--at", "2026-11-21T09:00");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("missing event 'delivery_accepted' (the one of 2026-11-20T15:00:00+08:00 has result rejected)");
    assertThat(w.sf("log", "SF-2026-001", "delivery_accepted", "--set", "result=accepted_with_remarks",
        "--at", "2026-11-22T10:00").code()).isZero();
    assertThat(w.sf("advance", "SF-2026-001", "--to", "after_sales", "--at", "2026-11-22T11:00").code()).isZero();
  }

  private static JsonNode find(JsonNode items, String rule) {
    for (JsonNode item : items) {
      if (item.get("rule").asText().equals(rule)) {
        return item;
      }
    }
    return null;
  }
}
