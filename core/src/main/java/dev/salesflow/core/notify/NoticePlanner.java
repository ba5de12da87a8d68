package dev.salesflow.core.notify;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.NotifyNotice;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.store.SentNotice;
import dev.salesflow.core.team.Person;
import dev.salesflow.core.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who is to be told what: a clock due soon goes to its owner at level 0, a breached one at level 1;
 * once it has been breached for its rule's {@code escalate_after} (counted from the deadline on the
 * workspace calendar) it goes to the owner's manager at level 2, after one more interval to that
 * manager's manager at level 3, and so on up the chain. Notices in the sent-log are left out.
 */
final class NoticePlanner {
  /** What one person is to be told, in the report's order. */
  record Planned(Person recipient, List<NotifyNotice> notices) {}

  private final Team team;
  private final Map<String, SlaRule> rules;
  private final BusinessCalendar calendar;

  NoticePlanner(Team team, List<SlaRule> rules, BusinessCalendar calendar) {
    this.team = team;
    this.rules = new LinkedHashMap<>();
    rules.forEach(r -> this.rules.putIfAbsent(r.id(), r));
    this.calendar = calendar;
  }

  List<Planned> plan(List<OverdueItem> items, Instant now, Set<SentNotice> sent) {
    Map<String, Person> people = new TreeMap<>();
    Map<String, List<NotifyNotice>> notices = new TreeMap<>();
    for (OverdueItem item : items) {
      if (item.owner() == null) {
        continue; // nobody to tell: check reports a case without an owner
      }
      Person owner = person(item.owner());
      boolean breached = item.clock().state() == ClockState.BREACHED;
      add(people, notices, sent, owner, item, breached ? 1 : 0);
      SlaRule rule = rules.get(item.clock().rule());
      if (!breached || rule == null || rule.escalateAfter() == null) {
        continue;
      }
      Instant threshold = item.clock().dueAt();
      Person told = owner;
      Set<String> chain = new HashSet<>(Set.of(owner.id()));
      for (int level = 2; ; level++) {
        threshold = rule.escalateAfter().dueAt(threshold, calendar);
        if (now.isBefore(threshold) || told.manager() == null || !chain.add(told.manager())) {
          break;
        }
        told = person(told.manager());
        add(people, notices, sent, told, item, level);
      }
    }
    List<Planned> planned = new ArrayList<>(notices.size());
    notices.forEach((id, list) -> planned.add(new Planned(people.get(id), list)));
    return planned;
  }

  private void add(Map<String, Person> people, Map<String, List<NotifyNotice>> notices, Set<SentNotice> sent,
      Person to, OverdueItem item, int level) {
    if (sent.contains(new SentNotice(item.caseId(), item.clock().rule(), item.clock().startedAt(), level, to.id()))) {
      return;
    }
    Duration overdueBy = item.clock().overdueBy();
    people.putIfAbsent(to.id(), to);
    notices.computeIfAbsent(to.id(), id -> new ArrayList<>()).add(new NotifyNotice(item.caseId(), item.company(),
        item.owner(), item.clock().rule(), item.clock().startedAt(), item.clock().dueAt(), item.clock().state(),
        overdueBy, level));
  }

  /** The team's person, or for a workspace without a team (or an owner outside it) just the id. */
  private Person person(String id) {
    return team == null ? new Person(id, null, null, null, List.of(), null)
        : team.person(id).orElseGet(() -> new Person(id, null, null, null, List.of(), null));
  }

  static SentNotice key(NotifyNotice n, String recipient) {
    return new SentNotice(n.caseId(), n.rule(), n.clockStart(), n.level(), recipient);
  }
}
