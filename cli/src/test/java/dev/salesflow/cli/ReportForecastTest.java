package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report forecast} on a workspace made through the CLI: estimates logged with {@code log
 * estimated}, the text and json a manager and a script read, the owner filter, csv of the owners
 * table, and the same numbers from a SQLite store (which replays the cases for it).
 */
class ReportForecastTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CliRun sf(Path ws, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", NOW));
    all.addAll(List.of(args));
    CliRun run = CliRun.in(dir, all.toArray(String[]::new));
    return run;
  }

  private void register(Path ws, String id, String owner) {
    CliRun run = sf(ws, "register", "--id", id, "--company", "Company " + id, "--industry", "manufacturing",
        "--contact-name", "Wang", "--phone", "+86 512 5555 0101", "--source", "exhibition", "--priority", "A",
        "--owner", owner, "--now", "2026-11-02T09:30:00+08:00");
    assertThat(run.code()).as(run.all()).isZero();
  }

  private void estimate(Path ws, String id, String amount, String at) {
    CliRun run = sf(ws, "log", id, "estimated", "--set", "amount=" + amount, "--by", "rep", "--now", at);
    assertThat(run.code()).as(run.all()).isZero();
  }

  /** Three deals in lead (10%): two estimated, one re-estimated; one in needs (20%) estimated, one lost. */
  private Path workspace() {
    Path ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
    register(ws, "SF-2026-001", "zhang.wei");
    register(ws, "SF-2026-002", "li.na");
    register(ws, "SF-2026-003", "li.na");
    register(ws, "SF-2026-004", "zhang.wei");
    register(ws, "SF-2026-005", "li.na");
    estimate(ws, "SF-2026-001", "800000", "2026-11-03T10:00:00+08:00");
    estimate(ws, "SF-2026-001", "1000000", "2026-11-04T10:00:00+08:00");
    estimate(ws, "SF-2026-002", "250000.50", "2026-11-03T10:00:00+08:00");
    estimate(ws, "SF-2026-004", "500000", "2026-11-03T10:00:00+08:00");
    assertThat(sf(ws, "advance", "SF-2026-004", "--to", "needs", "--now", "2026-11-05T10:00:00+08:00").code()).isZero();
    estimate(ws, "SF-2026-005", "9000000", "2026-11-03T10:00:00+08:00");
    assertThat(sf(ws, "advance", "SF-2026-005", "--to", "lost", "--reason", "budget", "--now", "2026-11-06T10:00:00+08:00")
        .code()).isZero();
    return ws;
  }

  @Test
  void textShowsEachOpenStageAndTheTotalWithTheOwners() {
    Path ws = workspace();
    CliRun run = sf(ws, "report", "forecast");
    assertThat(run.code()).as(run.all()).isZero();
    // lead: 1,000,000 + 250,000.5 at 10%; needs: 500,000 at 20%; the lost 9,000,000 is not in it
    assertThat(run.out()).contains("Forecast", "Open deals: 4", "With a value: 3", "Pipeline: 1,750,000.5",
        "Expected value: 225,000.05");
    assertThat(run.outLines()).anySatisfy(l -> assertThat(l).matches("Lead registration +3 +2 +1,250,000\\.5 +10% +125,000\\.05"))
        .anySatisfy(l -> assertThat(l).matches("Needs analysis +1 +1 +500,000 +20% +100,000"))
        .anySatisfy(l -> assertThat(l).matches("Total +4 +3 +1,750,000\\.5 +- +225,000\\.05"))
        .anySatisfy(l -> assertThat(l).matches("li\\.na +2 +1 +250,000\\.5 +25,000\\.05"))
        .anySatisfy(l -> assertThat(l).matches("zhang\\.wei +2 +2 +1,500,000 +200,000"));
    assertThat(sf(ws, "--lang", "zh", "report", "forecast").out()).contains("销售预测", "预期金额", "概率", "合计");
  }

  @Test
  void jsonHasPlainNumbersAndTheOwnerFilterApplies() throws Exception {
    Path ws = workspace();
    JsonNode all = JSON.readTree(sf(ws, "report", "forecast", "--format", "json").out());
    assertThat(all.get("report").asText()).isEqualTo("forecast");
    assertThat(all.get("expected").decimalValue()).isEqualByComparingTo("225000.05");
    JsonNode lead = all.get("stages").get(0);
    assertThat(lead.get("stage").asText()).isEqualTo("lead");
    assertThat(lead.get("open").asInt()).isEqualTo(3);
    assertThat(lead.get("valued").asInt()).isEqualTo(2);
    assertThat(lead.get("pipeline").decimalValue()).isEqualByComparingTo("1250000.5");
    assertThat(lead.get("probability_pct").asDouble()).isEqualTo(10.0);
    assertThat(lead.get("expected").decimalValue()).isEqualByComparingTo("125000.05");
    JsonNode total = all.get("stages").get(all.get("stages").size() - 1);
    assertThat(total.get("stage").asText()).isEqualTo("total");
    assertThat(total.get("probability_pct").isNull()).isTrue();

    JsonNode li = JSON.readTree(sf(ws, "report", "forecast", "--owner", "li.na", "--format", "json").out());
    assertThat(li.get("owner").asText()).isEqualTo("li.na");
    assertThat(li.get("open").asInt()).isEqualTo(2);
    assertThat(li.get("expected").decimalValue()).isEqualByComparingTo("25000.05");
    assertThat(li.get("owners")).hasSize(1);

    CliRun csv = sf(ws, "report", "forecast", "--format", "csv", "--table", "owners");
    assertThat(csv.out()).startsWith("owner,open,valued,pipeline,expected").contains("zhang.wei,2,2,1500000,200000");
  }

  @Test
  void sqliteGivesTheNumbersOfTheCaseFiles() throws Exception {
    Path ws = workspace();
    String folder = sf(ws, "report", "all", "--format", "json").out();
    Path db = dir.resolve("cases.db");
    CliRun migrated = sf(ws, "migrate", "--to", "sqlite:" + db);
    assertThat(migrated.code()).as(migrated.all()).isZero();
    CliRun sqlite = sf(ws, "--store", "sqlite:" + db, "report", "all", "--format", "json");
    assertThat(sqlite.code()).as(sqlite.all()).isZero();
    assertThat(JSON.readTree(sqlite.out()).get("forecast")).isEqualTo(JSON.readTree(folder).get("forecast"));
    assertThat(JSON.readTree(folder).get("forecast").get("open").asInt()).isEqualTo(4);
  }

  @Test
  void byOwnerGivesOneRowPerOwnerInEveryFormat() throws Exception {
    Path ws = workspace();
    CliRun text = sf(ws, "report", "forecast", "--by", "owner");
    assertThat(text.code()).as(text.all()).isZero();
    assertThat(text.out()).contains("Forecast by owner", "Open deals: 4", "Expected value: 225,000.05",
        "Expected value per owner").doesNotContain("Lead registration", "Total");
    assertThat(text.outLines()).anySatisfy(l -> assertThat(l).matches("li\\.na +2 +1 +250,000\\.5 +25,000\\.05"))
        .anySatisfy(l -> assertThat(l).matches("zhang\\.wei +2 +2 +1,500,000 +200,000"));
    assertThat(sf(ws, "--lang", "zh", "report", "forecast", "--by", "owner").out()).contains("销售预测（按负责人）", "负责人");

    JsonNode json = JSON.readTree(sf(ws, "report", "forecast", "--by", "owner", "--format", "json").out());
    assertThat(json.has("stages")).isFalse();
    assertThat(json.get("expected").decimalValue()).isEqualByComparingTo("225000.05");
    assertThat(json.get("owners")).hasSize(2);
    assertThat(json.get("owners").get(1).get("owner").asText()).isEqualTo("zhang.wei");
    assertThat(json.get("owners").get(1).get("expected").decimalValue()).isEqualByComparingTo("200000");
    JsonNode byStage = JSON.readTree(sf(ws, "report", "forecast", "--by", "stage", "--format", "json").out());
    assertThat(byStage).isEqualTo(JSON.readTree(sf(ws, "report", "forecast", "--format", "json").out()));
    assertThat(byStage.get("owners")).isEqualTo(json.get("owners"));

    CliRun csv = sf(ws, "report", "forecast", "--by", "owner", "--format", "csv");
    assertThat(csv.out()).isEqualTo(sf(ws, "report", "forecast", "--format", "csv", "--table", "owners").out())
        .startsWith("owner,open,valued,pipeline,expected").contains("li.na,2,1,250000.50,25000.05");
    assertThat(sf(ws, "report", "forecast", "--by", "owner", "--format", "md").out()).contains("| li.na | 2 | 1 |");
    assertThat(sf(ws, "report", "forecast", "--by", "owner", "--format", "html").out()).contains("zhang.wei", "<svg");
  }

  @Test
  void byOwnerOnSqliteGivesTheNumbersOfTheCaseFiles() throws Exception {
    Path ws = workspace();
    String folder = sf(ws, "report", "forecast", "--by", "owner", "--format", "json").out();
    Path db = dir.resolve("cases.db");
    assertThat(sf(ws, "migrate", "--to", "sqlite:" + db).code()).isZero();
    CliRun sqlite = sf(ws, "--store", "sqlite:" + db, "report", "forecast", "--by", "owner", "--format", "json");
    assertThat(sqlite.code()).as(sqlite.all()).isZero();
    assertThat(JSON.readTree(sqlite.out())).isEqualTo(JSON.readTree(folder));
  }

  @Test
  void byIsForTheForecastOnlyAndTakesStageOrOwner() {
    Path ws = workspace();
    CliRun funnel = sf(ws, "report", "funnel", "--by", "owner");
    assertThat(funnel.code()).isEqualTo(2);
    assertThat(funnel.err()).contains("--by owner applies to report forecast only");
    CliRun bad = sf(ws, "report", "forecast", "--by", "rep");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("'--by'", "rep");
  }
}
