package dev.salesflow.cli.bench;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.workspace.Workspace;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Benchmark helper, not a test: where the time of {@code overdue} goes, phase by phase, in one JVM.
 *
 * <pre>
 * java -cp cli/target/test-classes:cli/target/salesflow.jar dev.salesflow.cli.bench.OverduePhases WORKSPACE [ITERATIONS=5] [NOW]
 * </pre>
 *
 * <p>Each iteration times, over every case file: listing the folder, reading the bytes, decoding
 * UTF-8, parsing the YAML tree, loading through the store (read + parse + bind), replaying through
 * the state machine, computing SLA clocks, and the whole {@code Salesflow.overdue} call. The first
 * iteration is what a command-line run pays (cold JIT); later ones show the steady state. Wall
 * and this thread's CPU milliseconds are printed.
 */
public final class OverduePhases {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private OverduePhases() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    OffsetDateTime now = OffsetDateTime.parse(args.length > 2 ? args[2] : "2026-11-26T18:00:00+08:00");
    System.out.printf("%-4s %-34s %9s %9s%n", "iter", "phase", "wall ms", "cpu ms");
    for (int it = 1; it <= iterations; it++) {
      Map<String, long[]> times = new LinkedHashMap<>();
      Salesflow flow = timed(times, "open workspace (config, process)", () -> Salesflow.open(root));
      Workspace workspace = Workspace.open(root);
      Path dir = workspace.casesDir();
      List<String> ids = timed(times, "list folder (store.ids)", () -> flow.ids());
      List<byte[]> bytes = timed(times, "read bytes", () -> {
        List<byte[]> all = new ArrayList<>(ids.size());
        for (String id : ids) {
          all.add(Files.readAllBytes(dir.resolve(id + ".yaml")));
        }
        return all;
      });
      List<String> texts = timed(times, "decode UTF-8", () -> {
        List<String> all = new ArrayList<>(bytes.size());
        for (byte[] b : bytes) {
          all.add(YamlTreeReader.decodeUtf8(b));
        }
        return all;
      });
      timed(times, "parse YAML tree", () -> {
        int n = 0;
        for (String t : texts) {
          n += YamlTreeReader.readMapping(t).entries().size();
        }
        return n;
      });
      List<Case> cases = timed(times, "load via store (read+parse+bind)", () -> {
        List<Case> all = new ArrayList<>(ids.size());
        for (String id : ids) {
          all.add(flow.load(id));
        }
        return all;
      });
      StateMachine machine = workspace.stateMachine();
      List<Replay> replays = timed(times, "replay (state machine)", () -> {
        List<Replay> all = new ArrayList<>(cases.size());
        for (Case c : cases) {
          all.add(machine.replay(c));
        }
        return all;
      });
      SlaEngine sla = workspace.slaEngine();
      timed(times, "SLA clocks (open cases)", () -> {
        int n = 0;
        for (int i = 0; i < cases.size(); i++) {
          if (!flow.process().isTerminal(replays.get(i).stage())) {
            n += sla.clocks(cases.get(i), replays.get(i), now.toInstant(), Duration.ZERO).clocks().size();
          }
        }
        return n;
      });
      int items = timed(times, "Salesflow.overdue (all of it)",
          () -> flow.overdue(new OverdueQuery(null, null, null, null), now).items().size());
      List<CaseView> views = timed(times, "Salesflow.list (all of it)",
          () -> flow.list(new dev.salesflow.core.model.CaseFilter(null, null, null)));
      flow.close();
      for (Map.Entry<String, long[]> t : times.entrySet()) {
        System.out.printf("%-4d %-34s %9.0f %9.0f%n", it, t.getKey(), t.getValue()[0] / 1e6, t.getValue()[1] / 1e6);
      }
      System.out.printf("%-4d %-34s %9d cases, %d overdue items%n", it, "(counts)", views.size(), items);
    }
  }

  private static <T> T timed(Map<String, long[]> times, String phase, Callable<T> work) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    T result = work.call();
    times.put(phase, new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu});
    return result;
  }
}
