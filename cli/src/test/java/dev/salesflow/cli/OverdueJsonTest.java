package dev.salesflow.cli;

import dev.salesflow.core.api.Clock;
import dev.salesflow.core.api.ClockState;
import dev.salesflow.core.api.OverdueItem;
import dev.salesflow.core.api.Priority;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** overdue's JSON, written without a map per row, is byte for byte what the map rows give. */
class OverdueJsonTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void writtenRowsEqualTheMapRows() {
    List<OverdueItem> items = List.of(
        new OverdueItem("ACME-2026-001", "lead", "zhang.wei", Priority.A, "苏州精工 \"机械\"",
            new Clock("first-contact", null, Instant.parse("2026-11-02T01:30:00Z"), Instant.parse("2026-11-03T15:59:59Z"),
                null, NOW, ClockState.BREACHED)),
        new OverdueItem("ACME-2026-002", "quote", null, null, null,
            new Clock("quote-follow-up", "Q-1\n\\", Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-11-27T01:30:00Z"),
                null, NOW, ClockState.DUE_SOON)));
    for (List<OverdueItem> list : List.of(items, List.<OverdueItem>of())) {
      StringWriter written = new StringWriter();
      PrintWriter out = new PrintWriter(written);
      OverdueCommand.json(out, list, ZONE);
      out.flush();
      assertThat(written.toString())
          .isEqualTo(CaseOutput.json(list.stream().map(i -> OverdueCommand.row(i, ZONE)).toList()) + System.lineSeparator());
    }
  }
}
