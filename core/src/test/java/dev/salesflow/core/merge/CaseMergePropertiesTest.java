package dev.salesflow.core.merge;

import static dev.salesflow.core.merge.MergeFixtures.MACHINE;
import static dev.salesflow.core.merge.MergeFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.store.yaml.CaseFileWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For random legal histories split at a random point into two branches of appends (each later
 * event on ours, theirs or both), and sometimes an extra event on theirs at a random time, the
 * merge is the history in time order, byte for byte as {@code log} writes it, whenever that is
 * legal, and a conflict otherwise; no event is ever lost or doubled.
 */
class CaseMergePropertiesTest {
  /** Events a history is drawn from; the state machine keeps only those legal where they fall. */
  private static final List<Event> POOL = List.of(
      MergeFixtures.event(0, "note"), MergeFixtures.event(0, "contacted"), MergeFixtures.event(0, "meeting"),
      MergeFixtures.event(0, "advance", "to", "needs"), MergeFixtures.event(0, "requirements_recorded"),
      MergeFixtures.event(0, "requirements_confirmed"), MergeFixtures.event(0, "analysis_reported"),
      MergeFixtures.event(0, "advance", "to", "solution"), MergeFixtures.event(0, "solution_drafted"),
      MergeFixtures.event(0, "feasibility_checked"), MergeFixtures.event(0, "cost_checked"), MergeFixtures.event(0, "price_reviewed"),
      MergeFixtures.event(0, "solution_reviewed", "result", "approved"), MergeFixtures.event(0, "advance", "to", "negotiation"),
      MergeFixtures.event(0, "advance", "to", "needs", "reason", "review rejected"),
      MergeFixtures.event(0, "advance", "to", "lost", "reason", "budget cut"));

  record Draw(int pick, int minutes, int side) {}

  /** {@code split}: the share of the history (percent) that is the base. */
  record Scenario(List<Draw> draws, int split, boolean extra, int extraPick, int extraMinutes) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Draw> draw = Combinators.combine(Arbitraries.integers().between(0, POOL.size() - 1),
        Arbitraries.integers().between(1, 600), Arbitraries.integers().between(0, 2)).as(Draw::new);
    return Combinators.combine(draw.list().ofMinSize(4).ofMaxSize(60), Arbitraries.integers().between(0, 90), Arbitraries.of(false, true),
        Arbitraries.integers().between(0, POOL.size() - 1), Arbitraries.integers().between(0, 60 * 600)).as(Scenario::new);
  }

  @Property(tries = 400)
  void theMergeIsTheHistoryInTimeOrderWhenLegalAndAConflictOtherwise(@ForAll("scenarios") Scenario s) {
    // a legal history: each drawn event kept when the machine accepts it there, times strictly increasing
    Case history = registered();
    List<Integer> sides = new ArrayList<>();
    var at = MergeFixtures.REGISTERED;
    for (Draw d : s.draws()) {
      at = at.plusMinutes(d.minutes());
      Event e = new Event(at, POOL.get(d.pick()).type(), "zhang.wei", "#" + history.events().size(), POOL.get(d.pick()).fields());
      if (MACHINE.judgeNext(history, e).isEmpty()) {
        history = history.withEvent(e);
        sides.add(d.side());
      }
    }
    List<Event> all = history.events();
    int split = all.size() * s.split() / 100; // percent of the history the base holds
    Case baseCase = new Case(history.id(), history.customer(), history.source(), history.priority(), history.owner(),
        history.registeredAt(), history.need(), all.subList(0, split));
    List<Event> ours = new ArrayList<>();
    List<Event> theirs = new ArrayList<>();
    List<Event> expected = new ArrayList<>();
    for (int i = split; i < all.size(); i++) {
      (sides.get(i) == 1 ? theirs : ours).add(all.get(i));
      if (sides.get(i) == 2) {
        theirs.add(all.get(i));
      }
      expected.add(all.get(i));
    }
    if (s.extra()) {
      Event x = new Event(MergeFixtures.REGISTERED.plusMinutes(s.extraMinutes()), POOL.get(s.extraPick()).type(), "li.na", "extra",
          POOL.get(s.extraPick()).fields());
      insertByTime(theirs, x);
      insertByTime(expected, x); // after every event of its time: ours first on ties, and theirs in their order
    }
    String base = CaseFileWriter.render(baseCase);
    String oursText = CaseFileWriter.appendEvents(base, MergeFixtures.tree(base), ours);
    String theirsText = CaseFileWriter.appendEvents(base, MergeFixtures.tree(base), theirs);
    List<Event> merged = new ArrayList<>(baseCase.events());
    merged.addAll(expected);
    boolean legal = MACHINE.replay(new Case(history.id(), history.customer(), history.source(), history.priority(),
        history.owner(), history.registeredAt(), history.need(), merged)).illegal().isEmpty();
    // a side that appended nothing is no merge: git takes the other side as it is
    boolean oneSided = ours.isEmpty() || theirs.isEmpty();

    CaseMerge.Result r = MergeFixtures.merge(base, oursText, theirsText);

    Statistics.label("outcome").collect(oneSided ? "one-sided" : legal ? "clean" : "conflict");
    if (legal || oneSided) {
      assertThat(r).isInstanceOf(CaseMerge.Merged.class);
      assertThat(MergeFixtures.text(((CaseMerge.Merged) r).bytes()))
          .isEqualTo(CaseFileWriter.appendEvents(base, MergeFixtures.tree(base), expected));
    } else {
      assertThat(r).isInstanceOf(CaseMerge.Conflicted.class);
      String text = MergeFixtures.text(((CaseMerge.Conflicted) r).bytes());
      for (Event e : expected) {
        assertThat(text).as("no event lost").contains(CaseFileWriter.eventLine(e, "  "));
      }
    }
  }

  private static void insertByTime(List<Event> events, Event x) {
    int i = 0;
    while (i < events.size() && !events.get(i).at().isAfter(x.at())) {
      i++;
    }
    events.add(i, x);
  }
}
