package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.StoreException;
import java.time.Instant;
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
  void keepsAnIndexOfRunningDeadlines() {
    store.create(newCase("ACME-2026-001"));
    assertThat(store.runningClocksDueBefore(Instant.parse("2026-11-04T00:00:00+08:00"))).isPresent();
  }
}
