package dev.salesflow.core.sla;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The running clocks of open cases that are breached, or due within a window: what a cron job
 * flags. A store's index of deadlines answers when it keeps one ({@link DueClocks}, in due order);
 * otherwise every case is replayed and its clocks computed.
 */
public final class OverdueFinder {
  private final SlaEngine sla;
  private final SalesProcess process;

  public OverdueFinder(SlaEngine sla, SalesProcess process) {
    this.sla = sla;
    this.process = process;
  }

  /**
   * The clocks {@code query} asks for, judged at {@code now}, sorted by owner and then most overdue
   * first.
   *
   * @param index the store's deadlines, when it keeps them
   * @param everyCase every case replayed, read only when {@code index} keeps no deadlines
   * @throws InvalidRequestException for an unknown rule
   */
  public OverdueReport find(OverdueQuery query, OffsetDateTime now, DueClocks index, Supplier<Stream<CaseView>> everyCase) {
    Map<String, SlaRule> rulesById = new HashMap<>();
    Duration widest = Duration.ZERO;
    for (SlaRule rule : sla.rules()) {
      rulesById.putIfAbsent(rule.id(), rule);
      widest = rule.warnLead().compareTo(widest) > 0 ? rule.warnLead() : widest;
    }
    if (query.rule() != null && !rulesById.containsKey(query.rule())) {
      throw new InvalidRequestException("unknown rule '" + query.rule() + "' (rules: "
          + String.join(", ", process.ruleIds()) + ")");
    }
    Duration window = query.dueWithin() == null ? Duration.ZERO : query.dueWithin();
    Instant horizon = now.toInstant().plus(window.compareTo(widest) > 0 ? window : widest);
    Optional<List<IndexedClock>> indexed = index.runningClocksDueBefore(horizon);
    if (indexed.isPresent()) {
      return fromIndex(indexed.get(), query, now.toInstant(), window, rulesById);
    }
    List<OverdueItem> items = new ArrayList<>();
    SortedSet<Integer> unknownYears = new TreeSet<>();
    CaseFilter filter = new CaseFilter(null, query.priority(), query.owner());
    record Found(List<OverdueItem> items, SortedSet<Integer> unknownYears) {}
    List<Found> found = everyCase.get()
        .filter(view -> filter.matches(view) && !process.isTerminal(view.stage()))
        .map(view -> {
          ClockSheet sheet = sla.clocks(view.value(), view.replay(), now.toInstant(), window);
          Case c = view.value();
          List<OverdueItem> wanted = new ArrayList<>();
          for (SlaClock clock : sheet.clocks()) {
            if (reported(clock, query) && (query.rule() == null || query.rule().equals(clock.rule()))) {
              SortedSet<Integer> years = sheet.unknownYears().isEmpty() ? null
                  : sla.unknownYears(rulesById.get(clock.rule()), c.priority(), clock.startedAt(), clock.dueAt());
              wanted.add(new OverdueItem(c.id(), view.stage(), c.owner(), c.priority(), c.customer().company(), clock, years));
            }
          }
          return new Found(wanted, sheet.unknownYears());
        })
        .filter(f -> !f.items().isEmpty() || !f.unknownYears().isEmpty())
        .toList();
    for (Found f : found) {
      items.addAll(f.items());
      unknownYears.addAll(f.unknownYears());
    }
    items.sort(Comparator.comparing((OverdueItem i) -> String.valueOf(i.owner())).thenComparing(DUE_ORDER));
    return new OverdueReport(items, unknownYears);
  }

  /**
   * From a store's index, which is in due order: the items keep that order, so grouping them by
   * owner is a stable split, not a sort. A million-case store has over a hundred thousand clocks
   * here: each rule is looked up once, and the calendar asked about the years of the whole span of
   * deadlines before any single clock's.
   */
  private OverdueReport fromIndex(List<IndexedClock> rows, OverdueQuery query, Instant at, Duration window,
      Map<String, SlaRule> rulesById) {
    List<OverdueItem> items = new ArrayList<>(rows.size());
    SortedSet<Integer> unknownYears = new TreeSet<>();
    Instant earliest = null;
    Instant latest = null;
    for (IndexedClock row : rows) {
      SlaRule rule = wanted(row, query) ? rulesById.get(row.clock().rule()) : null;
      if (rule != null) {
        SlaClock clock = sla.judgeRunning(rule, row.clock(), at, window);
        if (reported(clock, query)) {
          items.add(new OverdueItem(row.caseId(), row.stage(), row.owner(), row.priority(), row.company(), clock));
        }
        Instant start = row.clock().startedAt();
        Instant due = row.clock().dueAt();
        Instant first = start.isBefore(due) ? start : due;
        Instant last = start.isBefore(due) ? due : start;
        earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
        latest = latest == null || last.isAfter(latest) ? last : latest;
      }
    }
    if (earliest != null && !sla.calendar().unknownYearsBetween(earliest, latest).isEmpty()) {
      for (IndexedClock row : rows) {
        SlaRule rule = rulesById.get(row.clock().rule());
        if (wanted(row, query) && rule != null) {
          unknownYears.addAll(sla.unknownYears(rule, row.priority(), row.clock()));
        }
      }
      for (int i = 0; i < items.size(); i++) {
        OverdueItem item = items.get(i);
        SlaClock clock = item.clock();
        SortedSet<Integer> years = sla.unknownYears(rulesById.get(clock.rule()), item.priority(), clock.startedAt(), clock.dueAt());
        if (!years.isEmpty()) {
          items.set(i, item.withFallbackYears(years));
        }
      }
    }
    Map<String, List<OverdueItem>> owners = new TreeMap<>();
    for (OverdueItem item : items) {
      owners.computeIfAbsent(String.valueOf(item.owner()), o -> new ArrayList<>()).add(item);
    }
    List<OverdueItem> byOwner = new ArrayList<>(items.size());
    owners.values().forEach(byOwner::addAll);
    return new OverdueReport(byOwner, unknownYears);
  }

  /** Deadline, case id and rule: {@link IndexedClock#DUE_ORDER} for the items made of clocks. */
  private static final Comparator<OverdueItem> DUE_ORDER = Comparator.comparing((OverdueItem i) -> i.clock().dueAt())
      .thenComparing(OverdueItem::caseId)
      .thenComparing(i -> i.clock().rule());

  private static boolean wanted(IndexedClock row, OverdueQuery query) {
    return (query.owner() == null || query.owner().equals(row.owner()))
        && (query.priority() == null || query.priority() == row.priority())
        && (query.rule() == null || query.rule().equals(row.clock().rule()));
  }

  private static boolean reported(SlaClock clock, OverdueQuery query) {
    return clock.state() == ClockState.BREACHED || (query.dueWithin() != null && clock.state() == ClockState.DUE_SOON);
  }
}
