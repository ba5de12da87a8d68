package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.Main;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code log}, {@code advance}, {@code import} and {@code migrate} run as real processes and
 * SIGKILLed at random moments, against each store: after every run the workspace still passes
 * {@code check} (the SQLite database its integrity checks, and every case loads and replays
 * legally), and everything a run acknowledged (exit 0) is there, exactly once; a killed run left
 * at most its own change, whole (a killed migration: a target refused as unfinished, which
 * migrating again replaces with a complete one).
 *
 * <p>A run is killed after a random delay drawn from 40-110 % of the time the command took when not
 * killed, or for half the runs from 80-105 %, near the end where the write is (start-up takes most
 * of a short command's time); so most kills fall during its work and some runs finish first. System properties:
 * {@code salesflow.cli.kill.runs} runs per store and command (default 3; {@code cli/bench/kill-loop.sh}
 * runs 200), {@code salesflow.cli.kill.seed}.
 */
class CommandKillTest {
  static final String NOTE_CASE = "ACME-2026-001";
  static final String ADVANCE_CASE = "ACME-2026-005";

  @TempDir Path tmp;
  Path ws;
  String storeSpec;
  Random random;
  String label;

  static Stream<Arguments> storesAndCommands() {
    String only = System.getProperty("salesflow.cli.kill.only", "");
    List<Arguments> all = new ArrayList<>();
    for (String store : List.of("yaml", "sqlite")) {
      for (String command : List.of("log", "advance", "import", "migrate")) {
        if ((store + ":" + command).contains(only)) {
          all.add(Arguments.of(store, command));
        }
      }
    }
    return all.stream();
  }

  /** The outcome of one child run. */
  record Outcome(boolean acked, boolean killed, long millis) {}

  /** Killed runs whose change was found stored anyway: the kill fell after the write, before the exit. */
  private int wroteThenKilled;

  @ParameterizedTest(name = "{0} store: {1}")
  @MethodSource("storesAndCommands")
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void killedAtRandomMomentsLosesNothingAcknowledged(String store, String command) throws Exception {
    int runs = Integer.getInteger("salesflow.cli.kill.runs", 3);
    long seed = Long.getLong("salesflow.cli.kill.seed", new Random().nextLong());
    random = new Random(seed);
    label = String.format("%s store, %s (seed %d, %d runs)", store, command, seed, runs);
    ws = Hostile.examplesAt(tmp.resolve("ws"));
    storeSpec = store.equals("sqlite") ? "sqlite:cases.db" : null;
    if (storeSpec != null) {
      assertThat(Hostile.run(ws, "migrate", "--to", storeSpec).code()).isZero();
      withStoreSetting(ws, storeSpec);
      try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          Files.delete(f); // the database is the store now; check then sees only the settings
        }
      }
    }
    Map<String, Case> before = cases(ws, null);

    int killed = 0;
    int acked = 0;
    long baseline = 0;
    long started = System.nanoTime();
    for (int i = 0; i <= runs; i++) {
      // run 0 is never killed: it measures how long the command takes
      Outcome outcome = switch (command) {
        case "log" -> log(i, baseline);
        case "advance" -> advance(i, baseline);
        case "import" -> importLeads(i, baseline);
        default -> migrate(i, baseline, before);
      };
      if (i == 0) {
        baseline = outcome.millis();
      }
      killed += outcome.killed() ? 1 : 0;
      acked += outcome.acked() ? 1 : 0;
      assertSound(i);
    }
    System.out.printf("CommandKillTest %s: %d runs, %d SIGKILLed, %d acknowledged (incl. the measuring run),"
            + " all present; %d killed after (part of) their write; %.1f s%n", label, runs + 1, killed, acked, wroteThenKilled,
        (System.nanoTime() - started) / 1e9);
  }

  // ---- the commands ----

  private final List<String> ackedNotes = new ArrayList<>();
  private final List<String> tried = new ArrayList<>();

  private Outcome log(int i, long baseline) throws Exception {
    String note = "kill-" + i;
    tried.add(note);
    Outcome o = child(baseline, "log", NOTE_CASE, "note", "--note", note);
    if (o.acked()) {
      ackedNotes.add(note);
    }
    List<String> stored = notes(NOTE_CASE);
    assertThat(stored).as("%s: run %d: no note twice", label, i).doesNotHaveDuplicates();
    assertThat(stored).as("%s: run %d: every acknowledged note stored", label, i).containsAll(ackedNotes);
    assertThat(tried).as("%s: run %d: only notes that were tried", label, i).containsAll(stored);
    wroteThenKilled += o.killed() && stored.contains(note) ? 1 : 0;
    return o;
  }

  private Outcome advance(int i, long baseline) throws Exception {
    String from = load(ADVANCE_CASE).stage();
    String to = from.equals("lead") ? "needs" : "lead";
    String reason = "kill-" + i;
    int eventsBefore = load(ADVANCE_CASE).value().events().size();
    Outcome o = child(baseline, "advance", ADVANCE_CASE, "--to", to, "--reason", reason);
    List<Event> events = load(ADVANCE_CASE).value().events();
    boolean written = events.size() == eventsBefore + 1;
    assertThat(events.size()).as("%s: run %d: at most the one event", label, i).isBetween(eventsBefore, eventsBefore + 1);
    if (o.acked()) {
      assertThat(written).as("%s: run %d: acknowledged advance stored", label, i).isTrue();
    }
    wroteThenKilled += o.killed() && written ? 1 : 0;
    if (written) {
      Event last = events.get(events.size() - 1);
      assertThat(last.field("to")).as("%s: run %d", label, i).contains(to);
      assertThat(last.field("reason")).as("%s: run %d", label, i).contains(reason);
      assertThat(load(ADVANCE_CASE).stage()).isEqualTo(to);
    }
    return o;
  }

  private Outcome importLeads(int i, long baseline) throws Exception {
    Path csv = tmp.resolve("leads-" + i + ".csv");
    List<String> companies = List.of("Kill " + i + " Alpha", "Kill " + i + " Beta", "Kill " + i + " Gamma");
    StringBuilder text = new StringBuilder("company,industry,contact_name,phone,source,priority,owner,need\r\n");
    for (String company : companies) {
      text.append(company).append(",manufacturing,Ann Lee,+86 21 5555 0100,exhibition,B,li.na,\"pumps,\nvalves\"\r\n");
    }
    Files.writeString(csv, text);
    Outcome o = child(baseline, "import", csv.toString());
    List<String> stored = cases(ws, storeSpec).values().stream().map(c -> c.customer().company())
        .filter(c -> c.startsWith("Kill " + i + " ")).toList();
    assertThat(stored).as("%s: run %d: each lead at most once", label, i).doesNotHaveDuplicates();
    if (o.acked()) {
      assertThat(stored).as("%s: run %d: an acknowledged import registered every row", label, i)
          .containsExactlyInAnyOrderElementsOf(companies);
    }
    wroteThenKilled += o.killed() && !stored.isEmpty() ? 1 : 0;
    return o;
  }

  private Outcome migrate(int i, long baseline, Map<String, Case> source) throws Exception {
    String target = storeSpec == null ? "sqlite:migrated-" + i + ".db" : "migrated-" + i;
    Outcome o = child(baseline, "migrate", "--to", target);
    Path targetPath = ws.resolve(target.replace("sqlite:", ""));
    if (!Files.exists(targetPath)) {
      assertThat(o.acked()).as("%s: run %d: an acknowledged migration has its target", label, i).isFalse();
      return o;
    }
    boolean replaced = false;
    if (!o.acked()) {
      CliRun list = Hostile.run(ws, "--store", target, "list");
      if (list.code() != 0) {
        // killed between its marks: refused as unfinished until a migration into it again replaces it;
        // killed before the mark was committed, a blank SQLite file: refused as not a salesflow database;
        // killed as SQLite had just created the file, an empty file: refused as such
        assertThat(list.code()).as("%s: run %d: %s", label, i, list.all()).isEqualTo(3);
        assertThat(list.err()).as("%s: run %d: a partial target is refused as such:%n%s", label, i, list.all())
            .containsAnyOf("unfinished migration", "is an empty SQLite database, not a salesflow one",
                "is an empty file, not a salesflow database");
        CliRun again = Hostile.run(ws, "migrate", "--to", target);
        assertThat(again.code()).as("%s: run %d: migrating again replaces the partial target:%n%s", label, i, again.all())
            .isZero();
        replaced = true;
      }
    }
    if (storeSpec == null) {
      assertIntegrity(targetPath);
    } else {
      CliRun check = Hostile.run(ws, "check", target);
      assertThat(check.code()).as("%s: run %d: the migrated files pass check:%n%s", label, i, check.all()).isZero();
    }
    Map<String, Case> copied = cases(ws, target);
    wroteThenKilled += o.killed() && !copied.isEmpty() ? 1 : 0;
    if (o.acked() || replaced) {
      assertThat(copied).as("%s: run %d: an acknowledged or repeated migration copied every case", label, i)
          .isEqualTo(source);
    } else {
      copied.forEach((id, c) -> assertThat(c).as("%s: run %d: a partly migrated case is whole", label, i)
          .isEqualTo(source.get(id)));
    }
    return o;
  }

  // ---- after every run ----

  private void assertSound(int i) throws Exception {
    CliRun check = Hostile.run(ws, "check");
    assertThat(check.code()).as("%s: after run %d, check passes:%n%s", label, i, check.all()).isZero();
    if (storeSpec != null) {
      assertIntegrity(ws.resolve("cases.db"));
    }
    try (Salesflow flow = Salesflow.open(ws, storeSpec, ws)) {
      for (CaseView view : flow.list(CaseFilter.ALL)) {
        assertThat(view.replay().illegal()).as("%s: after run %d, %s replays legally", label, i, view.value().id()).isEmpty();
      }
    }
  }

  private static void assertIntegrity(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as("integrity of %s", db).isEqualTo("ok");
    }
  }

  // ---- helpers ----

  /**
   * Starts salesflow in a new JVM and SIGKILLs it after a random share of {@code baseline} (0:
   * never): 40-110 % or, for half the runs, 80-105 %.
   */
  private Outcome child(long baseline, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--now", Hostile.NOW, "--quiet"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(tmp, "child-", ".log");
    long started = System.nanoTime();
    Process p = new ProcessBuilder(command).directory(ws.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    boolean killed = false;
    if (baseline > 0) {
      // half the kills anywhere from JVM start to past the end, half near the end of the run, where
      // the write is: start-up takes most of a short command's time
      double share = random.nextBoolean() ? 0.4 + 0.7 * random.nextDouble() : 0.8 + 0.25 * random.nextDouble();
      long delay = (long) (baseline * share);
      if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        p.toHandle().destroyForcibly();
        killed = true;
      }
    }
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("%s: %s ended", label, String.join(" ", args)).isTrue();
    long millis = (System.nanoTime() - started) / 1_000_000;
    int code = p.exitValue();
    String printed = Files.readString(output);
    if (killed && code == 0) {
      killed = false; // it finished just as the kill was sent
    }
    assertThat(code).as("%s: %s ends in 0 or by SIGKILL (137); it printed:%n%s", label, String.join(" ", args), printed)
        .isIn(0, 137);
    return new Outcome(code == 0, killed, millis);
  }

  /** The workspace with {@code store:} set, so that check and every command use that store. */
  private static void withStoreSetting(Path ws, String spec) throws IOException {
    Path config = ws.resolve("salesflow.yaml");
    Files.writeString(config, Files.readString(config) + "\nstore: " + spec + "\n");
  }

  private CaseView load(String id) {
    try (Salesflow flow = Salesflow.open(ws, storeSpec, ws)) {
      return flow.show(id);
    }
  }

  private List<String> notes(String id) {
    return load(id).value().events().stream().filter(e -> e.type().equals("note")).map(Event::note)
        .filter(n -> n != null && n.startsWith("kill-")).toList();
  }

  private static Map<String, Case> cases(Path ws, String spec) {
    try (Salesflow flow = Salesflow.open(ws, spec, ws)) {
      return flow.list(CaseFilter.ALL).stream().map(CaseView::value)
          .collect(Collectors.toMap(Case::id, c -> c, (a, b) -> a, TreeMap::new));
    }
  }
}
