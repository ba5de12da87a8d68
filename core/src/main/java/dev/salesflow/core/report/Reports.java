package dev.salesflow.core.report;

import dev.salesflow.core.model.AgingReport;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.ForecastReport;
import dev.salesflow.core.model.FunnelReport;
import dev.salesflow.core.model.OwnersReport;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.model.SlaReport;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pipeline reports over a set of replayed cases at one instant. Funnel, aging and owners cover
 * the cases registered in the query's period; the SLA report covers the clocks started in it.
 */
public final class Reports implements Reporting {
  /** How many of the longest-waiting open cases the aging report lists. */
  public static final int OLDEST = 10;
  /** The aging report's age ranges, in days: under 7, 7 to 14, 14 to 30, 30 to 60, 60 and more. */
  private static final int[] BUCKET_DAYS = {0, 7, 14, 30, 60};

  private final ProcessDefinition process;
  private final ZoneId zone;
  private final List<CaseView> views;
  private final Function<CaseView, ClockSheet> clocks;
  private final OffsetDateTime now;
  private final ContractSigning signing;
  private final DealValue dealValue;

  /**
   * @param views the cases, replayed
   * @param clocks the SLA clocks of a case judged at {@code now}
   */
  public Reports(ProcessDefinition process, ZoneId zone, List<CaseView> views,
      Function<CaseView, ClockSheet> clocks, OffsetDateTime now) {
    this.process = process;
    this.zone = zone;
    this.views = List.copyOf(views);
    this.clocks = clocks;
    this.now = now;
    this.signing = new ContractSigning(process);
    this.dealValue = new DealValue(process);
  }

  /**
   * The cases of the query's owner registered in its period, or for {@link ReportQuery.Period#ENDED}
   * won or lost in it, or for {@link ReportQuery.Period#REACHED} that first entered its stage in it.
   */
  private List<CaseView> registeredIn(ReportQuery q) {
    return views.stream().filter(v -> q.ownedBy(v.value().owner()) && inPeriod(q, v, process, zone)).toList();
  }

  /**
   * Whether the day of {@code v} that the query's period is of falls in it (the owner aside).
   *
   * @param q the query
   * @param v a replayed case
   * @param process the process the case was replayed through
   * @param zone the zone whose calendar days count
   * @return true when the case is covered by the query's period
   */
  public static boolean inPeriod(ReportQuery q, CaseView v, ProcessDefinition process, ZoneId zone) {
    return switch (q.period()) {
      case REGISTRATION -> q.covers(v.value().registeredAt(), zone);
      case ENDED -> process.isTerminal(v.stage()) && q.covers(v.replay().enteredAt(), zone);
      case REACHED -> firstEntry(v.replay(), q.stage()).map(at -> q.covers(at, zone)).orElse(false);
    };
  }

  /** When the replay first entered {@code stage}; empty when it never did (or the entry has no time). */
  static Optional<OffsetDateTime> firstEntry(Replay replay, String stage) {
    return replay.visits().stream().filter(visit -> visit.stage().equals(stage)).findFirst().map(Replay.Visit::at);
  }

  /** Reached, current, lost and contract value per stage of the cases registered in the period. */
  @Override
  public FunnelReport funnel(ReportQuery q) {
    List<CaseView> cases = registeredIn(q);
    List<String> stages = new ArrayList<>(process.stages().stream().map(Stage::id).toList());
    stages.add(process.closed().id());
    Map<String, Integer> reached = new HashMap<>();
    Map<String, Integer> current = new HashMap<>();
    Map<String, Integer> lostFrom = new HashMap<>();
    Map<String, BigDecimal> value = new HashMap<>();
    Map<String, Map<String, Integer>> reasons = new HashMap<>();
    int imported = 0;
    for (CaseView v : cases) {
      imported += v.value().opening().isPresent() ? 1 : 0;
      Set<String> visited = v.replay().visits().stream().map(Replay.Visit::stage).collect(Collectors.toSet());
      visited.forEach(s -> reached.merge(s, 1, Integer::sum));
      current.merge(v.stage(), 1, Integer::sum);
      if (v.stage().equals(process.lost().id())) {
        List<Replay.Visit> visits = v.replay().visits();
        String from = visits.get(visits.size() - 2).stage();
        int index = visits.get(visits.size() - 1).eventIndex();
        String reason = v.value().events().get(index).field("reason").map(String::strip).orElse(null);
        lostFrom.merge(from, 1, Integer::sum);
        reasons.computeIfAbsent(from, k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
            .merge(reason, 1, Integer::sum);
      } else {
        contractValue(v).ifPresent(amount -> value.merge(v.stage(), amount, BigDecimal::add));
      }
    }
    return funnel(q, cases.size(), stages, reached, current, lostFrom, value, reasons, imported);
  }

  /**
   * Lays a funnel out from its counts per stage: the replay here and a store's SQL aggregates both
   * end in it, so they cannot disagree on the conversion or on the order of the lost reasons.
   */
  public static FunnelReport funnel(ReportQuery q, int cases, List<String> stages, Map<String, Integer> reached,
      Map<String, Integer> current, Map<String, Integer> lostFrom, Map<String, BigDecimal> value,
      Map<String, Map<String, Integer>> reasons, int imported) {
    List<FunnelReport.StageRow> rows = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      String s = stages.get(i);
      int here = reached.getOrDefault(s, 0);
      Double conversion = i + 1 < stages.size() && here > 0
          ? reached.getOrDefault(stages.get(i + 1), 0) / (double) here
          : null;
      rows.add(new FunnelReport.StageRow(s, here, current.getOrDefault(s, 0), lostFrom.getOrDefault(s, 0),
          value.getOrDefault(s, BigDecimal.ZERO), conversion));
    }
    List<FunnelReport.LostRow> lost = new ArrayList<>();
    for (String s : stages) {
      reasons.getOrDefault(s, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> lost.add(new FunnelReport.LostRow(s, e.getKey(), e.getValue())));
    }
    return new FunnelReport(q, cases, rows, lost, imported);
  }

  /** The amount of the case's last contract signing within its legal events. */
  Optional<BigDecimal> contractValue(CaseView v) {
    return signing.value(v.value(), v.replay());
  }

  /** Met, late, breached and running clocks per rule, over the clocks started in the period (or of the cases ended in it). */
  @Override
  public SlaReport sla(ReportQuery q) {
    Map<String, List<SlaClock>> byRule = new LinkedHashMap<>();
    process.sla().forEach(r -> byRule.put(r.id(), new ArrayList<>()));
    SortedSet<Integer> unknownYears = new TreeSet<>();
    // ended or reached: every clock of the cases that ended (reached the stage) in the period
    boolean ended = q.period() != ReportQuery.Period.REGISTRATION;
    for (CaseView v : views) {
      if (!q.ownedBy(v.value().owner()) || ended && !inPeriod(q, v, process, zone)) {
        continue;
      }
      ClockSheet sheet = clocks.apply(v);
      unknownYears.addAll(sheet.unknownYears());
      for (SlaClock clock : sheet.clocks()) {
        if (ended || q.covers(clock.startedAt().atZone(zone).toOffsetDateTime(), zone)) {
          byRule.computeIfAbsent(clock.rule(), k -> new ArrayList<>()).add(clock);
        }
      }
    }
    List<SlaReport.RuleRow> rows = new ArrayList<>();
    byRule.forEach((rule, list) -> rows.add(ruleRow(rule, list)));
    return new SlaReport(q, rows, unknownYears);
  }

  private static SlaReport.RuleRow ruleRow(String rule, List<SlaClock> clocks) {
    Map<ClockState, Integer> count = new HashMap<>();
    clocks.forEach(c -> count.merge(c.state(), 1, Integer::sum));
    int met = count.getOrDefault(ClockState.MET, 0);
    int late = count.getOrDefault(ClockState.MET_LATE, 0);
    int breached = count.getOrDefault(ClockState.BREACHED, 0);
    int running = count.getOrDefault(ClockState.OPEN, 0) + count.getOrDefault(ClockState.DUE_SOON, 0);
    int judged = met + late + breached;
    List<Duration> toStop = clocks.stream()
        .filter(c -> c.stoppedAt() != null)
        .map(c -> Duration.between(c.startedAt(), c.stoppedAt()))
        .sorted()
        .toList();
    return new SlaReport.RuleRow(rule, met, late, breached, running, judged == 0 ? null : met / (double) judged,
        percentile(toStop, 50), percentile(toStop, 90));
  }

  /** The nearest-rank percentile of sorted {@code values}: the smallest with {@code p}% at or below it. */
  static Duration percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The aging report's age ranges, youngest first. */
  public static List<AgingReport.Bucket> agingBuckets() {
    List<AgingReport.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKET_DAYS.length; i++) {
      buckets.add(new AgingReport.Bucket(Duration.ofDays(BUCKET_DAYS[i]),
          i + 1 < BUCKET_DAYS.length ? Duration.ofDays(BUCKET_DAYS[i + 1]) : null));
    }
    return buckets;
  }

  /** Time in the current stage of the open cases registered in the period. */
  @Override
  public AgingReport aging(ReportQuery q) {
    List<AgingReport.Bucket> buckets = agingBuckets();
    List<AgingReport.CaseAge> ages = new ArrayList<>();
    for (CaseView v : registeredIn(q)) {
      if (process.isTerminal(v.stage())) {
        continue;
      }
      OffsetDateTime since = v.replay().enteredAt();
      Duration age = since == null ? Duration.ZERO : Duration.between(since, now);
      ages.add(new AgingReport.CaseAge(v.value().id(), v.stage(), since, age.isNegative() ? Duration.ZERO : age,
          v.value().owner(), v.value().customer().company()));
    }
    List<AgingReport.StageRow> rows = new ArrayList<>();
    for (Stage stage : process.stages()) {
      List<Integer> counts = new ArrayList<>();
      for (AgingReport.Bucket b : buckets) {
        counts.add((int) ages.stream().filter(a -> a.stage().equals(stage.id()) && b.contains(a.age())).count());
      }
      rows.add(new AgingReport.StageRow(stage.id(), counts));
    }
    List<AgingReport.CaseAge> oldest = ages.stream()
        .sorted(Comparator.comparing(AgingReport.CaseAge::age).reversed().thenComparing(AgingReport.CaseAge::id))
        .limit(OLDEST)
        .toList();
    return new AgingReport(q, buckets, rows, oldest);
  }

  /** Open cases per stage and breached or due-soon clocks, per owner of the cases registered in the period. */
  @Override
  public OwnersReport owners(ReportQuery q) {
    List<String> stages = process.stages().stream().map(Stage::id).toList();
    Map<String, int[]> open = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    Map<String, int[]> alerts = new HashMap<>();
    Map<String, int[]> decided = new HashMap<>();
    Map<String, BigDecimal> wonValue = new HashMap<>();
    SortedSet<Integer> unknownYears = new TreeSet<>();
    for (CaseView v : registeredIn(q)) {
      String owner = v.value().owner();
      int[] perStage = open.computeIfAbsent(owner, k -> new int[stages.size()]);
      int[] due = alerts.computeIfAbsent(owner, k -> new int[2]);
      int stage = stages.indexOf(v.stage());
      if (stage < 0) {
        int[] wonLost = decided.computeIfAbsent(owner, k -> new int[2]);
        if (v.stage().equals(process.closed().id())) {
          wonLost[0]++;
          contractValue(v).ifPresent(amount -> wonValue.merge(owner, amount, BigDecimal::add));
        } else if (v.stage().equals(process.lost().id())) {
          wonLost[1]++;
        }
        continue;
      }
      perStage[stage]++;
      ClockSheet sheet = clocks.apply(v);
      unknownYears.addAll(sheet.unknownYears());
      for (SlaClock clock : sheet.clocks()) {
        if (clock.state() == ClockState.BREACHED) {
          due[0]++;
        } else if (clock.state() == ClockState.DUE_SOON) {
          due[1]++;
        }
      }
    }
    List<OwnersReport.OwnerRow> rows = new ArrayList<>();
    open.forEach((owner, perStage) -> {
      int[] wonLost = decided.getOrDefault(owner, new int[2]);
      rows.add(new OwnersReport.OwnerRow(owner, java.util.Arrays.stream(perStage).boxed().toList(), alerts.get(owner)[0],
          alerts.get(owner)[1], wonLost[0], wonValue.getOrDefault(owner, BigDecimal.ZERO), wonLost[1]));
    });
    return new OwnersReport(q, stages, rows, unknownYears);
  }

  /**
   * The open deals of the cases registered in the period, per open stage and per owner: how many,
   * how many have an estimated value, its sum, and that sum weighed by the stage's probability.
   */
  @Override
  public ForecastReport forecast(ReportQuery q) {
    ForecastTally tally = new ForecastTally(ReportPlan.of(process, zone));
    for (CaseView v : registeredIn(q)) {
      tally.add(v.value().owner(), v.stage(), dealValue.value(v.value(), v.replay()).orElse(null), 1);
    }
    return tally.report(q);
  }
}
