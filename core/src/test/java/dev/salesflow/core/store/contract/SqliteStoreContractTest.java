package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.StoreException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store contract for a SQLite database, plus what only the database has: a deadline index. */
class SqliteStoreContractTest extends CaseStoreContract {
  @Override
  String storeSetting() {
    return "store: sqlite:cases.db\n";
  }

  @Test
  void aMissingDatabaseIsRefusedWhenItMustExistAndCreatedOtherwise() {
    java.nio.file.Path missing = root.resolve("missing.db");
    assertThatThrownBy(() -> workspace.openStore("sqlite:missing.db", root, OpenMode.EXISTING))
        .isInstanceOf(StoreException.class).hasMessageContaining(missing.toString());
    assertThat(missing).doesNotExist();
    assertThat(root.resolve("missing.db-wal")).doesNotExist();
    workspace.openStore("sqlite:missing.db", root, OpenMode.CREATE).close();
    assertThat(missing).exists();
    workspace.openStore("sqlite:missing.db", root, OpenMode.EXISTING).close();
  }

  @Test
  void itsDeadlineIndexHoldsExactlyTheRunningClocksDueByAnInstant() {
    store.create(newCase("ACME-2026-001")); // first-contact, A: 1 working day -> due Tue 2026-11-03 23:59:59
    store.create(newCaseWithId("ACME-2026-002"));
    store.append("ACME-2026-002", c -> event(10, "contacted", Map.of()));
    assertThat(store.runningClocksDueBefore(Instant.parse("2026-11-04T00:00:00+08:00"))).hasValueSatisfying(clocks ->
        assertThat(clocks).singleElement().satisfies(k -> {
          assertThat(k.caseId()).isEqualTo("ACME-2026-001");
          assertThat(k.stage()).isEqualTo("lead");
          assertThat(k.owner()).isEqualTo("zhang.wei");
          assertThat(k.clock().rule()).isEqualTo("first-contact");
          assertThat(k.clock().dueAt()).isEqualTo(Instant.parse("2026-11-03T23:59:59+08:00"));
        }));
    assertThat(store.runningClocksDueBefore(Instant.parse("2026-11-03T12:00:00+08:00")))
        .hasValueSatisfying(clocks -> assertThat(clocks).isEmpty());
  }
}
