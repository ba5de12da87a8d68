package dev.salesflow.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.AgingReport;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.FunnelReport;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.OwnersReport;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.SlaReport;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four reports over a small workspace built through the API, whose numbers are worked out by
 * hand (November 2026 has no holidays; Nov 2 is a Monday), and over the example workspace.
 */
class ReportsTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-10T12:00:00+08:00");

  @TempDir Path dir;
  Salesflow flow;

  @BeforeEach
  void workspace() throws IOException {
    Files.writeString(dir.resolve(Workspace.CONFIG_FILE), Workspace.initialConfig());
    Files.createDirectories(dir.resolve("cases"));
    flow = Salesflow.open(dir);
    // Alpha: contacted 5.5 h after registration (first-contact met), then lost from needs.
    register("SF-2026-001", "Alpha", "A", "zhang.wei", "2026-11-02T09:30:00+08:00");
    contacted("SF-2026-001", "2026-11-02T15:00:00+08:00");
    flow.advance("SF-2026-001", "needs", null, at("2026-11-02T16:00:00+08:00"), "zhang.wei", NOW, false);
    flow.advance("SF-2026-001", "lost", "budget cut", at("2026-11-03T10:00:00+08:00"), "zhang.wei", NOW, false);
    // Beta: contacted after the deadline of 2026-11-03 23:59:59 (met late, 72.5 h); now in needs.
    register("SF-2026-002", "Beta", "A", "li.na", "2026-11-02T09:30:00+08:00");
    contacted("SF-2026-002", "2026-11-05T10:00:00+08:00");
    flow.advance("SF-2026-002", "needs", null, at("2026-11-05T11:00:00+08:00"), "li.na", NOW, false);
    // Gamma: never contacted (breached); Delta: priority C, registered this morning (running).
    register("SF-2026-003", "Gamma", "A", "li.na", "2026-11-02T09:30:00+08:00");
    register("SF-2026-004", "Delta", "C", "zhang.wei", "2026-11-10T09:00:00+08:00");
  }

  @AfterEach
  void close() {
    flow.close();
  }

  private void register(String id, String company, String priority, String owner, String at) {
    flow.register(new Registration(id, company, "manufacturing", null, "Contact " + company, null, "+86 21 5555 0000",
        null, "exhibition", priority, owner, null, at(at)), NOW);
  }

  private void contacted(String id, String at) {
    flow.record(id, new Event(at(at), "contacted", "x", null, Map.of()), NOW, false);
  }

  private static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  private static Map<String, FunnelReport.StageRow> byStage(FunnelReport r) {
    return r.stages().stream().collect(Collectors.toMap(FunnelReport.StageRow::stage, Function.identity()));
  }

  @Test
  void funnelCountsReachedCurrentAndLostPerStageWithConversion() {
    FunnelReport r = flow.reports(NOW).funnel(ReportQuery.ALL);
    assertThat(r.cases()).isEqualTo(4);
    assertThat(r.stages()).extracting(FunnelReport.StageRow::stage)
        .containsExactly("lead", "needs", "solution", "negotiation", "delivery", "after_sales", "closed");
    Map<String, FunnelReport.StageRow> s = byStage(r);
    assertThat(s.get("lead")).isEqualTo(new FunnelReport.StageRow("lead", 4, 2, 0, BigDecimal.ZERO, 0.5));
    assertThat(s.get("needs")).isEqualTo(new FunnelReport.StageRow("needs", 2, 1, 1, BigDecimal.ZERO, 0.0));
    assertThat(s.get("solution").conversion()).as("none reached solution").isNull();
    assertThat(s.get("closed").conversion()).isNull();
    assertThat(r.lost()).containsExactly(new FunnelReport.LostRow("needs", "budget cut", 1));
  }

  @Test
  void funnelCoversTheCasesRegisteredInThePeriodAndOfTheOwner() {
    Reporting reports = flow.reports(NOW);
    assertThat(reports.funnel(new ReportQuery(LocalDate.of(2026, 11, 10), null, null)).cases()).isEqualTo(1);
    assertThat(reports.funnel(new ReportQuery(null, LocalDate.of(2026, 11, 2), null)).cases()).isEqualTo(3);
    assertThat(reports.funnel(new ReportQuery(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 9), null)).cases()).isZero();
    FunnelReport li = reports.funnel(new ReportQuery(null, null, "li.na"));
    assertThat(li.cases()).isEqualTo(2);
    assertThat(li.lost()).isEmpty();
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> new ReportQuery(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 1), null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("before it starts");
  }

  @Test
  void slaCountsEachStateAndComplianceOverTheClocksWithAVerdict() {
    SlaReport r = flow.reports(NOW).sla(ReportQuery.ALL);
    assertThat(r.rules()).extracting(SlaReport.RuleRow::rule).containsExactly("first-contact", "needs-record",
        "progress-weekly", "after-sales-contact", "issue-response", "issue-resolution", "survey", "delivery-on-time", "delay-notice",
        "stalled");
    SlaReport.RuleRow first = r.rules().get(0);
    assertThat(first).isEqualTo(new SlaReport.RuleRow("first-contact", 1, 1, 1, 1, 1 / 3.0,
        Duration.ofMinutes(330), Duration.ofMinutes(72 * 60 + 30)));
    SlaReport.RuleRow survey = r.rules().get(6);
    assertThat(survey.clocks()).isZero();
    assertThat(survey.compliance()).isNull();
    assertThat(survey.median()).isNull();
  }

  @Test
  void slaCoversTheClocksStartedInThePeriod() {
    SlaReport.RuleRow first = flow.reports(NOW).sla(new ReportQuery(LocalDate.of(2026, 11, 10), null, null)).rules().get(0);
    assertThat(first).isEqualTo(new SlaReport.RuleRow("first-contact", 0, 0, 0, 1, null, null, null));
    SlaReport.RuleRow li = flow.reports(NOW).sla(new ReportQuery(null, null, "li.na")).rules().get(0);
    assertThat(List.of(li.met(), li.metLate(), li.breached(), li.running())).containsExactly(0, 1, 1, 0);
    assertThat(li.compliance()).isZero();
  }

  @Test
  void percentilesAreNearestRank() {
    List<Duration> ten = Stream.iterate(1, i -> i + 1).limit(10).map(Duration::ofHours).toList();
    assertThat(Reports.percentile(ten, 50)).isEqualTo(Duration.ofHours(5));
    assertThat(Reports.percentile(ten, 90)).isEqualTo(Duration.ofHours(9));
    assertThat(Reports.percentile(List.of(Duration.ofMinutes(7)), 90)).isEqualTo(Duration.ofMinutes(7));
    assertThat(Reports.percentile(List.of(), 50)).isNull();
  }

  @Test
  void agingBucketsTheOpenCasesByTimeInTheirStageAndListsTheOldestFirst() {
    AgingReport r = flow.reports(NOW).aging(ReportQuery.ALL);
    assertThat(r.buckets()).extracting(b -> b.from().toDays()).containsExactly(0L, 7L, 14L, 30L, 60L);
    assertThat(r.stages().get(0)).isEqualTo(new AgingReport.StageRow("lead", List.of(1, 1, 0, 0, 0)));
    assertThat(r.stages().get(1)).isEqualTo(new AgingReport.StageRow("needs", List.of(1, 0, 0, 0, 0)));
    assertThat(r.oldest()).extracting(AgingReport.CaseAge::id).containsExactly("SF-2026-003", "SF-2026-002", "SF-2026-004");
    assertThat(r.oldest().get(0).age()).isEqualTo(Duration.ofDays(8).plusMinutes(150));
    assertThat(r.oldest().get(1).since()).isEqualTo(at("2026-11-05T11:00:00+08:00"));
  }

  @Test
  void aBucketHoldsItsLowerBoundButNotItsUpper() {
    AgingReport.Bucket week = new AgingReport.Bucket(Duration.ofDays(7), Duration.ofDays(14));
    assertThat(week.contains(Duration.ofDays(7))).isTrue();
    assertThat(week.contains(Duration.ofDays(14))).isFalse();
    assertThat(new AgingReport.Bucket(Duration.ofDays(60), null).contains(Duration.ofDays(6000))).isTrue();
  }

  @Test
  void ownersCountOpenCasesPerStageAndTheirBreachedClocks() {
    OwnersReport r = flow.reports(NOW).owners(ReportQuery.ALL);
    assertThat(r.stages()).containsExactly("lead", "needs", "solution", "negotiation", "delivery", "after_sales");
    assertThat(r.owners()).containsExactly(
        new OwnersReport.OwnerRow("li.na", List.of(1, 1, 0, 0, 0, 0), 1, 0, 0, BigDecimal.ZERO, 0),
        new OwnersReport.OwnerRow("zhang.wei", List.of(1, 0, 0, 0, 0, 0), 0, 0, 0, BigDecimal.ZERO, 1));
    assertThat(r.owners().get(0).winRate()).as("nothing decided yet").isNull();
    assertThat(r.owners().get(1).winRate()).isEqualTo(0.0);
  }

  @Test
  void theExampleWorkspaceAddsUpByHand() {
    try (Salesflow examples = Salesflow.open(Path.of("../examples"))) {
      Reporting reports = examples.reports(OffsetDateTime.parse("2026-11-26T18:00:00+08:00"));
      FunnelReport funnel = reports.funnel(ReportQuery.ALL);
      assertThat(funnel.stages()).extracting(FunnelReport.StageRow::reached).containsExactly(14, 12, 10, 8, 6, 4, 1);
      Map<String, FunnelReport.StageRow> s = byStage(funnel);
      // delivery: ACME-2026-001 1,850,000 + ACME-2026-010 680,000; closed: ACME-2026-003 420,000
      assertThat(s.get("delivery").value()).isEqualByComparingTo("2530000");
      assertThat(s.get("closed").value()).isEqualByComparingTo("420000");
      assertThat(funnel.totalValue()).isEqualByComparingTo("5180000");
      assertThat(funnel.lost()).singleElement().satisfies(l -> {
        assertThat(l.stage()).isEqualTo("negotiation");
        assertThat(l.reason()).startsWith("Customer chose a local UK supplier");
      });
      // won: ACME-2026-003 (chen.jing, 420,000); lost: ACME-2026-004 (wang.fang)
      Map<String, OwnersReport.OwnerRow> owners = reports.owners(ReportQuery.ALL).owners().stream()
          .collect(Collectors.toMap(OwnersReport.OwnerRow::owner, o -> o));
      assertThat(owners.get("chen.jing").won()).isEqualTo(1);
      assertThat(owners.get("chen.jing").wonValue()).isEqualByComparingTo("420000");
      assertThat(owners.get("chen.jing").winRate()).isEqualTo(1.0);
      assertThat(owners.get("wang.fang").lost()).isEqualTo(1);
      assertThat(owners.get("wang.fang").winRate()).isEqualTo(0.0);
      assertThat(owners.get("zhang.wei").winRate()).isNull();
    }
  }

  @Test
  void ownersAgreeWithOverdueOnWhoHasBreachedDeadlines() {
    OffsetDateTime now = OffsetDateTime.parse("2026-11-26T18:00:00+08:00");
    try (Salesflow examples = Salesflow.open(Path.of("../examples"))) {
      Map<String, Long> overdue = examples.overdue(new OverdueQuery(null, null, null, null), now).items().stream()
          .collect(Collectors.groupingBy(OverdueItem::owner, Collectors.counting()));
      Map<String, Long> owners = examples.reports(now).owners(ReportQuery.ALL).owners().stream()
          .filter(o -> o.breached() > 0)
          .collect(Collectors.toMap(OwnersReport.OwnerRow::owner, o -> (long) o.breached()));
      assertThat(owners).isEqualTo(overdue).isNotEmpty();
    }
  }

  @Test
  void contractValueIsTheAmountOfTheLastSigning() throws IOException {
    Path ws = dir.resolve("copy");
    try (Stream<Path> all = Files.walk(Path.of("../examples"))) {
      for (Path source : all.toList()) {
        Path target = ws.resolve(Path.of("../examples").relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    OffsetDateTime now = OffsetDateTime.parse("2026-11-26T18:00:00+08:00");
    try (Salesflow examples = Salesflow.open(ws)) {
      examples.record("ACME-2026-002", new Event(at("2026-11-21T10:00:00+08:00"), "contract_signed", "li.na", null,
          Map.of("amount", "900000")), now, false);
      examples.record("ACME-2026-002", new Event(at("2026-11-22T10:00:00+08:00"), "contract_signed", "li.na", null,
          Map.of("amount", "950000")), now, false);
      FunnelReport funnel = examples.reports(now).funnel(ReportQuery.ALL);
      assertThat(byStage(funnel).get("negotiation").value()).isEqualByComparingTo("950000");
    }
  }
}
