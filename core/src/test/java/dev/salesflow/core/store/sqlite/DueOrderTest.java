package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Priority;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.sla.RunningClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store's promise of due order does not rest on {@code group_concat} following the index: a
 * scan in another order is sorted, one in due order is passed on as it is.
 */
class DueOrderTest {

  @Test
  void clocksInDueOrderArePassedOnUnsorted() {
    List<IndexedClock> ordered = new ArrayList<>(List.of(
        clock("A-1", "first-contact", "k1", 100), clock("A-1", "needs-record", null, 100),
        clock("A-2", "first-contact", null, 100), clock("A-0", "survey", null, 200)));
    List<IndexedClock> copy = List.copyOf(ordered);

    List<IndexedClock> result = ClockScan.inDueOrder(ordered);

    assertThat(result).isSameAs(ordered).containsExactlyElementsOf(copy);
  }

  @Test
  void clocksOutOfDueOrderAreSortedByDueTimeCaseAndRuleKeepingTies() {
    IndexedClock late = clock("A-0", "survey", null, 300);
    IndexedClock issue2 = clock("A-3", "issue-response", "i-2", 100);
    IndexedClock issue1 = clock("A-3", "issue-response", "i-1", 100);
    IndexedClock otherCase = clock("A-1", "survey", null, 100);
    IndexedClock otherRule = clock("A-3", "after-sales-contact", null, 100);
    List<IndexedClock> scanned = new ArrayList<>(List.of(late, issue2, issue1, otherCase, otherRule));

    assertThat(ClockScan.inDueOrder(scanned)).containsExactly(otherCase, otherRule, issue2, issue1, late);
  }

  private static IndexedClock clock(String caseId, String rule, String key, long due) {
    return new IndexedClock(caseId, "needs", "zhang.wei", Priority.A, "Acme",
        new RunningClock(rule, key, Instant.ofEpochSecond(0), Instant.ofEpochSecond(due)));
  }
}
