package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store contract for a SQLite database, plus what only the database has: a deadline index. */
class SqliteStoreContractTest extends CaseStoreContract {
  @Override
  String storeSetting() {
    return "store: sqlite:cases.db\n";
  }

  @Test
  void keepsAnIndexOfRunningDeadlines() {
    store.create(newCase("ACME-2026-001"));
    assertThat(store.runningClocksDueBefore(Instant.parse("2026-11-04T00:00:00+08:00"))).isPresent();
  }
}
