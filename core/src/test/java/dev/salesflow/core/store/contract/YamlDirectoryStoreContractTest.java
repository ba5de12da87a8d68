package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The store contract for a folder of case files. */
class YamlDirectoryStoreContractTest extends CaseStoreContract {
  @Override
  String storeSetting() {
    return "";
  }

  @Test
  void keepsNoDeadlineIndexSoOverdueReplaysEveryCase() {
    store.create(newCase("ACME-2026-001"));
    assertThat(store.runningClocksDueBefore(Instant.parse("2026-11-04T00:00:00+08:00"))).isEmpty();
  }
}
