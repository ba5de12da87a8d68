package dev.salesflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salesflow.cli.CliRun;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reports a SQLite store answers with SQL aggregates over the facts it keeps equal the ones
 * got by replaying every case of the same generated cases in a folder, for several seeds, periods
 * and owners, and after writes that rewrite the facts and the counts kept of them (moves to lost and
 * forward, contacts and meetings that stop and start clocks, a new contract signing, an estimate).
 */
class SqlReportsMatchReplayTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T09:30:00.500+08:00");
  private static final List<ReportQuery> QUERIES = List.of(
      ReportQuery.ALL,
      new ReportQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30), null),
      new ReportQuery(null, LocalDate.of(2026, 2, 14), null),
      new ReportQuery(LocalDate.of(2026, 9, 1), null, "li.na"),
      new ReportQuery(null, null, "zhang.wei"),
      new ReportQuery(null, null, "nobody"),
      new ReportQuery(null, null, null, ReportQuery.Period.ENDED),
      new ReportQuery(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 10, 31), null, ReportQuery.Period.ENDED),
      new ReportQuery(LocalDate.of(2026, 9, 1), null, "li.na", ReportQuery.Period.ENDED));

  private static final java.util.Set<RegistrationField> ALL_FIELDS = java.util.EnumSet.allOf(RegistrationField.class);

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void sqlReportsEqualReplayedOnes(long seed) throws Exception {
    Path folder = tmp.resolve("folder");
    CaseGenerator.generate(folder, 600, seed);
    Path db = tmp.resolve("db");
    Files.createDirectories(db);
    Files.copy(folder.resolve("salesflow.yaml"), db.resolve("salesflow.yaml"));
    Salesflow.open(folder).migrateTo("sqlite:" + db.resolve("cases.db"), db, (done, of) -> { });

    Salesflow replayed = Salesflow.open(folder);
    Salesflow sql = Salesflow.open(db, "sqlite:cases.db", db);
    List<CaseView> cases = replayed.list(CaseFilter.ALL);
    assertTrue(cases.stream().anyMatch(v -> v.stage().equals("lost")), "some lost");
    assertTrue(cases.stream().anyMatch(v -> v.stage().equals("closed")), "some closed");
    assertTrue(cases.stream().anyMatch(v -> replayed.clocks(v, NOW).clocks().stream()
        .anyMatch(c -> c.state() == ClockState.MET_LATE)), "some met late");
    assertSame(replayed, sql);
    assertSameOutput(folder, db);

    // writes rewrite the facts in the same transaction: lose three open cases on both stores
    List<String> open = cases.stream().filter(v -> !v.stage().equals("lost") && !v.stage().equals("closed"))
        .map(v -> v.value().id()).limit(3).toList();
    OffsetDateTime at = OffsetDateTime.parse("2026-11-30T10:00:00+08:00");
    for (String id : open) {
      for (Salesflow flow : List.of(replayed, sql)) {
        flow.advance(id, "lost", "选择了竞争对手", at, "tester", NOW, false);
      }
    }
    assertSame(replayed, sql);
    assertSameOutput(folder, db);

    // edits that move the counts kept for reports: contacts and meetings stop and start clocks, a
    // move forward changes stage, reached and aging, a new contract signing changes the value
    List<CaseView> now = replayed.list(CaseFilter.ALL);
    List<String> leads = now.stream().filter(v -> v.stage().equals("lead")).map(v -> v.value().id()).limit(4).toList();
    String negotiating = now.stream().filter(v -> v.stage().equals("negotiation")).map(v -> v.value().id())
        .findFirst().orElseThrow();
    java.math.BigDecimal valueBefore = sql.reports(NOW).funnel(ReportQuery.ALL).totalValue();
    for (Salesflow flow : List.of(replayed, sql)) {
      for (String id : leads) {
        flow.record(id, new Event(at.plusMinutes(1), "contacted", "tester", null, Map.of()), NOW, false);
        flow.record(id, new Event(at.plusMinutes(2), "meeting", "tester", null, Map.of()), NOW, false);
      }
      flow.advance(leads.get(0), "needs", null, at.plusMinutes(3), "tester", NOW, false);
      flow.record(negotiating, new Event(at.plusMinutes(4), "approval", "tester", null, Map.of("role", "sales_manager")),
          NOW, false);
      flow.record(negotiating, new Event(at.plusMinutes(5), "contract_signed", "tester", null,
          Map.of("amount", "876543.21")), NOW, false);
      flow.record(leads.get(1), new Event(at.plusMinutes(6), "estimated", "tester", null, Map.of("amount", "1234.5")),
          NOW, false);
    }
    assertTrue(sql.reports(NOW).funnel(ReportQuery.ALL).totalValue().compareTo(valueBefore) != 0, "the new contract counts");
    assertSame(replayed, sql);
  }

  /** What list and export print (read from the kept columns on SQLite, replayed in the folder), byte for byte. */
  private static void assertSameOutput(Path folder, Path db) {
    List<List<String>> commands = List.of(List.of("list", "--format", "json"), List.of("list", "--format", "csv"),
        List.of("list", "--format", "json", "--owner", "li.na", "--priority", "A"), List.of("export", "-"));
    for (List<String> command : commands) {
      CliRun files = CliRun.in(folder, command.toArray(String[]::new));
      List<String> onDb = new java.util.ArrayList<>(List.of("--store", "sqlite:cases.db"));
      onDb.addAll(command);
      CliRun sqlite = CliRun.in(db, onDb.toArray(String[]::new));
      assertEquals(0, files.code(), files::toString);
      assertEquals(files.out(), sqlite.out(), String.join(" ", command));
      assertTrue(files.out().length() > 1_000, "real output");
    }
  }

  private static void assertSame(Salesflow replayed, Salesflow sql) {
    // where each case stands, as list and export print it: kept columns against the replay
    List<String> expectedStandings = new java.util.ArrayList<>();
    replayed.forEachStanding(CaseFilter.ALL, ALL_FIELDS, s -> expectedStandings.add(standing(s)));
    List<String> actualStandings = new java.util.ArrayList<>();
    sql.forEachStanding(CaseFilter.ALL, ALL_FIELDS, s -> actualStandings.add(standing(s)));
    assertEquals(expectedStandings, actualStandings);

    Reporting expected = replayed.reports(NOW);
    Reporting actual = sql.reports(NOW);
    assertTrue(!actual.getClass().equals(expected.getClass()), "the SQLite store answers with its own aggregates");
    for (ReportQuery q : QUERIES) {
      assertEquals(expected.funnel(q), actual.funnel(q), "funnel " + q);
      assertEquals(expected.sla(q), actual.sla(q), "sla " + q);
      assertEquals(expected.aging(q), actual.aging(q), "aging " + q);
      assertEquals(expected.owners(q), actual.owners(q), "owners " + q);
      assertEquals(expected.forecast(q), actual.forecast(q), "forecast " + q);
      // report forecast --by owner prints these rows alone: the SQL groups its kept values by owner as the replay does
      assertEquals(expected.forecast(q).owners(), actual.forecast(q).owners(), "forecast by owner " + q);
    }
    assertTrue(actual.forecast(ReportQuery.ALL).owners().size() > 1
        && actual.forecast(ReportQuery.ALL).owners().stream().anyMatch(r -> r.valued() > 0), "owners with valued deals");
    assertTrue(actual.forecast(ReportQuery.ALL).stages().stream().anyMatch(r -> r.valued() > 0), "some deals valued");
  }

  private static String standing(CaseStanding s) {
    Case c = s.value();
    return new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), List.of())
        + " " + s.stage() + " " + s.since();
  }
}
