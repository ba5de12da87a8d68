package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.output.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    assertThat(bad.err()).contains("--period-of must be registration, ended or reached:STAGE");
  }
  /**
   * The first day each case entered {@code stage}, by case id, read from the case files' text (not
   * by salesflow): the first {@code advance} to it; registration for the first stage.
   */
  private static Map<String, LocalDate> firstEntries(Path cases, String stage) throws IOException {
    Pattern advance = Pattern.compile("\\{at: (\\S+), type: advance,.*\\bto: ([a-z_]+)");
    Map<String, LocalDate> first = new TreeMap<>();
    try (var files = Files.list(cases)) {
      for (Path file : files.sorted().toList()) {
        String id = file.getFileName().toString().replace(".yaml", "");
        for (String line : Files.readAllLines(file)) {
          Matcher m = advance.matcher(line);
          if (line.startsWith("registered_at: ") && stage.equals("lead")) {
            first.putIfAbsent(id, OffsetDateTime.parse(line.substring(15).strip()).toLocalDate());
          } else if (m.find() && m.group(2).equals(stage)) {
            first.putIfAbsent(id, OffsetDateTime.parse(m.group(1)).toLocalDate()); // +08:00, the workspace's zone
          }
        }
      }
    }
    return first;
  }

  private static String ownerOf(Path cases, String id) throws IOException {
    return Files.readAllLines(cases.resolve(id + ".yaml")).stream().filter(l -> l.startsWith("owner: "))
        .findFirst().orElseThrow().substring(7).strip();
  }

  @Test
  void periodOfReachedCoversTheCasesThatFirstEnteredTheStageInThePeriodOnBothStores() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    Path cases = ws.resolve("cases");
    LocalDate from = LocalDate.of(2026, 10, 1);
    LocalDate to = LocalDate.of(2026, 11, 30);
    Map<String, Integer> expected = new TreeMap<>();
    Map<String, LocalDate> firstSolution = firstEntries(cases, "solution");
    for (var e : firstSolution.entrySet()) {
      if (!e.getValue().isBefore(from) && !e.getValue().isAfter(to)) {
        expected.merge(ownerOf(cases, e.getKey()), 1, Integer::sum);
      }
    }
    // ACME-2026-002 went back to needs and entered solution again on 2026-10-12: its first entry is in September
    assertThat(firstSolution.get("ACME-2026-002")).isBefore(from);
    assertThat(expected.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    Path db = dir.resolve("cases.db");
    assertThat(sf(ws, "migrate", "--to", "sqlite:" + db).code()).isZero();
    for (List<String> store : List.of(List.<String>of(), List.of("--store", "sqlite:" + db))) {
      List<String> args = new ArrayList<>(store);
      args.addAll(List.of("report", "REPORT", "--period-of", "reached:solution", "--from", from.toString(), "--to", to.toString(),
          "--format", "json"));
      args.set(store.size() + 1, "funnel");
      CliRun funnel = sf(ws, args.toArray(String[]::new));
      assertThat(funnel.code()).as(funnel.err()).isZero();
      var f = json.readTree(funnel.out());
      assertThat(f.get("period_of").asText()).isEqualTo("reached:solution");
      assertThat(f.get("cases").asInt()).as("%s", store).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
      args.set(store.size() + 1, "owners");
      var o = json.readTree(sf(ws, args.toArray(String[]::new)).out());
      List<String> owners = new ArrayList<>();
      o.get("owners").forEach(row -> owners.add(row.get("owner").asText()));
      assertThat(owners).as("%s", store).containsExactlyElementsOf(expected.keySet());
      Map<String, Integer> perOwner = new TreeMap<>();
      for (String owner : expected.keySet()) {
        List<String> one = new ArrayList<>(args);
        one.set(store.size() + 1, "funnel");
        one.addAll(List.of("--owner", owner));
        perOwner.put(owner, json.readTree(sf(ws, one.toArray(String[]::new)).out()).get("cases").asInt());
      }
      assertThat(perOwner).as("%s", store).isEqualTo(expected);
      args.set(store.size() + 1, "sla");
      var sla = json.readTree(sf(ws, args.toArray(String[]::new)).out());
      assertThat(sla.get("period_of").asText()).isEqualTo("reached:solution");
    }
    int all = firstEntries(cases, "negotiation").size();
    var unbounded = json.readTree(sf(ws, "report", "funnel", "--period-of", "reached:negotiation", "--format", "json").out());
    assertThat(unbounded.get("cases").asInt()).as("every case that ever reached negotiation").isEqualTo(all);
    assertThat(sf(ws, "report", "funnel", "--period-of", "reached:negotiation").out()).contains("Cases that reached negotiation");
    assertThat(sf(ws, "report", "funnel", "--period-of", "reached:solution", "--from", "2026-10-01").out())
        .contains("Cases that reached solution from 2026-10-01");
    for (String format : List.of("md", "html")) {
      CliRun run = sf(ws, "report", "all", "--period-of", "reached:solution", "--from", "2026-10-01", "--format", format);
      assertThat(run.code()).as(format + run.err()).isZero();
      assertThat(run.out()).as(format).contains("Cases that reached solution from 2026-10-01");
    }
    CliRun csv = sf(ws, "report", "funnel", "--period-of", "reached:solution", "--from", from.toString(), "--to", to.toString(),
        "--format", "csv");
    assertThat(csv.out().lines().filter(l -> l.startsWith("lead,")).findFirst().orElseThrow())
        .as("every case covered reached lead").startsWith("lead," + expected.values().stream().mapToInt(Integer::intValue).sum() + ",");
    CliRun unknown = sf(ws, "report", "funnel", "--period-of", "reached:signing");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--period-of reached: unknown stage 'signing'", "negotiation").doesNotContain("Exception");
  }
}
