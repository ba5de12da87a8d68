package dev.salesflow.cli.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms as data: recording them with --form and --set, showing them, and forms: required. */
class FormsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NEEDS = """
      pain_points: 现有设备精度不足，废品率高
      purchase_goals: 年内更换两条产线的数控系统
      budget_range: 50万-80万
      functional_needs: 五轴联动，远程诊断
      service_needs: 现场培训两次
      delivery_cycle: 90天
      key_statements: "必须在春节前完成安装"
      confirmed_by: 王磊
      """;
  private static final String IN_NEEDS = """
        - {at: 2026-11-03T10:00:00+08:00, type: meeting, by: zhang.wei}
        - {at: 2026-11-03T11:00:00+08:00, type: advance, to: needs, by: zhang.wei}
      """;

  @TempDir Path dir;
  FormCases w;

  @BeforeEach
  void workspace() {
    w = new FormCases(dir);
  }

  @Test
  void aFormFileFillsTheNeedsRecordAndShowPrintsIt() throws Exception {
    Path file = w.writeCase("SF-2026-001", IN_NEEDS);
    CliRun log = w.sf("log", "SF-2026-001", "requirements_recorded", "--form", w.file("needs.yaml", NEEDS),
        "--at", "2026-11-04T10:00");
    assertThat(log.code()).as(log.toString()).isZero();
    String last = Files.readAllLines(file).get(Files.readAllLines(file).size() - 1);
    assertThat(last).startsWith("  - {at: 2026-11-04T10:00:00+08:00, type: requirements_recorded")
        .contains("pain_points: 现有设备精度不足，废品率高", "budget_range: \"50万-80万\"", "confirmed_by: 王磊");

    CliRun text = w.sf("--lang", "zh", "show", "SF-2026-001", "--form", "requirements_recorded");
    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.out()).startsWith("需求沟通记录表（表2）  SF-2026-001 #3, 2026-11-04 10:00")
        .contains("业务痛点", "现有设备精度不足，废品率高", "客户确认人", "王磊");

    JsonNode json = JSON.readTree(w.sf("--format", "json", "show", "SF-2026-001", "--form", "requirements_recorded").out());
    JsonNode fields = json.get(0).get("fields");
    assertThat(fields.fieldNames()).toIterable().containsExactly("pain_points", "purchase_goals", "budget_range",
        "functional_needs", "service_needs", "delivery_cycle", "key_statements", "confirmed_by");
    assertThat(fields.get("key_statements").asText()).isEqualTo("必须在春节前完成安装");
    assertThat(json.get(0).get("missing_required")).isEmpty();
  }

  @Test
  void aJsonFormFileWithItemsAndASetOnTopFillTheAcceptanceForm() throws Exception {
    Path file = w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    String form = w.file("acceptance.json", """
        {"items": [{"model": "ACME-DS-40", "quantity": 1, "price": 680000}, {"model": "Spare kit", "quantity": 2}],
         "currency": "CNY", "result": "accepted", "signer": "王磊", "date": "2026-11-20"}
        """);
    CliRun log = w.sf("log", "SF-2026-001", "delivery_accepted", "--form", form, "--set", "items.2.price=1200",
        "--set", "remarks=外包装轻微破损", "--at", "2026-11-20T15:00");
    assertThat(log.code()).as(log.toString()).isZero();
    assertThat(Files.readString(file)).contains("items.1.model: ACME-DS-40, items.1.quantity: 1, items.1.price: 680000, "
        + "items.2.model: Spare kit, items.2.quantity: 2, currency: CNY");

    JsonNode json = JSON.readTree(w.sf("--format", "json", "show", "SF-2026-001", "--form", "delivery_accepted").out());
    JsonNode items = json.get(0).get("fields").get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(1).get("model").asText()).isEqualTo("Spare kit");
    assertThat(items.get(1).get("price").asText()).isEqualTo("1200");
    CliRun text = w.sf("show", "SF-2026-001", "--form", "delivery_accepted");
    assertThat(text.out()).contains("Delivery acceptance form (Table 4)", "Spare kit", "1200 CNY", "accepted");
    // the case advances: an accepted acceptance satisfies the delivery guard
    assertThat(w.sf("advance", "SF-2026-001", "--to", "after_sales", "--at", "2026-11-21T09:00").code()).isZero();
  }

  @Test
  void badValuesInAFormFileAreReportedWithTheirPlaceAndNothingIsWritten() throws Exception {
    Path file = w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    String before = Files.readString(file);
    String form = w.file("acceptance.yaml", """
        items:
          - {model: ACME-DS-40, quantity: 0}
        result: passed
        signer: 王磊
        date: 2026-11-31
        colour: red
        """);
    CliRun log = w.sf("log", "SF-2026-001", "delivery_accepted", "--form", form);
    assertThat(log.code()).as(log.toString()).isEqualTo(2);
    assertThat(log.err()).contains(
        "acceptance.yaml:2:35: error: field 'items.1.quantity' must be a quantity above 0, got '0'",
        "acceptance.yaml:3:9: error: field 'result' must be one of accepted, accepted_with_remarks, rejected, got 'passed'",
        "acceptance.yaml:5:7: error: field 'date' must be a date (YYYY-MM-DD), got '2026-11-31'",
        "acceptance.yaml:6:1: error: 'delivery_accepted' form has no field 'colour'");
    log.assertNoStackTrace();
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void itemsSetOneByOneMustBeNumberedWithoutGaps() throws Exception {
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    CliRun gap = w.sf("log", "SF-2026-001", "delivery_accepted", "--set", "items.2.model=X", "--set", "items.2.quantity=1");
    assertThat(gap.code()).as(gap.toString()).isEqualTo(2);
    assertThat(gap.err()).contains("items are numbered from 1 without gaps: items.1 is missing before items.2");
    CliRun noQuantity = w.sf("log", "SF-2026-001", "delivery_accepted", "--set", "items.1.model=X");
    assertThat(noQuantity.code()).isEqualTo(2);
    assertThat(noQuantity.err()).contains("item 1 of 'items' needs its quantity");
  }

  @Test
  void aTypeWithoutAFormIsNamedWithTheTypesThatHaveOne() throws Exception {
    w.writeCase("SF-2026-001", IN_NEEDS);
    CliRun r = w.sf("log", "SF-2026-001", "meeting", "--form", w.file("x.yaml", "a: b\n"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("event type 'meeting' has no form (types with a form: requirements_recorded,");
    CliRun show = w.sf("show", "SF-2026-001", "--form", "requirements_recorded");
    assertThat(show.code()).as("a case without the form is a finding, not a usage error").isEqualTo(1);
    assertThat(show.err()).contains("case SF-2026-001 has no 'requirements_recorded' event (Needs record filed)");
  }

  @Test
  void withoutFormsRequiredOldCaseFilesStayValidWithItEveryMissingFieldIsAFinding() throws Exception {
    w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    CliRun lenient = w.sf("check");
    assertThat(lenient.code()).as(lenient.toString()).isZero();

    w.setting("forms: required");
    CliRun strict = w.sf("check");
    assertThat(strict.code()).as(strict.toString()).isEqualTo(1);
    // event 3 (requirements_recorded) is on line 13 of the file, its '{' at column 5
    assertThat(strict.out()).contains("cases/SF-2026-001.yaml:13:5: error: event #3 (requirements_recorded): "
        + "'requirements_recorded' form: needs 'pain_points'; needs 'purchase_goals'; needs 'budget_range'; needs "
        + "'functional_needs'; needs 'service_needs'; needs 'delivery_cycle'; needs 'key_statements'; needs 'confirmed_by'"
        + " [SF208 form-incomplete]");
    assertThat(strict.out()).contains("(contract_signed): 'contract_signed' form: needs 'currency'; needs 'payment_terms';"
        + " needs 'delivery_date'; needs 'penalty'; needs 'dispute_resolution'; needs 'after_sales_terms' [SF208");

    CliRun refused = w.sf("log", "SF-2026-001", "delivery_accepted", "--set", "result=accepted");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("cannot record 'delivery_accepted' (forms: required)",
        "'delivery_accepted' form: needs at least one item", "'delivery_accepted' form: needs 'signer' [SF208 form-incomplete]");

    CliRun zh = w.sf("--lang", "zh", "log", "SF-2026-001", "delivery_accepted", "--set", "result=accepted");
    assertThat(zh.code()).as(zh.toString()).isEqualTo(1);
    assertThat(zh.err()).contains("不能记录“delivery_accepted”（表单必填）",
        "“delivery_accepted”表单：至少需要一项（items.1.model、items.1.quantity）",
        "“delivery_accepted”表单：缺少“signer” [SF208 form-incomplete]").doesNotContain("needs");
    assertThat(w.sf("--lang", "zh", "check").out()).contains("error: 第 3 个事件（requirements_recorded）：“requirements_recorded”表单："
        + "缺少“pain_points”; 缺少“purchase_goals”;");
  }

  @Test
  void formsMustBeRequiredOrOptionalInChineseToo() throws Exception {
    w.setting("forms: yes please");
    CliRun r = w.sf("--lang", "zh", "list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("salesflow.yaml:", "forms 只能是 required 或 optional，实际为字符串 'yes please'");
  }

  @Test
  void formsMustBeRequiredOrOptional() throws Exception {
    w.setting("forms: yes please");
    CliRun r = w.sf("list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("salesflow.yaml:", "forms must be required or optional, got a string 'yes please'");
  }

  @Test
  void aBadFormDeclarationInAProcessFileIsReportedWhereItIsWritten() throws Exception {
    String process = new String(FormsTest.class.getResourceAsStream("/dev/salesflow/core/process/default-process.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String broken = process
        .replace("delivery_cycle: {kind: text, required: true,", "delivery_cycle: {kind: enum, required: true,")
        .replace("quoted_price: {kind: money, required: true,", "quoted_price: {kind: money, required: true, currency: coin,");
    Files.writeString(w.ws.resolve("process.yaml"), broken);
    w.setting("process: process.yaml");
    CliRun r = w.sf("list");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    int cycleLine = lineOf(broken, "delivery_cycle: {kind: enum");
    int priceLine = lineOf(broken, "quoted_price: {kind: money");
    assertThat(r.err()).contains("process.yaml:" + cycleLine + ":9: error: form field 'delivery_cycle': an enum field lists its values",
        "process.yaml:" + priceLine + ":9: error: form field 'quoted_price' is money: the form needs an enum field 'coin'");
  }

  private static int lineOf(String text, String needle) {
    return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
  }
}
