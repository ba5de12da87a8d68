package dev.salesflow.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workspace migrated into SQLite and back into case files loses nothing: every case
 * (registration, events, their fields in order, timestamps with their offsets) is equal in all
 * three stores, and {@code show}, {@code list} and {@code overdue} print the same JSON on each.
 */
class MigrateRoundTripTest {
  @TempDir Path tmp;

  @Test
  void examplesGoToSqliteAndBackLosingNothing() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    migrate(ws, null, "sqlite:cases.db");
    migrate(ws, "sqlite:cases.db", "back");

    Workspace workspace = Workspace.open(ws);
    List<String> ids;
    try (CaseStore files = workspace.openStore();
        CaseStore db = workspace.openStore("sqlite:cases.db", ws);
        CaseStore back = workspace.openStore("back", ws)) {
      ids = files.ids();
      assertThat(ids).hasSize(14);
      assertThat(db.ids()).isEqualTo(ids);
      assertThat(back.ids()).isEqualTo(ids);
      for (String id : ids) {
        Case original = files.load(id);
        assertSame(original, db.load(id), "SQLite");
        assertSame(original, back.load(id), "case files written back");
      }
    }
    // not every timestamp is in +08:00: the offsets are part of what must survive
    try (CaseStore db = workspace.openStore("sqlite:cases.db", ws)) {
      assertThat(ids.stream().flatMap(id -> db.load(id).events().stream()).map(e -> e.at().getOffset().toString()).distinct())
          .contains("+08:00", "+01:00", "+11:00");
    }

    Map<String, String> onFiles = outputs(ws, null, ids);
    assertThat(onFiles.get("overdue")).contains("\"case\"");
    assertThat(outputs(ws, "sqlite:cases.db", ids)).as("JSON on SQLite").isEqualTo(onFiles);
    assertThat(outputs(ws, "back", ids)).as("JSON on the case files written back").isEqualTo(onFiles);
  }

  @Test
  void aSecondRoundTripWritesTheSameBytes() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    migrate(ws, null, "sqlite:one.db");
    migrate(ws, "sqlite:one.db", "back1");
    migrate(ws, "back1", "sqlite:two.db");
    migrate(ws, "sqlite:two.db", "back2");
    List<String> names;
    try (Stream<Path> files = Files.list(ws.resolve("back1"))) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
    assertThat(names).hasSize(14);
    for (String name : names) {
      assertThat(Files.readString(ws.resolve("back2").resolve(name))).as(name)
          .isEqualTo(Files.readString(ws.resolve("back1").resolve(name)));
    }
  }

  /** Equal as records, and also in what record equality does not see: field order, offsets, written text. */
  static void assertSame(Case expected, Case actual, String where) {
    assertThat(actual).as("%s: %s", where, expected.id()).isEqualTo(expected);
    assertThat(Timestamps.format(actual.registeredAt())).isEqualTo(Timestamps.format(expected.registeredAt()));
    assertThat(actual.events()).hasSameSizeAs(expected.events());
    for (int i = 0; i < expected.events().size(); i++) {
      Event e = expected.events().get(i);
      Event a = actual.events().get(i);
      String what = where + ": " + expected.id() + " event #" + (i + 1);
      assertThat(Timestamps.format(a.at())).as("%s time", what).isEqualTo(Timestamps.format(e.at()));
      assertThat(a.at().getOffset()).as("%s offset", what).isEqualTo(e.at().getOffset());
      assertThat(new ArrayList<>(a.fields().entrySet())).as("%s fields in order", what)
          .containsExactlyElementsOf(new ArrayList<>(e.fields().entrySet()));
    }
  }

  static void migrate(Path ws, String from, String to) {
    CliRun r = from == null
        ? CliRun.in(ws, "-w", ws.toString(), "migrate", "--to", to)
        : CliRun.in(ws, "-w", ws.toString(), "--store", from, "migrate", "--to", to);
    assertThat(r.code()).as("migrate %s -> %s%n%s", from, to, r).isZero();
  }

  /** show (every case), list and overdue as JSON, on the workspace's own store or {@code store}. */
  static Map<String, String> outputs(Path ws, String store, List<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> base = new ArrayList<>(List.of("-w", ws.toString(), "--now", TestWorkspaces.NOW, "--format", "json"));
    if (store != null) {
      base.addAll(List.of("--store", store));
    }
    out.put("list", ok(ws, base, 0, "list"));
    out.put("overdue", ok(ws, base, 1, "overdue"));
    out.put("overdue --due-within 3d", ok(ws, base, 1, "overdue", "--due-within", "3d"));
    for (String id : ids) {
      out.put("show " + id, ok(ws, base, 0, "show", id));
    }
    return out;
  }

  private static String ok(Path ws, List<String> base, int code, String... command) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(command));
    CliRun r = CliRun.in(ws, args.toArray(String[]::new));
    assertThat(r.code()).as("salesflow %s%n%s", String.join(" ", args), r).isEqualTo(code);
    return r.out();
  }
}
