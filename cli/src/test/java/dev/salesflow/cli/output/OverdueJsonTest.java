package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.SlaClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** overdue's JSON (encoded by hand) and CSV (without a map per row) are byte for byte what the map rows give. */
class OverdueJsonTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Map<Integer, CalendarSource> SOURCES = Map.of(2027, CalendarSource.STATUTORY, 2028, CalendarSource.WEEKLY);

  @Test
  void writtenRowsEqualTheMapRows() {
    List<OverdueItem> items = List.of(
        new OverdueItem("ACME-2026-001", "lead", "zhang.wei", Priority.A, "苏州精工 \"机械\"",
            new SlaClock("first-contact", null, Instant.parse("2026-11-02T01:30:00Z"), Instant.parse("2026-11-03T15:59:59Z"),
                null, NOW, ClockState.BREACHED)),
        new OverdueItem("ACME-2026-002", "quote", null, null, null,
            new SlaClock("quote-follow-up", "Q-1\n\\", Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-11-27T01:30:00Z"),
                null, NOW, ClockState.DUE_SOON)),
        new OverdueItem("ACME-2026-003", "delivery", "li.na", Priority.B, "c",
            new SlaClock("after-sales-contact", null, Instant.parse("2026-12-31T02:00:00Z"), Instant.parse("2027-01-06T15:59:59Z"),
                null, Instant.parse("2027-01-07T00:00:00Z"), ClockState.BREACHED), new java.util.TreeSet<>(Set.of(2027))),
        new OverdueItem("ACME-2026-004", "delivery", "li.na", Priority.B, "c",
            new SlaClock("survey", null, Instant.parse("2027-12-20T02:00:00Z"), Instant.parse("2028-01-06T15:59:59Z"),
                null, Instant.parse("2028-01-07T00:00:00Z"), ClockState.BREACHED), new java.util.TreeSet<>(Set.of(2028, 2027))));
    for (List<OverdueItem> list : List.of(items, List.<OverdueItem>of())) {
      assertSameAsMaps(list, ZONE);
    }
    // two threads encode a long list: the field comes out the same from either
    List<OverdueItem> many = new java.util.ArrayList<>();
    for (int i = 0; i < OverdueJson.SPLIT + 5_000; i++) {
      many.add(items.get(i % items.size()));
    }
    assertSameAsMaps(many, ZONE);
  }

  /** The hand-written escaping and time formatting against Jackson and CaseOutput.time on awkward values. */
  @Test
  void awkwardTextAndTimesAreWrittenAsJacksonWritesThem() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    String longText = "长".repeat(40_000) + "\"";
    List<String> texts = List.of("", "\"", "\\", "a/b", controls.toString(), "\u007f\u0080\u2028\u2029", "😀 emoji",
        "lone \ud83d high", "lone \ude00 low", "tab\there", "x".repeat(70_000), longText);
    List<Instant> instants = List.of(Instant.parse("2026-03-08T06:59:59Z"), Instant.parse("2026-03-08T07:00:00Z"),
        Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("-0001-06-01T00:00:00Z"),
        Instant.parse("9999-12-31T15:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-11-26T10:00:00.5Z"),
        Instant.parse("1900-01-01T00:00:00Z"));
    List<OverdueItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(texts.size(), instants.size()); i++) {
      String text = texts.get(i % texts.size());
      Instant at = instants.get(i % instants.size());
      items.add(new OverdueItem(text, text, text, Priority.C, text,
          new SlaClock(text, text, at, at, null, at.plusSeconds(i * 3_601L).plusNanos(i % 2 * 7), ClockState.BREACHED)));
    }
    for (String zone : List.of("Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata", "Europe/Dublin", "Asia/Kathmandu")) {
      assertSameAsMaps(items, ZoneId.of(zone));
    }
    // Monrovia kept a -00:44:30 offset until 1972: seconds in the offset take the general formatter
    assertSameAsMaps(List.of(new OverdueItem("A", "lead", "o", null, "c", new SlaClock("r", null,
        Instant.parse("1960-05-01T00:00:00Z"), Instant.parse("1960-05-02T00:00:00Z"), null, NOW, ClockState.BREACHED))),
        ZoneId.of("Africa/Monrovia"));
  }

  /** Dates by hand: every day around the turns of 1900, 2000 and 2024 (leap or not), and a sweep of years 1 to 9999. */
  @Test
  void datesAcrossCenturiesAndLeapDays() {
    List<Instant> days = new java.util.ArrayList<>();
    for (String from : List.of("1899-12-01T00:00:00Z", "1999-12-01T00:00:00Z", "2023-12-01T12:00:00Z")) {
      for (int d = 0; d < 500; d++) {
        days.add(Instant.parse(from).plusSeconds(86_400L * d + d));
      }
    }
    for (Instant at = Instant.parse("0001-01-01T00:00:00Z"); at.isBefore(Instant.parse("9999-12-01T00:00:00Z"));
        at = at.plusSeconds(86_400L * 997 + 3_599)) {
      days.add(at);
    }
    List<OverdueItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Instant at = days.get(i);
      items.add(new OverdueItem("A-" + i, "lead", "o", Priority.A, "c", new SlaClock("r", null, at,
          days.get((i * 7) % days.size()), null, NOW, ClockState.OPEN)));
    }
    assertSameAsMaps(items, ZONE);
    assertSameAsMaps(items, ZoneId.of("America/Los_Angeles"));
  }

  /** Past OverdueJson.SPLIT items two threads encode alternate blocks: written in turn, they read as one. */
  @Test
  void manyItemsEncodedOnTwoThreadsReadAsOne() {
    List<OverdueItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < OverdueJson.SPLIT + 1_001; i++) {
      Instant due = NOW.minusSeconds(86_400L * (i % 400) + i);
      items.add(new OverdueItem(String.format("ACME-2026-%06d", i), i % 3 == 0 ? "lead" : "quote", "owner" + i % 7,
          Priority.values()[i % 3], "公司 " + i, new SlaClock(i % 2 == 0 ? "first-contact" : "quote-follow-up", i % 5 == 0 ? "Q-" + i : null,
              due.minusSeconds(3_600), due, null, NOW, ClockState.BREACHED)));
    }
    assertSameAsMaps(items, ZONE);
  }

  /** overdue's CSV, printed without a map per row, is what the map rows give. */
  @Test
  void csvRowsEqualTheMapRows() {
    List<OverdueItem> items = List.of(
        new OverdueItem("ACME-2026-001", "lead", "zhang.wei", Priority.A, "苏州精工 \"机械\"",
            new SlaClock("first-contact", null, Instant.parse("2026-11-02T01:30:00Z"), Instant.parse("2026-11-03T15:59:59Z"),
                null, NOW, ClockState.BREACHED)),
        new OverdueItem("ACME-2026-002", "", null, null, null,
            new SlaClock("quote,follow-up", "Q-1\n\\", Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-11-27T01:30:00Z"),
                null, NOW, ClockState.DUE_SOON)),
        new OverdueItem("#3", " lead ", "\"o\"", Priority.B, "c", new SlaClock("r", null, Instant.parse("2026-11-20T01:30:00.5Z"),
            Instant.parse("2026-11-21T01:30:00Z"), null, NOW.plusNanos(3), ClockState.BREACHED)));
    for (List<OverdueItem> list : List.of(items, List.<OverdueItem>of())) {
      StringWriter maps = new StringWriter();
      PrintWriter mapsOut = new PrintWriter(maps);
      CaseOutput.streamCsv(mapsOut, OverdueOutput.COLUMNS, rows -> list.forEach(i -> rows.accept(OverdueOutput.row(i, ZONE, Map.of()))));
      mapsOut.flush();
      StringWriter direct = new StringWriter();
      PrintWriter directOut = new PrintWriter(direct);
      OverdueOutput.csv(directOut, list, ZONE);
      directOut.flush();
      assertThat(direct.toString()).isEqualTo(maps.toString());
    }
  }

  /** A closed pipe (salesflow overdue --format json | head) stops the output without an error, as out's PrintWriter does. */
  @Test
  void aClosedStdoutEndsTheOutputQuietly() {
    List<OverdueItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < OverdueJson.SPLIT + 10; i++) {
      items.add(new OverdueItem("ACME-2026-" + i, "lead", "o", Priority.A, "c", new SlaClock("r", null, NOW.minusSeconds(7_200),
          NOW.minusSeconds(3_600), null, NOW, ClockState.BREACHED)));
    }
    int[] writes = new int[1];
    java.io.OutputStream closed = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        writes[0]++;
        throw new java.io.IOException("Broken pipe");
      }
    };
    OverdueJson.write(new PrintWriter(new StringWriter()), closed, items, ZONE, Map.of());
    assertThat(writes[0]).isEqualTo(1);
  }

  /**
   * Both ways out (bytes to stdout, or text to the writer) give the UTF-8 that the Jackson map rows
   * give through a UTF-8 writer (which puts '?' for a lone surrogate, as String.getBytes does).
   */
  private static void assertSameAsMaps(List<OverdueItem> list, ZoneId zone) {
    byte[] expected = (CaseOutput.json(list.stream().map(i -> OverdueOutput.row(i, zone, SOURCES)).toList()) + System.lineSeparator())
        .getBytes(StandardCharsets.UTF_8);
    StringWriter written = new StringWriter();
    PrintWriter out = new PrintWriter(written);
    OverdueOutput.json(out, list, zone, SOURCES);
    out.flush();
    assertThat(written.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    OverdueJson.write(new PrintWriter(new StringWriter()), stdout, list, zone, SOURCES);
    assertThat(stdout.toByteArray()).isEqualTo(expected);
  }
}
