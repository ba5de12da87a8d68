package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.output.TextTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} as users run it: widths, refusals, empty workspaces, csv safety, the html page. */
class ReportCommandTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void copyExamples() throws IOException {
    ws = dir.resolve("ws");
    TestWorkspaces.examplesAt(ws);
  }

  private CliRun sf(Path workspace, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", workspace.toString(), "--now", NOW));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  @Test
  void everyTextReportFitsEightyColumnsInBothLanguages() {
    for (String lang : List.of("en", "zh")) {
      CliRun run = sf(ws, "--lang", lang, "report", "all");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out().lines()).as(lang).isNotEmpty()
          .allSatisfy(line -> assertThat(TextTable.width(line)).as(line).isLessThanOrEqualTo(80));
      assertThat(run.out()).contains("█");
    }
  }

  @Test
  void chineseReportsLabelStagesRulesAndHeadersInChinese() {
    CliRun run = sf(ws, "--lang", "zh", "report", "all");
    assertThat(run.out()).contains("销售漏斗", "客户开发与信息登记", "会后24小时内提交需", "达成率", "停留最久的案例", "负责人概览")
        .doesNotContain("Lead registration", "First contact", "Compliance", "Stage");
  }

  @Test
  void badDatesAndPeriodsAreRefusedAsUsageErrors() {
    CliRun bad = sf(ws, "report", "funnel", "--from", "2026/11/01");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--from: '2026/11/01' is not a date such as 2026-11-01");
    CliRun backwards = sf(ws, "report", "sla", "--from", "2026-11-10", "--to", "2026-11-01");
    assertThat(backwards.code()).isEqualTo(2);
    assertThat(backwards.err()).contains("before it starts");
    CliRun kind = sf(ws, "report", "pipeline");
    assertThat(kind.code()).isEqualTo(2);
  }

  @Test
  void csvPrintsOneTableAndNamesTheTablesThereAre() {
    CliRun all = sf(ws, "report", "all", "--format", "csv");
    assertThat(all.code()).isEqualTo(2);
    assertThat(all.err()).contains("--format csv prints one table");
    CliRun unknown = sf(ws, "report", "aging", "--format", "csv", "--table", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no table 'nope' (tables: stages, oldest)");
  }

  @Test
  void anEmptyWorkspaceReportsZeroesInEveryFormat() {
    Path empty = dir.resolve("empty");
    assertThat(CliRun.in(dir, "init", empty.toString()).code()).isZero();
    for (String format : List.of("text", "json", "md", "html")) {
      CliRun run = sf(empty, "report", "all", "--format", format);
      assertThat(run.code()).as(format + ": " + run.err()).isZero();
    }
    CliRun text = sf(empty, "report", "funnel");
    assertThat(text.out()).contains("Cases: 0", "Lost by stage and reason\nNone\n");
    assertThat(sf(empty, "report", "sla", "--format", "csv").out()).contains("first-contact,0,0,0,0,,,");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
    CliRun lost = sf(ws, "advance", "ACME-2026-005", "--to", "lost", "--reason", "=HYPERLINK(\"http://x\")", "--by", "w");
    assertThat(lost.code()).as(lost.err()).isZero();
    String csv = sf(ws, "report", "funnel", "--format", "csv", "--table", "lost").out();
    assertThat(csv).contains("lead,1,\"'=HYPERLINK(\"\"http://x\"\")\"");
  }

  @Test
  void theHtmlPageIsSelfContained() {
    CliRun run = sf(ws, "report", "funnel", "--format", "html");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<style>", "<svg", "<title>Sales funnel</title>")
        .doesNotContain("<script", "<link", "src=");
    assertThat(run.out().replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(run.out().split("<rect class=\"bar\"", -1)).hasSize(8);
  }

  @Test
  void ownerAndPeriodNarrowTheReport() {
    String json = sf(ws, "report", "owners", "--owner", "li.na", "--format", "json").out();
    assertThat(json).contains("\"owner\" : \"li.na\"").doesNotContain("zhang.wei");
  }

  @Test
  void theHtmlPageListsTheBreachedDeadlinesAsOverdueDoes() throws Exception {
    var overdue = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sf(ws, "overdue", "--format", "json").out());
    assertThat(overdue.size()).isPositive();
    for (String kind : List.of("all", "sla")) {
      String html = sf(ws, "report", kind, "--format", "html").out();
      assertThat(html).contains("Breached deadlines");
      String table = html.substring(html.indexOf("Breached deadlines"));
      for (var item : overdue) {
        assertThat(table).contains(item.get("case").asText(), item.get("owner").asText());
      }
    }
    String lina = sf(ws, "report", "sla", "--owner", "li.na", "--format", "html").out();
    assertThat(lina.substring(lina.indexOf("Breached deadlines"))).contains("ACME-2026-011").doesNotContain("ACME-2026-013");
    assertThat(sf(ws, "report", "sla", "--format", "html", "--lang", "zh").out()).contains("超期事项");
    assertThat(sf(ws, "report", "sla", "--format", "json").out()).as("scripts have overdue for the list")
        .doesNotContain("ACME-2026-011");
    assertThat(sf(ws, "report", "funnel", "--format", "html").out()).doesNotContain("Breached deadlines");
    assertThat(sf(ws, "report", "sla", "--period-of", "ended", "--format", "html").out()).as("ended cases run no clock")
        .doesNotContain("Breached deadlines");
  }

  @Test
  void periodOfEndedCoversTheCasesWonOrLostInThePeriod() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    // ACME-2026-004 lost on 2026-10-28, ACME-2026-003 won (closed) on 2026-11-12
    var all = json.readTree(sf(ws, "report", "owners", "--period-of", "ended", "--format", "json").out());
    assertThat(all.get("period_of").asText()).isEqualTo("ended");
    assertThat(all.get("won").asInt()).isEqualTo(1);
    assertThat(all.get("win_rate_pct").asDouble()).isEqualTo(50.0);
    assertThat(all.get("open").asInt()).isZero();
    var november = json.readTree(sf(ws, "report", "funnel", "--period-of", "ended", "--from", "2026-11-01", "--format", "json").out());
    assertThat(november.get("cases").asInt()).isEqualTo(1);
    assertThat(november.get("contract_value").asInt()).isEqualTo(420000);
    var sla = json.readTree(sf(ws, "report", "sla", "--period-of", "ended", "--to", "2026-10-31", "--format", "json").out());
    assertThat(sla.get("clocks").asInt()).as("the clocks of ACME-2026-004 alone").isPositive().isLessThan(10);
    assertThat(sf(ws, "report", "funnel", "--period-of", "ended", "--from", "2026-11-01").out())
        .contains("Cases won or lost from 2026-11-01");
    CliRun bad = sf(ws, "report", "funnel", "--period-of", "stage");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--period-of must be registration or ended");
  }
}
