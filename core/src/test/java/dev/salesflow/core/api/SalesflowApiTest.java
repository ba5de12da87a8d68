package dev.salesflow.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.CheckOptions;
import dev.salesflow.core.model.CheckReport;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Migration;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Progress;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.SlaClock;
import dev.salesflow.core.model.SlaMode;
import dev.salesflow.core.model.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library as an embedding application uses it: only the facade package and its values. */
class SalesflowApiTest {
  private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");

  @TempDir Path dir;

  @Test
  void theModuleExportsOnlyTheFacadeAndItsValues() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertThat(module.name()).isEqualTo("dev.salesflow.core");
      assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder("dev.salesflow.core.api", "dev.salesflow.core.model");
      assertThat(module.exports()).allMatch(e -> !e.isQualified());
    }
  }

  @Test
  void aCaseGoesFromRegistrationThroughReplayToABreachedClock() {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    assertThat(Salesflow.findWorkspace(root.resolve("cases"))).contains(root);

    try (Salesflow flow = Salesflow.open(root)) {
      Case registered = flow.register(registration(null), MONDAY);
      assertThat(registered.id()).isEqualTo("SF-2026-001");
      flow.record(registered.id(), new Event(MONDAY.plusHours(1), "meeting", "li.na", null, Map.of()), MONDAY.plusHours(2), false);
      flow.advance(registered.id(), "needs", null, MONDAY.plusHours(2), "li.na", MONDAY.plusHours(2), false);

      assertThatThrownBy(() -> flow.advance(registered.id(), "solution", null, null, null, MONDAY.plusHours(3), false))
          .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.problems())
              .contains("missing event 'requirements_recorded'"));

      CaseView view = flow.show(registered.id());
      assertThat(view.stage()).isEqualTo("needs");
      assertThat(view.replay().visits()).extracting(Replay.Visit::stage).containsExactly("lead", "needs");
      assertThat(view.replay().illegal()).isEmpty();

      OffsetDateTime nextDay = MONDAY.plusHours(30);
      SlaClock needsRecord = flow.clocks(registered.id(), nextDay).clocks().stream()
          .filter(c -> c.rule().equals("needs-record")).findFirst().orElseThrow();
      assertThat(needsRecord.dueAt()).isEqualTo(MONDAY.plusHours(25).toInstant());
      assertThat(needsRecord.state()).isEqualTo(ClockState.BREACHED);
      assertThat(needsRecord.overdueBy()).isEqualTo(Duration.ofHours(5));

      assertThat(flow.overdue(new OverdueQuery(null, null, null, null), nextDay).items())
          .extracting(OverdueItem::caseId, i -> i.clock().rule())
          .contains(org.assertj.core.groups.Tuple.tuple(registered.id(), "needs-record"));
    }
  }

  @Test
  void replayFindsTheFirstIllegalEventOfACaseBuiltInMemory() {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    try (Salesflow flow = Salesflow.open(root)) {
      Case c = flow.register(registration("SF-X-1"), MONDAY)
          .withEvent(new Event(MONDAY.plusHours(1), Event.ADVANCE, "li.na", null, Map.of("to", "delivery")));
      Replay replay = flow.replay(c).replay();
      assertThat(replay.stage()).isEqualTo("lead");
      assertThat(replay.illegal()).hasValueSatisfying(v -> assertThat(v.eventIndex()).isZero());
      assertThat(flow.show("SF-X-1").value().events()).as("replay stores nothing").isEmpty();
    }
  }

  @Test
  void checkReturnsDiagnosticsWithTheirLocation() throws IOException {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    try (Salesflow flow = Salesflow.open(root)) {
      flow.register(registration("SF-OK-1"), MONDAY);
    }
    Path bad = root.resolve("cases/SF-BAD-1.yaml");
    Files.writeString(bad, "id: SF-BAD-1\npriority: D\n", StandardCharsets.UTF_8);

    CheckReport report = Salesflow.check(root, List.of(), new CheckOptions(MONDAY.toInstant(), SlaMode.OFF, 1), Progress.NONE);

    assertThat(report.errors()).isPositive();
    assertThat(report.findings()).allSatisfy(d -> assertThat(d.file()).isEqualTo(bad));
    assertThat(report.findings()).anySatisfy(d -> assertThat(d.position()).isEqualTo(new SourcePosition(2, 11)));
    try (Salesflow flow = Salesflow.open(root)) {
      assertThatThrownBy(() -> flow.load("SF-BAD-1"))
          .isInstanceOfSatisfying(DiagnosticsException.class, e -> assertThat(e.diagnostics()).isNotEmpty()
              .allSatisfy(d -> assertThat(d.file()).isEqualTo(bad)));
    }
  }

  @Test
  void checkTellsItsProgressOverTheYamlFilesItReads() throws IOException {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    Files.createDirectories(root.resolve("cases/.hidden"));
    Files.createDirectories(root.resolve("cases/more"));
    for (String name : List.of("cases/a.yaml", "cases/more/b.yaml", "cases/.hidden/c.yaml", "cases/.d.yaml", "cases/notes.txt")) {
      Files.writeString(root.resolve(name), "id: x\n", StandardCharsets.UTF_8);
    }
    Path single = Files.writeString(dir.resolve("single.yaml"), "id: y\n", StandardCharsets.UTF_8);
    List<int[]> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Salesflow.check(root, List.of(root.resolve("cases"), single), new CheckOptions(MONDAY.toInstant(), SlaMode.OFF, 1),
        (done, total) -> told.add(new int[] {done, total}));

    assertThat(told).isNotEmpty().allSatisfy(t -> assertThat(t[1]).isEqualTo(3));
    assertThat(told.get(told.size() - 1)[0]).isEqualTo(3);
  }

  @Test
  void migrateToSqliteAndBackKeepsEveryEvent() {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    Case original;
    try (Salesflow flow = Salesflow.open(root)) {
      original = flow.register(registration(null), MONDAY);
      original = flow.record(original.id(), new Event(MONDAY.plusHours(1), "note", "li.na", "said \"yes\"", Map.of()),
          MONDAY.plusHours(1), false);
      Migration migration = flow.migrateTo("sqlite:cases.db", dir, Progress.NONE);
      assertThat(migration.cases()).isEqualTo(1);
    }
    try (Salesflow sqlite = Salesflow.open(root, "sqlite:cases.db", dir)) {
      assertThat(sqlite.load(original.id())).isEqualTo(original);
      assertThat(sqlite.migrateTo("back", dir, Progress.NONE).cases()).isEqualTo(1);
    }
    try (Salesflow back = Salesflow.open(root, "back", dir)) {
      assertThat(back.load(original.id())).isEqualTo(original);
      assertThat(back.ids()).containsExactly(original.id());
    }
  }

  /**
   * overdue answers the same from SQLite's index of deadlines as from replaying the case files: the
   * items in the same order (owners, a missing one among them, then deadline) and the years the
   * calendar had to guess.
   */
  @Test
  void overdueOnSqliteEqualsOverdueOnCaseFiles() {
    Path root = Salesflow.initWorkspace(dir.resolve("ws"));
    OffsetDateTime later = OffsetDateTime.parse("2040-03-05T10:00:00+08:00"); // a year the calendar does not know
    try (Salesflow flow = Salesflow.open(root)) {
      String[] owners = {"li.na", "null", "zhang.wei", "li.na", "a.owner"};
      for (int i = 0; i < 10; i++) {
        OffsetDateTime at = (i % 3 == 0 ? later : MONDAY).plusHours(i * 5L);
        flow.register(new Registration(null, "公司 " + i, "pumps", null, "Erik Lund", null, null, "erik@nordicpumps.se",
            "online", List.of("A", "B", "C").get(i % 3), owners[i % owners.length], null, at), at);
      }
      flow.migrateTo("sqlite:cases.db", dir, Progress.NONE);
    }
    OffsetDateTime now = OffsetDateTime.parse("2040-06-01T09:00:00+08:00");
    for (OverdueQuery query : List.of(new OverdueQuery(null, null, null, null), new OverdueQuery(Duration.ofDays(3), null, null, null),
        new OverdueQuery(null, "li.na", null, null), new OverdueQuery(null, null, Priority.A, null))) {
      try (Salesflow files = Salesflow.open(root); Salesflow sqlite = Salesflow.open(root, "sqlite:cases.db", dir)) {
        OverdueReport expected = files.overdue(query, now);
        assertThat(sqlite.overdue(query, now)).as("%s", query).isEqualTo(expected);
        if (query.owner() == null && query.priority() == null) {
          assertThat(expected.items()).hasSizeGreaterThan(9);
          assertThat(expected.unknownYears()).contains(2040);
        }
      }
    }
  }

  private static Registration registration(String id) {
    return new Registration(id, "Nordic Pumps AB", "pumps", null, "Erik Lund", null, null, "erik@nordicpumps.se",
        "online", "B", "li.na", null, MONDAY);
  }
}
