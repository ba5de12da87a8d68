package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Priority;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** list's JSON, encoded by hand, is byte for byte what Jackson writes for the summary maps. */
class ListJsonTest {
  @Test
  void awkwardRowsAreWrittenAsJacksonWritesTheMaps() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    List<String> texts = new ArrayList<>(List.of("", "\"", "\\", "a/b", controls.toString(), "\u007f\u0080\u2028\u2029",
        "😀 emoji", "lone \ud83d high", "lone \ude00 low", "苏州精工 \"机械\"", "x".repeat(70_000), "长".repeat(40_000)));
    texts.add(null);
    List<OffsetDateTime> times = new ArrayList<>(List.of(OffsetDateTime.parse("2026-10-12T16:00:00+08:00"),
        OffsetDateTime.parse("2026-03-08T01:59:59-05:00"), OffsetDateTime.parse("2026-11-26T10:00:00.5Z"),
        OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.parse("1960-05-01T00:00:00-00:44")));
    times.add(null);
    List<CaseStanding> rows = new ArrayList<>();
    for (int i = 0; i < 3 * texts.size(); i++) {
      String text = texts.get(i % texts.size());
      Priority priority = i % 4 == 3 ? null : Priority.values()[i % 3];
      Case c = new Case("ID-" + i + (text == null ? "" : text), new Customer(text, null, null, new Contact(null, null, null, null)),
          null, priority, text, null, null, List.of());
      rows.add(new CaseStanding(c, text == null ? "lead" : text, times.get(i % times.size())));
    }
    for (String zone : List.of("Asia/Shanghai", "UTC", "America/New_York", "Asia/Kathmandu", "Africa/Monrovia")) {
      assertSameAsMaps(rows, ZoneId.of(zone));
    }
    assertSameAsMaps(List.of(), ZoneId.of("UTC"));
  }

  /** Both ways out (bytes to stdout, or text to the writer) against Jackson through a UTF-8 writer. */
  private static void assertSameAsMaps(List<CaseStanding> rows, ZoneId zone) {
    byte[] expected = (CaseOutput.json(rows.stream().map(s -> CaseOutput.summary(s, zone)).toList()) + System.lineSeparator())
        .getBytes(StandardCharsets.UTF_8);
    StringWriter written = new StringWriter();
    PrintWriter out = new PrintWriter(written);
    ListJson.write(out, null, zone, rows::forEach);
    out.flush();
    assertThat(written.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ListJson.write(new PrintWriter(new StringWriter()), stdout, zone, rows::forEach);
    assertThat(stdout.toByteArray()).isEqualTo(expected);
  }
}
