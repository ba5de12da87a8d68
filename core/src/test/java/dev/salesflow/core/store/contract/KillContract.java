package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writer processes killed with SIGKILL ({@link ProcessHandle#destroyForcibly()} on Linux) at random
 * moments while they append: afterwards the store opens cleanly and holds every acknowledged event
 * exactly once, in each writer's order. Run against each store by a subclass.
 *
 * <p>Each round starts {@value #WRITERS} {@link StoreWriter} JVMs on two cases and kills each at a
 * random moment: after a random number of acknowledgements plus a random sleep, or after a random
 * sleep alone (which may fall before its first write, even while it opens the store). After every
 * round the store is reopened and checked, and the subclass checks the files themselves.
 *
 * <p>System properties: {@code salesflow.kill.rounds} (default 6, so 24 kills),
 * {@code salesflow.kill.seed} (default: random, printed). {@code cli/bench/kill-loop.sh} runs many
 * more rounds.
 */
abstract class KillContract {
  static final int WRITERS = 4;
  static final List<String> CASES = List.of("ACME-2026-001", "ACME-2026-002");
  static final String ACK = "acked ";

  @TempDir Path root;

  /** The {@code store:} line of salesflow.yaml, or empty for the default. */
  abstract String storeSetting();

  /** The store's own files are sound (every case file parses; the database passes its checks). */
  abstract void assertFilesSound(Workspace workspace) throws Exception;

  /** A killed writer in the middle of its work: its process and what it acknowledged. */
  private static final class Writer {
    final String name;
    final String caseId;
    final Process process;
    final List<String> acked = Collections.synchronizedList(new ArrayList<>());
    final StringBuilder other = new StringBuilder();
    final Thread reader;
    final long started = System.nanoTime();
    volatile long lastAck = started;

    Writer(String name, String caseId, Process process) {
      this.name = name;
      this.caseId = caseId;
      this.process = process;
      this.reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(ACK)) {
              acked.add(line.substring(ACK.length()));
              lastAck = System.nanoTime();
            } else {
              synchronized (other) {
                long now = System.nanoTime();
                other.append(String.format("[%.3f s after start, %.3f s after the last ack] ", (now - started) / 1e9,
                    (now - lastAck) / 1e9)).append(line).append('\n');
              }
            }
          }
        } catch (IOException e) {
          synchronized (other) {
            other.append("(reading its output failed: ").append(e).append(")\n");
          }
        }
      }, "ack-reader-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    String output() {
      synchronized (other) {
        return other.toString();
      }
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void writersKilledAtRandomMomentsLoseNoAcknowledgedEvent() throws Exception {
    int rounds = Integer.getInteger("salesflow.kill.rounds", 6);
    long seed = Long.getLong("salesflow.kill.seed", new Random().nextLong());
    Random random = new Random(seed);
    String label = getClass().getSimpleName() + " (seed " + seed + ", " + rounds + " rounds)";

    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\n" + storeSetting());
    Path childTmp = Files.createDirectories(root.resolve("child-tmp"));
    Workspace workspace = Workspace.open(root);
    try (CaseStore store = workspace.openStore()) {
      for (String id : CASES) {
        store.create(CaseStoreContract.newCase(id));
      }
    }

    Map<String, Writer> all = new LinkedHashMap<>();
    int kills = 0;
    int ackedTotal = 0;
    int storedUnacked = 0;
    int beforeFirstAck = 0;
    long started = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      Path go = root.resolve("go-" + round);
      List<Writer> writers = new ArrayList<>();
      try {
        for (int w = 0; w < WRITERS; w++) {
          String name = "r" + round + "w" + w;
          String id = CASES.get(random.nextInt(CASES.size()));
          writers.add(new Writer(name, id, start(name, id, go, childTmp)));
        }
        Files.createFile(go);
        List<Writer> order = new ArrayList<>(writers);
        Collections.shuffle(order, random);
        for (Writer writer : order) {
          if (random.nextInt(4) == 0) {
            // a random moment: perhaps before its first write, perhaps while it opens the store
            Thread.sleep(random.nextInt(1000));
          } else {
            awaitAcks(writer, random.nextInt(25), label);
            Thread.sleep(random.nextInt(20));
          }
          // SIGKILL through the handle: Process.destroyForcibly() would also close our end of its
          // stdout, losing acknowledgements still in the pipe
          writer.process.toHandle().destroyForcibly();
          assertThat(writer.process.waitFor(30, TimeUnit.SECONDS)).as("%s: %s died", label, writer.name).isTrue();
          writer.reader.join(TimeUnit.SECONDS.toMillis(30));
          assertThat(writer.process.exitValue())
              .as("%s: %s ended by SIGKILL (137), not on its own; its output:%n%s", label, writer.name, writer.output())
              .isEqualTo(137);
          kills++;
          all.put(writer.name, writer);
        }
      } finally {
        writers.forEach(w -> w.process.destroyForcibly());
      }

      // after every round: the store opens, every acknowledged note is there once, in order
      Map<String, List<String>> stored = new LinkedHashMap<>();
      Map<String, String> caseOf = new LinkedHashMap<>();
      List<String> everyNote = new ArrayList<>();
      try (CaseStore store = Workspace.open(root).openStore()) {
        assertThat(store.ids()).as("%s: case ids after round %d", label, round).containsExactlyElementsOf(CASES);
        for (String id : CASES) {
          Case c = store.load(id);
          assertThat(workspace.stateMachine().replay(c).illegal()).as("%s: %s replays legally", label, id).isEmpty();
          for (Event e : c.events()) {
            String writer = e.note().substring(0, e.note().lastIndexOf('-'));
            stored.computeIfAbsent(writer, k -> new ArrayList<>()).add(e.note());
            caseOf.merge(writer, id, (a, b) -> a.equals(b) ? a : a + "+" + b);
            everyNote.add(e.note());
          }
        }
      }
      assertFilesSound(workspace);
      assertThat(everyNote).as("%s: no note stored twice", label).doesNotHaveDuplicates();
      assertThat(all.keySet()).as("%s: only our writers wrote", label).containsAll(stored.keySet());
      for (Writer writer : all.values()) {
        List<String> acked = List.copyOf(writer.acked);
        List<String> notes = stored.getOrDefault(writer.name, List.of());
        assertThat(acked).as("%s: %s acknowledged in order", label, writer.name)
            .containsExactlyElementsOf(notes(writer.name, acked.size()));
        assertThat(notes.size()).as("%s: %s stored every acknowledged note and at most the one it was writing"
                + " (acked %d)", label, writer.name, acked.size())
            .isBetween(acked.size(), acked.size() + 1);
        assertThat(notes).as("%s: %s's notes in its order", label, writer.name)
            .containsExactlyElementsOf(notes(writer.name, notes.size()));
        if (!notes.isEmpty()) {
          assertThat(caseOf.get(writer.name)).as("%s: %s wrote to its own case only", label, writer.name)
              .isEqualTo(writer.caseId);
        }
      }
    }

    for (Writer writer : all.values()) {
      ackedTotal += writer.acked.size();
      beforeFirstAck += writer.acked.isEmpty() ? 1 : 0;
    }
    try (CaseStore store = Workspace.open(root).openStore()) {
      int storedTotal = CASES.stream().mapToInt(id -> store.load(id).events().size()).sum();
      storedUnacked = storedTotal - ackedTotal;
    }
    Set<String> leftovers = new HashSet<>();
    try (var files = Files.list(childTmp)) {
      files.forEach(f -> leftovers.add(f.getFileName().toString()));
    }
    System.out.printf("%s: %d SIGKILLs in %.1f s; %d notes acknowledged, all present once and in order; %d killed"
            + " after writing but before acknowledging; %d killed before their first acknowledgement;"
            + " %d files left in the writers' java.io.tmpdir %s%n",
        label, kills, (System.nanoTime() - started) / 1e9, ackedTotal, storedUnacked, beforeFirstAck, leftovers.size(),
        leftovers.isEmpty() ? "" : leftovers.stream().sorted().limit(6).toList());
    assertThat(kills).as("kills").isGreaterThanOrEqualTo(Math.min(20, rounds * WRITERS));
  }

  private static List<String> notes(String writer, int count) {
    return IntStream.range(0, count).mapToObj(i -> writer + "-" + i).toList();
  }

  private static void awaitAcks(Writer writer, int count, String label) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (writer.acked.size() < count) {
      assertThat(writer.process.isAlive())
          .as("%s: %s still writing (waiting for %d acknowledgements); its output:%n%s", label, writer.name, count,
              writer.output())
          .isTrue();
      assertThat(System.nanoTime()).as("%s: %s acknowledged %d notes within 60 s", label, writer.name, count)
          .isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  /** A {@link StoreWriter} JVM that appends until killed; C1 only, so it starts quickly. */
  private Process start(String name, String id, Path go, Path tmp) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), StoreWriter.class.getName(),
        root.toString(), id, name, String.valueOf(Integer.MAX_VALUE), go.toString());
    builder.redirectErrorStream(true);
    return builder.start();
  }
}
