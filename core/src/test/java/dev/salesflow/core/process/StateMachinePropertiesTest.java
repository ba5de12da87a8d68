package dev.salesflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Replaying any generated event log never reaches a stage the process does not declare, and stops
 * exactly at the first event the machine refuses.
 */
class StateMachinePropertiesTest {
  private static final ProcessDefinition PROCESS = ProcessLoader.defaultProcess();
  private static final StateMachine MACHINE = new StateMachine(PROCESS, new BigDecimal("1000000"));
  private static final List<String> TYPES = List.copyOf(PROCESS.eventTypes().keySet());
  /** Every declared stage, terminal ones included, and one the process does not know. */
  private static final List<String> TARGETS = targets();

  /**
   * One generated step. {@code kind} picks what it becomes: a single event of any type, a generic
   * event, an advance to any stage (declared or not), or every event of the stage the log has last
   * advanced to followed by an advance to the next one, so that logs often get past the guards and
   * reach the later stages.
   */
  record Step(int kind, int pick, boolean withReason, boolean withFields, int value, boolean backInTime) {}

  @Provide
  Arbitrary<List<Step>> logs() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(2, 1), Tuple.of(2, 2), Tuple.of(14, 3)),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(0, 3).map(i -> i > 0),
            Arbitraries.integers().between(0, 9).map(i -> i > 0),
            Arbitraries.integers().between(0, 5),
            Arbitraries.frequency(Tuple.of(199, false), Tuple.of(1, true)))
        .as(Step::new);
    return step.list().ofMaxSize(40);
  }

  @Property(tries = 1000)
  void replayOnlyEverReachesDeclaredStages(@ForAll("logs") List<Step> steps) {
    Case c = CaseLog.registeredCase();
    c = withEvents(c, materialise(steps));

    Replay replay = MACHINE.replay(c);

    Statistics.label("stage").collect(replay.stage());
    // the generator must actually reach every stage, or the property proves little
    Statistics.label("stage").coverage(coverage ->
        PROCESS.allStageIds().forEach(stage -> coverage.check(stage).count(n -> n > 0)));
    assertThat(PROCESS.allStageIds()).contains(replay.stage());
    assertThat(replay.visits()).allSatisfy(v -> assertThat(PROCESS.allStageIds()).contains(v.stage()));
    assertThat(replay.visits().get(0).stage()).isEqualTo(PROCESS.initialStage().id());
    assertThat(replay.visits().get(replay.visits().size() - 1).stage()).isEqualTo(replay.stage());
  }

  @Property(tries = 1000)
  void replayStopsAtTheFirstIllegalEvent(@ForAll("logs") List<Step> steps) {
    List<Event> events = materialise(steps);
    Case c = withEvents(CaseLog.registeredCase(), events);

    Replay replay = MACHINE.replay(c);

    // replay goes by time (events back in time are recorded late): the legal prefix is of the timeline
    List<Event> timeline = c.timeline();
    int legal = c.legalTimeline(replay).size();
    Statistics.label("refused").collect(replay.illegal().map(v -> v.kind().name()).orElse("none"));
    Case prefix = withEvents(c, timeline.subList(0, legal));
    Replay prefixReplay = MACHINE.replay(prefix);
    assertThat(prefixReplay.illegal()).isEmpty();
    assertThat(prefixReplay.stage()).isEqualTo(replay.stage());
    assertThat(prefixReplay.visits()).extracting(Replay.Visit::stage, Replay.Visit::at)
        .isEqualTo(replay.visits().stream().map(v -> org.assertj.core.groups.Tuple.tuple(v.stage(), v.at())).toList());
    if (legal < events.size()) {
      // the refused event is refused on its own too, with the same violation
      assertThat(MACHINE.judgeNext(prefix, timeline.get(legal)))
          .map(v -> List.of(v.kind(), v.problems())).isEqualTo(replay.illegal().map(v -> List.of(v.kind(), v.problems())));
      assertThat(c.events().get(replay.illegal().orElseThrow().eventIndex())).isSameAs(timeline.get(legal));
    }
    for (int i = 0; i < legal; i++) {
      assertThat(MACHINE.judgeNext(withEvents(c, timeline.subList(0, i)), timeline.get(i)))
          .as("event %d of the legal prefix", i).isEmpty();
    }
  }

  private static Case withEvents(Case c, List<Event> events) {
    return new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), events);
  }

  private static List<Event> materialise(List<Step> steps) {
    List<Event> events = new ArrayList<>();
    OffsetDateTime clock = CaseLog.REGISTERED;
    String planned = PROCESS.initialStage().id();
    for (Step s : steps) {
      List<Event> batch = new ArrayList<>();
      switch (s.kind()) {
        case 0 -> batch.add(typed(TYPES.get(s.pick() % TYPES.size()), s));
        case 1 -> batch.add(typed(PROCESS.genericEvents().get(s.pick() % PROCESS.genericEvents().size()), s));
        case 2 -> batch.add(advance(TARGETS.get(s.pick() % TARGETS.size()), s.withReason()));
        default -> {
          Stage stage = PROCESS.openStage(planned).orElse(PROCESS.initialStage());
          stage.events().forEach(type -> batch.add(typed(type, s)));
          batch.add(advance(PROCESS.next(stage.id()).orElseThrow(), s.withReason()));
        }
      }
      for (Event e : batch) {
        clock = s.backInTime() ? clock.minusHours(5) : clock.plusMinutes(30);
        events.add(new Event(clock, e.type(), e.by(), e.note(), e.fields()));
        if (e.isAdvance() && PROCESS.openStage(e.field("to").orElseThrow()).isPresent()) {
          planned = e.field("to").orElseThrow();
        }
      }
    }
    return events;
  }

  /** An event of {@code type}, with its required fields when the step says so. */
  private static Event typed(String type, Step s) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (s.withFields()) {
      for (String name : PROCESS.eventTypes().get(type).required()) {
        FieldSpec spec = PROCESS.eventFields().get(name);
        fields.put(name, switch (spec.kind()) {
          case ENUM -> spec.values().get(s.value() % spec.values().size());
          case NUMBER -> s.value() % 2 == 0 ? "250000" : "1000000";
          case STAGE -> TARGETS.get(s.value() % TARGETS.size());
          case TEXT -> "I-" + (s.value() % 3);
          case DATE, MONEY, PERSON, ITEMS -> throw new IllegalStateException("no required " + spec.kind() + " field");
        });
      }
    }
    return new Event(CaseLog.REGISTERED, type, "tester", null, fields);
  }

  private static Event advance(String to, boolean withReason) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", to);
    if (withReason) {
      fields.put("reason", "because");
    }
    return new Event(CaseLog.REGISTERED, Event.ADVANCE, "tester", null, fields);
  }

  private static List<String> targets() {
    List<String> all = new ArrayList<>(PROCESS.allStageIds());
    all.add("nowhere");
    return List.copyOf(all);
  }
}
