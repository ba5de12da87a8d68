package dev.salesflow.core.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs appending to one case file at once: the folder lock keeps every event. */
class MultiProcessAppendTest {
  private static final String ID = "ACME-2026-001";
  private static final int WRITERS = 3;
  private static final int EACH = 50;

  @TempDir Path dir;
  @TempDir Path signals;
  @TempDir Path logs;

  @Test
  void processesAppendingAtOnceLoseNoEvent() throws Exception {
    YamlDirectoryStore store = new YamlDirectoryStore(dir, ProcessLoader.defaultProcess(), ZoneId.of("Asia/Shanghai"));
    store.create(new Case(ID, new Customer("ACME", "retail", null, new Contact("Li", null, "123", null)),
        "online", Priority.B, "li.na", ConcurrentAppender.AT.minusDays(1), null, List.of()));

    List<Process> processes = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        processes.add(start("w" + w));
      }
      awaitReady(processes);
      Files.createFile(signals.resolve("go"));
      for (int w = 0; w < WRITERS; w++) {
        Process p = processes.get(w);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("writer w%d finished", w).isTrue();
        assertThat(p.exitValue()).as("writer w%d exit code; its output:%n%s", w, log("w" + w)).isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }

    Case c = store.load(ID);
    List<String> notes = c.events().stream().map(Event::note).toList();
    assertThat(notes).hasSize(WRITERS * EACH).doesNotHaveDuplicates();
    for (int w = 0; w < WRITERS; w++) {
      String prefix = "w" + w + "-";
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < EACH; i++) {
        expected.add(prefix + i);
      }
      assertThat(notes.stream().filter(n -> n.startsWith(prefix)).toList())
          .as("writer w%d's notes, in its order", w).containsExactlyElementsOf(expected);
    }
    assertThat(new StateMachine(ProcessLoader.defaultProcess(), new BigDecimal("1000000")).replay(c).illegal()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temp file left behind").containsExactlyInAnyOrder(ID + ".yaml", ".salesflow.lock");
    }
  }

  private Process start(String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ConcurrentAppender.class.getName(), dir.toString(), ID, name, String.valueOf(EACH), signals.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(logs.resolve(name + ".log").toFile());
    return builder.start();
  }

  private void awaitReady(List<Process> processes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int w = 0; w < processes.size(); w++) {
      File ready = signals.resolve("w" + w + ".ready").toFile();
      while (!ready.exists()) {
        assertThat(processes.get(w).isAlive()).as("writer w%d is starting; its output:%n%s", w, log("w" + w)).isTrue();
        assertThat(System.nanoTime()).as("writers ready within 60 s").isLessThan(deadline);
        Thread.sleep(10);
      }
    }
  }

  private String log(String name) {
    try {
      return Files.readString(logs.resolve(name + ".log"));
    } catch (Exception e) {
      return "(no output: " + e + ")";
    }
  }
}
