package dev.salesflow.core.api;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Replay;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.IndexedClock;
import dev.salesflow.core.store.OpenMode;
import dev.salesflow.core.workspace.Workspace;
import dev.salesflow.core.sla.Clock;
import dev.salesflow.core.sla.ClockState;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations on a workspace's cases: register, record an event, advance, show and list.
 * Every write is judged by the state machine against the case as stored at that moment.
 */
public final class Salesflow implements AutoCloseable {
  private final Workspace workspace;
  private final CaseStore store;
  private final StateMachine machine;
  private final SlaEngine sla;

  private Salesflow(Workspace workspace, CaseStore store) {
    this.workspace = workspace;
    this.store = store;
    this.machine = workspace.stateMachine();
    this.sla = workspace.slaEngine();
  }

  /** Opens the workspace at {@code root} with its default store. */
  public static Salesflow open(Path root) {
    Workspace workspace = Workspace.open(root);
    return new Salesflow(workspace, workspace.openStore());
  }

  /**
   * Opens the workspace at {@code root} with the store named by {@code storeSpec} ({@code
   * sqlite:FILE} or a folder, relative to {@code base}); null means the workspace's own.
   */
  public static Salesflow open(Path root, String storeSpec, Path base) {
    return open(root, storeSpec, base, OpenMode.CREATE);
  }

  /**
   * As {@link #open(Path, String, Path)}; under {@link OpenMode#EXISTING} a missing database is
   * refused instead of created (for commands that only read, or change cases that must exist).
   */
  public static Salesflow open(Path root, String storeSpec, Path base, OpenMode mode) {
    Workspace workspace = Workspace.open(root);
    return new Salesflow(workspace, storeSpec == null ? workspace.openStore(mode) : workspace.openStore(storeSpec, base, mode));
  }

  public Workspace workspace() {
    return workspace;
  }

  public ProcessDefinition process() {
    return workspace.process();
  }

  public CaseStore store() {
    return store;
  }

  /** Registers a new case; refuses a taken id and reports every missing or bad field at once. */
  public Case register(Registration r, OffsetDateTime now) {
    List<String> problems = registrationProblems(r);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("cannot register: " + String.join("; ", problems));
    }
    OffsetDateTime at = r.at() != null ? r.at() : now;
    Case draft = new Case(
        r.id() == null ? "pending" : r.id(),
        new Customer(r.company(), r.industry(), r.size(), new Contact(r.contactName(), r.contactTitle(), r.phone(), r.email())),
        r.source(), Priority.parse(r.priority()).orElseThrow(), r.owner(), at, r.need(), List.of());
    if (r.id() != null) {
      store.create(draft);
      return draft;
    }
    String prefix = workspace.config().idPrefix() + "-" + at.atZoneSameInstant(workspace.zone()).getYear() + "-";
    return store.createWithNewId(ids -> withId(draft, nextId(prefix, ids)));
  }

  private static Case withId(Case c, String id) {
    return new Case(id, c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), c.events());
  }

  static String nextId(String prefix, List<String> ids) {
    Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
    int max = 0;
    for (String id : ids) {
      Matcher m = numbered.matcher(id);
      if (m.matches() && m.group(1).length() < 9) {
        max = Math.max(max, Integer.parseInt(m.group(1)));
      }
    }
    return prefix + String.format("%03d", max + 1);
  }

  private static void require(List<String> problems, String value, String name) {
    if (value == null || value.isBlank()) {
      problems.add("missing --" + name);
    }
  }

  /** Records a non-stage event (stage changes go through {@link #advance}). */
  public Case record(String id, Event event, OffsetDateTime now, boolean dryRun) {
    if (event.isAdvance()) {
      throw new InvalidRequestException("stage changes are recorded with 'advance', not 'log'");
    }
    Map<String, String> problems = process().fieldProblems(event);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", problems.values()));
    }
    return write(id, event, now, dryRun);
  }

  /**
   * Moves case {@code id} to stage {@code to}: forward when the guards hold, back one stage or to
   * lost with a reason. Refused with every unmet requirement listed.
   */
  public Case advance(String id, String to, String reason, OffsetDateTime at, String by, OffsetDateTime now, boolean dryRun) {
    requireStage(to);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", to);
    if (reason != null) {
      fields.put("reason", reason);
    }
    return write(id, new Event(at != null ? at : now, Event.ADVANCE, by, null, fields), now, dryRun);
  }

  private Case write(String id, Event event, OffsetDateTime now, boolean dryRun) {
    if (event.at().isAfter(now)) {
      throw new InvalidRequestException("event time " + Timestamps.format(event.at()) + " is after now (" + Timestamps.format(now) + ")");
    }
    if (dryRun) {
      Case current = store.load(id);
      judge(current, event);
      return current.withEvent(event);
    }
    return store.append(id, current -> {
      judge(current, event);
      return event;
    });
  }

  private void judge(Case current, Event event) {
    Optional<Replay.Violation> violation = machine.judgeNext(current, event);
    if (violation.isEmpty()) {
      return;
    }
    Replay.Violation v = violation.get();
    if (v.eventIndex() < current.events().size()) {
      throw new RefusedException(current.id(),
          "its event #" + (v.eventIndex() + 1) + " is already illegal (" + v.message() + "); run 'salesflow check'",
          v.problems());
    }
    String what = event.isAdvance()
        ? "cannot advance to " + event.field("to").orElse("?")
        : "cannot record '" + event.type() + "'";
    throw new RefusedException(current.id(), what, v.problems());
  }

  /** The case {@code id} replayed. */
  public CaseView show(String id) {
    Case c = store.load(id);
    return new CaseView(c, machine.replay(c));
  }

  /** Every case passing {@code filter}, sorted by id. */
  public List<CaseView> list(CaseFilter filter) {
    if (filter.stage() != null) {
      requireStage(filter.stage());
    }
    return store.ids().parallelStream()
        .map(this::view)
        .filter(filter::matches)
        .toList();
  }

  /** Gives every case passing {@code filter}, replayed, to {@code action} in id order, one at a time. */
  public void forEach(CaseFilter filter, java.util.function.Consumer<CaseView> action) {
    if (filter.stage() != null) {
      requireStage(filter.stage());
    }
    store.forEachCase(c -> {
      CaseView view = new CaseView(c, machine.replay(c));
      if (filter.matches(view)) {
        action.accept(view);
      }
    });
  }

  private void requireStage(String stage) {
    if (!process().isStage(stage)) {
      throw new InvalidRequestException("unknown stage '" + stage + "' (stages: " + String.join(", ", process().allStageIds()) + ")");
    }
  }

  private CaseView view(String id) {
    Case c = store.load(id);
    return new CaseView(c, machine.replay(c));
  }

  private static boolean reported(Clock clock, OverdueQuery query) {
    return clock.state() == ClockState.BREACHED || (query.dueWithin() != null && clock.state() == ClockState.DUE_SOON);
  }

  /** The SLA clocks of a case judged at {@code now}. */
  public SlaEngine.Sheet clocks(CaseView view, OffsetDateTime now) {
    return sla.clocks(view.value(), view.replay(), now.toInstant(), Duration.ZERO);
  }

  /**
   * Running clocks of open cases that are breached, or due within {@code query.dueWithin()},
   * sorted by owner and then most overdue first.
   */
  public OverdueReport overdue(OverdueQuery query, OffsetDateTime now) {
    if (query.rule() != null && process().slaRule(query.rule()).isEmpty()) {
      throw new InvalidRequestException("unknown rule '" + query.rule() + "' (rules: "
          + String.join(", ", process().sla().stream().map(SlaRule::id).toList()) + ")");
    }
    Duration window = query.dueWithin() == null ? Duration.ZERO : query.dueWithin();
    Duration widest = process().sla().stream().map(SlaRule::warnLead).max(Duration::compareTo).orElse(Duration.ZERO);
    Instant horizon = now.toInstant().plus(window.compareTo(widest) > 0 ? window : widest);
    List<OverdueItem> items = new ArrayList<>();
    SortedSet<Integer> unknownYears = new TreeSet<>();
    Optional<List<IndexedClock>> indexed = store.runningClocksDueBefore(horizon);
    if (indexed.isPresent()) {
      for (IndexedClock row : indexed.get()) {
        boolean wanted = (query.owner() == null || query.owner().equals(row.owner()))
            && (query.priority() == null || query.priority() == row.priority())
            && (query.rule() == null || query.rule().equals(row.clock().rule()));
        Optional<SlaRule> rule = process().slaRule(row.clock().rule());
        if (wanted && rule.isPresent()) {
          Clock clock = sla.judgeRunning(rule.get(), row.clock(), now.toInstant(), window);
          if (reported(clock, query)) {
            items.add(new OverdueItem(row.caseId(), row.stage(), row.owner(), row.priority(), row.company(), clock));
          }
          unknownYears.addAll(sla.unknownYears(rule.get(), row.priority(), row.clock()));
        }
      }
    } else {
      CaseFilter filter = new CaseFilter(null, query.priority(), query.owner());
      record Found(List<OverdueItem> items, SortedSet<Integer> unknownYears) {}
      List<Found> found = store.ids().parallelStream()
          .map(this::view)
          .filter(view -> filter.matches(view) && !process().isTerminal(view.stage()))
          .map(view -> {
            SlaEngine.Sheet sheet = sla.clocks(view.value(), view.replay(), now.toInstant(), window);
            Case c = view.value();
            List<OverdueItem> wanted = new ArrayList<>();
            for (Clock clock : sheet.clocks()) {
              if (reported(clock, query) && (query.rule() == null || query.rule().equals(clock.rule()))) {
                wanted.add(new OverdueItem(c.id(), view.stage(), c.owner(), c.priority(), c.customer().company(), clock));
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
    }
    items.sort(Comparator.comparing((OverdueItem i) -> String.valueOf(i.owner()))
        .thenComparing(i -> i.clock().dueAt())
        .thenComparing(OverdueItem::caseId)
        .thenComparing(i -> i.clock().rule()));
    return new OverdueReport(items, unknownYears);
  }

  /**
   * Copies every case of this workspace's store into {@code target}, which must hold no case:
   * events, fields and their order are kept. Returns how many cases were copied.
   */
  public int migrateTo(CaseStore target, java.util.function.IntConsumer progress) {
    if (!target.ids().isEmpty()) {
      throw new InvalidRequestException(target.describe() + " already holds cases; migrate only into an empty store");
    }
    List<String> ids = store.ids();
    int[] done = {0};
    int batch = 256;
    // the source is read a batch at a time in parallel: reading case files is as costly as writing them
    target.createAll(java.util.stream.IntStream.iterate(0, from -> from < ids.size(), from -> from + batch)
        .mapToObj(from -> ids.subList(from, Math.min(ids.size(), from + batch)).parallelStream().map(store::load).toList())
        .flatMap(List::stream)
        .peek(c -> progress.accept(++done[0]))
        .iterator());
    return ids.size();
  }

  /** Every problem that makes {@link #register} refuse {@code r}, found without writing anything. */
  public List<String> registrationProblems(Registration r) {
    List<String> problems = new ArrayList<>();
    require(problems, r.company(), "company");
    require(problems, r.industry(), "industry");
    require(problems, r.contactName(), "contact-name");
    require(problems, r.source(), "source");
    require(problems, r.priority(), "priority");
    require(problems, r.owner(), "owner");
    if (r.source() != null && !process().sources().containsKey(r.source())) {
      problems.add("unknown source '" + r.source() + "' (known: " + String.join(", ", process().sources().keySet()) + ")");
    }
    if (r.priority() != null && Priority.parse(r.priority()).isEmpty()) {
      problems.add("priority must be A, B or C, got '" + r.priority() + "'");
    }
    if (r.email() != null && !r.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add("email '" + r.email() + "' is not an e-mail address");
    }
    if (r.id() != null && !CaseIds.isValid(r.id())) {
      problems.add("invalid id '" + r.id() + "': " + CaseIds.rule());
    }
    return problems;
  }

  /** The pipeline reports (funnel, SLA, aging, owners) over every case as it stands at {@code now}. */
  public dev.salesflow.core.report.Reports reports(OffsetDateTime now) {
    return new dev.salesflow.core.report.Reports(process(), workspace.zone(), list(CaseFilter.ALL), view -> clocks(view, now), now);
  }

  /** Registers the cases of a lead list; see {@link dev.salesflow.core.leads.LeadImport}. */
  public dev.salesflow.core.leads.ImportResult importLeads(List<dev.salesflow.core.leads.LeadRow> rows,
      dev.salesflow.core.leads.ImportOptions options, OffsetDateTime now, dev.salesflow.core.leads.ImportProgress progress) {
    return new dev.salesflow.core.leads.LeadImport(this).run(rows, options, now, progress);
  }

  @Override
  public void close() {
    store.close();
  }
}
