package dev.salesflow.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the server under a PostgreSQL store: stopped while writers append, and a connection
 * lost in the middle of a migration.
 */
class PostgresFaultTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));

  @TempDir Path root;
  private final PostgresServer server = PostgresServer.get();
  private Workspace workspace;

  @BeforeEach
  void workspace() throws Exception {
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: " + server.newSchemaSpec() + "\n");
    workspace = Workspace.open(root);
  }

  private static Case newCase(String id) {
    return new Case(id, new Customer("苏州精工机械有限公司", "manufacturing", "约 600 人",
            new Contact("王磊", "采购经理", "+86 512 5555 0101", "wanglei@example.cn")),
        "exhibition", Priority.A, "zhang.wei", T0, "数控机床配件\t采购\n\\年度", List.of(
            new Event(T0.plusMinutes(5), "note", "zhang.wei", "first\\call", Map.of("issue", "v\"1"))));
  }

  @Test
  void aServerStoppedWhileWritersAppendLosesNothingAcknowledged() throws Exception {
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001"));
    }
    int writers = 4;
    List<String> acked = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger total = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String name = "w" + w;
      Thread t = new Thread(() -> {
        try (CaseStore store = workspace.openStore()) {
          for (int i = 0; i < 100_000; i++) {
            String note = name + "-" + i;
            store.append("ACME-2026-001", c -> new Event(T0.plusHours(1), "note", name, note, Map.of()));
            acked.add(note);
            total.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (total.get() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(total.get()).as("writers got going").isGreaterThanOrEqualTo(40);
      server.stop("fast");
      for (Thread t : threads) {
        t.join(120_000);
      }
      assertThat(failures).as("every writer failed once the server stopped").hasSize(writers)
          .allSatisfy(e -> assertThat(e).isInstanceOf(StoreException.class)
              .hasMessageContaining("127.0.0.1:" + server.port()).hasMessageContaining("database salesflow"));
      assertThatThrownBy(() -> workspace.openStore()).isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot connect to PostgreSQL server 127.0.0.1:" + server.port());
    } finally {
      server.startServer();
    }
    try (CaseStore store = workspace.openStore()) {
      List<String> notes = store.load("ACME-2026-001").events().stream().map(Event::note)
          .filter(n -> n.matches("w\\d-\\d+")).toList();
      assertThat(notes).doesNotHaveDuplicates().containsAll(acked);
      assertThat(notes.size()).as("at most one write per writer in flight when it stopped")
          .isBetween(acked.size(), acked.size() + writers);
      store.append("ACME-2026-001", c -> new Event(T0.plusHours(2), "note", "again", "after the restart", Map.of()));
      assertThat(store.load("ACME-2026-001").events()).hasSize(notes.size() + 2);
    }
  }

  @Test
  void aConnectionLostMidMigrationLeavesNoCaseAndARerunCompletes() {
    int count = 40_000; // more batches than are read ahead of the one being sent
    AtomicInteger given = new AtomicInteger();
    Iterator<Case> cutting = IntStream.range(0, count).mapToObj(i -> {
      if (given.incrementAndGet() == 7_000) {
        server.admin(PostgresServer.DATABASE, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE application_name = 'salesflow' AND pid <> pg_backend_pid()");
      }
      return newCase(String.format("ACME-2026-%05d", i));
    }).iterator();
    try (CaseStore target = workspace.openStore()) {
      assertThatThrownBy(() -> target.createAll(cutting)).isInstanceOf(StoreException.class)
          .hasMessageContaining("lost the connection to PostgreSQL server 127.0.0.1:" + server.port());
    }
    assertThat(given.get()).as("the cut came mid-way").isLessThan(count);
    try (CaseStore target = workspace.openStore()) {
      assertThat(target.ids()).as("no half batch").isEmpty();
      target.createAll(IntStream.range(0, count).mapToObj(i -> newCase(String.format("ACME-2026-%05d", i))).iterator());
      assertThat(target.ids()).hasSize(count);
      assertThat(target.load("ACME-2026-00042")).isEqualTo(newCase("ACME-2026-00042"));
    }
  }

  @Test
  void eventsCannotBeChangedOrDeletedInTheDatabase() {
    String spec = workspace.storeSpec().toString();
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001"));
    }
    String schema = PostgresServer.schemaOf(spec);
    assertThatThrownBy(() -> server.rows(schema, "DELETE FROM events RETURNING 1"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> server.rows(schema, "UPDATE events SET note = 'x' RETURNING 1"))
        .hasMessageContaining("append-only");
  }
}
