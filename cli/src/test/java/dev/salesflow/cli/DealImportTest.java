package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM's deal export (one row per opportunity, many per account; stages Prospecting, Engaging, Won
 * and Lost) imported with its stages: what {@code report} prints equals a computation done over the
 * CSV here, without salesflow.
 */
class DealImportTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STAGES = {"Prospecting", "Engaging", "Won", "Lost"};
  private static final String[] AGENTS = {"Ann", "Bob", "Chen", "Dee"};

  @TempDir Path dir;

  private static List<String[]> deals(int n) {
    Random random = new Random(20);
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String stage = STAGES[random.nextInt(STAGES.length)];
      int day = 1 + random.nextInt(28);
      String engage = stage.equals("Prospecting") && random.nextBoolean() ? "" : "2026-0" + (1 + random.nextInt(5)) + "-" + (day < 10 ? "0" : "") + day;
      boolean closed = stage.equals("Won") || stage.equals("Lost");
      String close = closed ? "2026-07-" + (day < 10 ? "0" : "") + day : "";
      String value = stage.equals("Won") ? String.valueOf(100 + random.nextInt(9000)) : stage.equals("Lost") ? "0" : "";
      rows.add(new String[] {"OPP" + i, AGENTS[random.nextInt(AGENTS.length)], "GTX", "Account " + random.nextInt(7), stage, engage,
          close, value});
    }
    return rows;
  }

  private CliRun sf(Path ws, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.toString();
    all[2] = "--now";
    all[3] = NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(dir, all);
  }

  private static final String[] MAPPING = {"--map", "opportunity_id=id", "--map", "sales_agent=owner", "--map", "product=need",
      "--map", "account=company", "--map", "deal_stage=stage", "--map", "engage_date=registered_at", "--map", "close_date=stage_at",
      "--map", "close_value=amount", "--map-value", "deal_stage:Prospecting=lead", "--map-value", "deal_stage:Engaging=needs",
      "--map-value", "deal_stage:Won=closed", "--map-value", "deal_stage:Lost=lost", "--default", "industry=unknown",
      "--default", "contact_name=unknown", "--default", "source=other", "--default", "priority=B", "--default", "reason=unknown"};

  @Test
  void reportsOfAnImportedDealExportEqualAComputationOverTheCsv() throws Exception {
    List<String[]> deals = deals(400);
    StringBuilder csv = new StringBuilder("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n");
    deals.forEach(d -> csv.append(String.join(",", d)).append('\n'));
    Files.writeString(dir.resolve("deals.csv"), csv, StandardCharsets.UTF_8);
    Path ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
    Path db = dir.resolve("cases.db");
    assertThat(sf(ws, "migrate", "--to", "sqlite:" + db).code()).isZero();

    List<String> args = new ArrayList<>(List.of("--store", "sqlite:" + db, "import", "deals.csv"));
    args.addAll(List.of(MAPPING));
    CliRun imported = sf(ws, args.toArray(String[]::new));
    assertThat(imported.code()).as(imported.toString()).isZero();
    assertThat(imported.out()).contains("Registered 400 cases"); // one case per deal, not one per account
    assertThat(imported.err()).contains("have no registered_at: registered at now").contains("date only");

    // the independent computation, over the CSV's rows
    Map<String, Integer> current = new TreeMap<>(Map.of("lead", 0, "needs", 0, "closed", 0));
    Map<String, BigDecimal> wonByOwner = new TreeMap<>();
    Map<String, Integer> lostByOwner = new TreeMap<>();
    int lost = 0;
    BigDecimal won = BigDecimal.ZERO;
    for (String[] d : deals) {
      switch (d[4]) {
        case "Prospecting" -> current.merge("lead", 1, Integer::sum);
        case "Engaging" -> current.merge("needs", 1, Integer::sum);
        case "Won" -> {
          current.merge("closed", 1, Integer::sum);
          won = won.add(new BigDecimal(d[7]));
          wonByOwner.merge(d[1], new BigDecimal(d[7]), BigDecimal::add);
        }
        default -> {
          lost++;
          lostByOwner.merge(d[1], 1, Integer::sum);
        }
      }
    }

    JsonNode funnel = JSON.readTree(sf(ws, "--store", "sqlite:" + db, "report", "funnel", "--format", "json").out());
    assertThat(funnel.get("cases").asInt()).isEqualTo(400);
    assertThat(funnel.get("contract_value").decimalValue()).isEqualByComparingTo(won);
    assertThat(funnel.get("lost_cases").asInt()).isEqualTo(lost);
    Map<String, Integer> shown = new TreeMap<>();
    funnel.get("stages").forEach(s -> {
      if (current.containsKey(s.get("stage").asText())) {
        shown.put(s.get("stage").asText(), s.get("current").asInt());
      }
    });
    assertThat(shown).isEqualTo(current);
    for (String owner : AGENTS) {
      JsonNode mine = JSON.readTree(sf(ws, "--store", "sqlite:" + db, "report", "funnel", "--owner", owner, "--format", "json").out());
      assertThat(mine.get("contract_value").decimalValue()).as(owner)
          .isEqualByComparingTo(wonByOwner.getOrDefault(owner, BigDecimal.ZERO));
      assertThat(mine.get("lost_cases").asInt()).as(owner).isEqualTo(lostByOwner.getOrDefault(owner, 0));
    }
    CliRun check = sf(ws, "--store", "sqlite:" + db, "check");
    assertThat(check.code()).as(check.toString()).isZero();
  }

  @Test
  void badDealFieldsAreNamedWithTheirRowAndNothingIsWritten() throws Exception {
    Files.writeString(dir.resolve("deals.csv"), "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
        + "OPP1,Ann,GTX,Acme,Won,2026-01-05,2026-02-01,1200\n"
        + "OPP2,Ann,GTX,Acme,Closing,2026-01-05,,\n"
        + "OPP3,Ann,GTX,Acme,Won,2026-01-05,soon,1200\n"
        + "OPP4,Ann,GTX,Acme,Won,2026-01-05,2026-02-01,lots\n"
        + "OPP5,Ann,GTX,Acme,Won,2026-03-05,2026-02-01,10\n"
        + "OPP6,Ann,GTX,Acme,Prospecting,2026-03-05,,10\n", StandardCharsets.UTF_8);
    Path ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
    List<String> args = new ArrayList<>(List.of("import", "deals.csv"));
    args.addAll(List.of(MAPPING));
    args.remove(args.size() - 1); // no default reason
    args.remove(args.size() - 1);
    CliRun r = sf(ws, args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("deals.csv: row 3: stage 'Closing' is not a stage (stages: lead,")
        .contains("deals.csv: row 4: stage_at 'soon' is not")
        .contains("deals.csv: row 5: stage closed, amount lots: ")
        .contains("deals.csv: row 6: stage_at 2026-02-01 is before registered_at 2026-03-05")
        .contains("deals.csv: row 7: amount '10' needs a stage after lead");
    assertThat(sf(ws, "list").out()).doesNotContain("OPP1");
  }

  @Test
  void aLostDealNeedsItsReason() throws Exception {
    Files.writeString(dir.resolve("deals.csv"), "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
        + "OPP1,Ann,GTX,Acme,Lost,2026-01-05,2026-02-01,0\n", StandardCharsets.UTF_8);
    Path ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
    List<String> args = new ArrayList<>(List.of("import", "deals.csv"));
    args.addAll(List.of(MAPPING));
    args.remove(args.size() - 1);
    args.remove(args.size() - 1);
    CliRun r = sf(ws, args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("deals.csv: row 2: stage lost, amount 0: opening a case as lost needs a 'reason'");
    args.addAll(List.of("--default", "reason=price"));
    r = sf(ws, args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode shown = JSON.readTree(sf(ws, "show", "OPP1", "--format", "json").out());
    assertThat(shown.get("stage").asText()).isEqualTo("lost");
    assertThat(shown.get("imported").get("stage").asText()).isEqualTo("lost");
  }
}
