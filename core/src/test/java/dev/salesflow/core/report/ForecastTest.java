package dev.salesflow.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast over hand-written case files, whose numbers are worked out by hand: which source
 * gives a deal's value, the stage's probability, deals without a value or with a bad one, lost and
 * won deals left out, and a process of one's own with other probabilities and sources.
 */
class ForecastTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00:00+08:00");

  @TempDir Path dir;

  /** The default process's text, to write variants of. */
  private static String defaultProcess() throws IOException {
    try (InputStream in = ProcessLoader.class.getResourceAsStream("/dev/salesflow/core/process/default-process.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void workspace(String extraConfig) throws IOException {
    Files.writeString(dir.resolve(Workspace.CONFIG_FILE), Workspace.initialConfig() + extraConfig);
    Files.createDirectories(dir.resolve("cases"));
  }

  /** A case file of {@code owner} whose events are the given flow mappings. */
  private void write(String id, String owner, String... events) throws IOException {
    StringBuilder s = new StringBuilder("""
        id: %s
        customer:
          company: Company %s
          industry: manufacturing
          contact: {name: Wang, phone: "+86 21 5555 0000"}
        source: exhibition
        priority: A
        owner: %s
        registered_at: 2026-11-02T09:30:00+08:00
        events:
        """.formatted(id, id, owner));
    for (String e : events) {
      s.append("  - ").append(e).append('\n');
    }
    Files.writeString(dir.resolve("cases").resolve(id + ".yaml"), s.toString());
  }

  /** The default process's sources and probabilities over seven deals. */
  private void defaultCases() throws IOException {
    // signed wins over a later estimate and the import's amount
    write("N1", "zhang.wei", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation, amount: '1000'}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '1200'}",
        "{at: 2026-11-04T10:00:00+08:00, type: contract_signed, amount: '1500', currency: CNY}",
        "{at: 2026-11-05T10:00:00+08:00, type: estimated, amount: '1300'}");
    // an estimate beats the import's amount
    write("N2", "li.na", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation, amount: '1000'}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '1200'}");
    // the quoted price beats a later estimate
    write("S1", "li.na", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: solution}",
        "{at: 2026-11-03T10:00:00+08:00, type: solution_drafted, quoted_price: '900', currency: CNY}",
        "{at: 2026-11-04T10:00:00+08:00, type: estimated, amount: '300'}");
    write("L1", "zhang.wei", "{at: 2026-11-02T10:00:00+08:00, type: contacted}");
    // the latest estimate
    write("L2", "zhang.wei", "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '100'}",
        "{at: 2026-11-04T10:00:00+08:00, type: estimated, amount: '200'}");
    write("X1", "li.na", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '5000'}",
        "{at: 2026-11-04T10:00:00+08:00, type: advance, to: lost, reason: budget}");
    write("W1", "li.na", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: closed, amount: '7000'}");
  }

  private static Map<String, ForecastReport.StageRow> byStage(ForecastReport r) {
    return r.stages().stream().collect(Collectors.toMap(ForecastReport.StageRow::stage, Function.identity()));
  }

  private static ForecastReport.StageRow row(String stage, int open, int valued, String pipeline, String probability,
      String expected) {
    return new ForecastReport.StageRow(stage, open, valued, new BigDecimal(pipeline),
        probability == null ? null : new BigDecimal(probability), expected == null ? null : new BigDecimal(expected));
  }

  @Test
  void eachOpenStageWeighsItsDealsValuesByItsProbability() throws IOException {
    workspace("");
    defaultCases();
    try (Salesflow flow = Salesflow.open(dir)) {
      ForecastReport r = flow.reports(NOW).forecast(ReportQuery.ALL);
      assertThat(r.stages()).extracting(ForecastReport.StageRow::stage)
          .containsExactly("lead", "needs", "solution", "negotiation", "delivery", "after_sales");
      Map<String, ForecastReport.StageRow> s = byStage(r);
      assertThat(s.get("lead")).isEqualTo(row("lead", 2, 1, "200", "10", "20"));
      assertThat(s.get("needs")).isEqualTo(row("needs", 0, 0, "0", "20", "0"));
      assertThat(s.get("solution")).isEqualTo(row("solution", 1, 1, "900", "40", "360"));
      // N1 1500 signed, N2 1200 estimated; X1 (lost) and W1 (won) are not in the pipeline
      assertThat(s.get("negotiation")).isEqualTo(row("negotiation", 2, 2, "2700", "60", "1620"));
      assertThat(s.get("delivery")).isEqualTo(row("delivery", 0, 0, "0", "100", "0"));
      assertThat(r.open()).isEqualTo(5);
      assertThat(r.valued()).isEqualTo(4);
      assertThat(r.pipeline()).isEqualByComparingTo("3800");
      assertThat(r.expected()).isEqualByComparingTo("2000");
      assertThat(r.owners()).containsExactly(
          new ForecastReport.OwnerRow("li.na", 2, 2, new BigDecimal("2100"), new BigDecimal("1080")),
          new ForecastReport.OwnerRow("zhang.wei", 3, 2, new BigDecimal("1700"), new BigDecimal("920")));
    }
  }

  @Test
  void theQueryOwnerAndPeriodApplyAsToTheOtherReports() throws IOException {
    workspace("");
    defaultCases();
    try (Salesflow flow = Salesflow.open(dir)) {
      ForecastReport li = flow.reports(NOW).forecast(new ReportQuery(null, null, "li.na"));
      assertThat(byStage(li).get("negotiation")).isEqualTo(row("negotiation", 1, 1, "1200", "60", "720"));
      assertThat(li.owners()).extracting(ForecastReport.OwnerRow::owner).containsExactly("li.na");
      ForecastReport later = flow.reports(NOW).forecast(new ReportQuery(java.time.LocalDate.of(2026, 11, 3), null, null));
      assertThat(later.open()).as("every case was registered on Nov 2").isZero();
      ForecastReport ended = flow.reports(NOW).forecast(new ReportQuery(null, null, null, ReportQuery.Period.ENDED));
      assertThat(ended.open()).as("a deal that ended is no open deal").isZero();
    }
  }

  @Test
  void aProcessOfOnesOwnSetsOtherProbabilitiesAndSources() throws IOException {
    String process = defaultProcess()
        .replace("    probability: 60\n", "    probability: 25.5\n")
        .replace("    probability: 10\n", "")
        .replace("  channel: {kind: text}\n", "  channel: {kind: text}\n  guess: {kind: text}\n")
        .replace("value_from: [contract_signed.amount, solution_drafted.quoted_price, estimated.amount, opened.amount]",
            "value_from: [note.guess, estimated.amount]");
    Files.writeString(dir.resolve("my-process.yaml"), process);
    workspace("\nprocess: my-process.yaml\n");
    write("N1", "zhang.wei", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation, amount: '1000'}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '1200'}",
        "{at: 2026-11-04T10:00:00+08:00, type: contract_signed, amount: '1500', currency: CNY}");
    // the first source recorded is no amount (a text field, so the event is legal): no value, and
    // the estimate is not consulted
    write("N2", "li.na", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '700'}",
        "{at: 2026-11-04T10:00:00+08:00, type: note, guess: 大约80万}");
    write("L1", "zhang.wei", "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '100'}");
    try (Salesflow flow = Salesflow.open(dir)) {
      Map<String, ForecastReport.StageRow> s = byStage(flow.reports(NOW).forecast(ReportQuery.ALL));
      // only estimates count here: 1200 (not the signed 1500) at 25.5%
      assertThat(s.get("negotiation")).isEqualTo(row("negotiation", 2, 1, "1200", "25.5", "306"));
      assertThat(s.get("lead")).as("no probability: no expected value").isEqualTo(row("lead", 1, 1, "100", null, null));
    }
  }

  @Test
  void aProcessWithoutSourcesReadsTheContractValue() throws IOException {
    String process = defaultProcess().replaceAll("(?s)\nforecast:\n  value_from: \\[[^]]*\\]\n", "\n");
    assertThat(process).doesNotContain("value_from");
    Files.writeString(dir.resolve("my-process.yaml"), process);
    workspace("\nprocess: my-process.yaml\n");
    write("N1", "zhang.wei", "{at: 2026-11-02T10:00:00+08:00, type: opened, to: negotiation, amount: '1000'}",
        "{at: 2026-11-03T10:00:00+08:00, type: estimated, amount: '1200'}");
    try (Salesflow flow = Salesflow.open(dir)) {
      assertThat(byStage(flow.reports(NOW).forecast(ReportQuery.ALL)).get("negotiation"))
          .isEqualTo(row("negotiation", 1, 1, "1000", "60", "600"));
    }
  }

  private static List<Diagnostic> problems(String process) {
    try {
      ProcessLoader.parse(process, Path.of("my-process.yaml"));
    } catch (DiagnosticsException e) {
      return e.diagnostics();
    }
    throw new AssertionError("the process was accepted");
  }

  /** The 1-based line of the first line of {@code text} containing {@code needle}. */
  private static int lineOf(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }

  @Test
  void aProbabilityOutsideZeroToHundredIsRefusedWithItsPlace() throws IOException {
    String process = defaultProcess().replace("    probability: 40\n", "    probability: 140\n")
        .replace("    probability: 20\n", "    probability: 20.5\n");
    List<Diagnostic> problems = problems(process);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).message()).isEqualTo("stage 'solution': probability must be a percentage from 0 to 100, got 140");
    assertThat(problems.get(0).position()).isEqualTo(new SourcePosition(lineOf(process, "probability: 140"), 5));
    assertThat(problems.get(0).file()).isEqualTo(Path.of("my-process.yaml"));
  }

  @Test
  void aProbabilityThatIsNoNumberIsRefusedWithItsPlace() throws IOException {
    String process = defaultProcess().replace("    probability: 40\n", "    probability: likely\n");
    assertThat(problems(process)).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("probability").contains("must be a number").contains("'likely'");
      assertThat(d.position().line()).isEqualTo(lineOf(process, "probability: likely"));
    });
  }

  @Test
  void aValueSourceMustNameAnEventTypeAndOneOfItsFields() throws IOException {
    String process = defaultProcess().replace("value_from: [contract_signed.amount,",
        "value_from: [contract_signed.price, guessed.amount, amount,");
    List<Diagnostic> problems = problems(process);
    int line = lineOf(process, "value_from:");
    assertThat(problems).extracting(Diagnostic::message).containsExactly(
        "unknown event field 'price' (known: amount, currency, payment_terms, delivery_date, penalty, "
            + "dispute_resolution, after_sales_terms, to, reason, issue, result, role, route, channel, model, quantity, "
            + "signature)",
        "unknown event type 'guessed' (declare it under event_types)",
        "forecast value source 'amount' must be an event type and its field, e.g. contract_signed.amount");
    assertThat(problems).allSatisfy(d -> assertThat(d.position().line()).isEqualTo(line));
    assertThat(problems).extracting(d -> d.position().column()).doesNotHaveDuplicates();
  }
}
