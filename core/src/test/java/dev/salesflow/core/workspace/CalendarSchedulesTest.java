package dev.salesflow.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.CalendarListing;
import dev.salesflow.core.calendar.Calendars;
import dev.salesflow.core.calendar.Target;
import dev.salesflow.core.model.CalendarDay;
import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.CalendarYear;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code calendar: {schedules: [FILE...]}}: official schedules loaded from holiday-cn JSON and iCalendar files. */
class CalendarSchedulesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Path SHARED_2026 = Path.of("../../shared/data/holiday-cn-2026.json");

  @TempDir Path dir;

  private Workspace open(String salesflowYaml) throws IOException {
    Files.writeString(dir.resolve("salesflow.yaml"), salesflowYaml, StandardCharsets.UTF_8);
    return Workspace.open(dir);
  }

  private void copyResource(String resource, String name) throws IOException {
    try (InputStream in = BusinessCalendar.class.getResourceAsStream(resource)) {
      Files.copy(in, dir.resolve(name));
    }
  }

  /** The 2026 file, as holiday-cn JSON (the bundled copy, identical to shared/data) or as .ics. */
  private void write2026(String name) throws IOException {
    copyResource(name.endsWith(".ics") ? "holiday-cn-2026.ics" : "holiday-cn-2026.json", name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026.json", "2026.ics"})
  void the2026FileOnAWeeklyCalendarGivesTheBuiltInAnswers(String name) throws IOException {
    write2026(name);
    BusinessCalendar loaded = open("calendar: {schedules: [" + name + "]}\n").calendar();
    BusinessCalendar builtIn = Calendars.cn(SHANGHAI);
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
      assertThat(loaded.isWorkingDay(d)).as("%s", d).isEqualTo(builtIn.isWorkingDay(d));
    }
    List<Target> targets = List.of(Target.parse("3 working days"), Target.parse("2 business hours"),
        Target.parse("15 days"), Target.parse("24h"));
    for (Instant start = Instant.parse("2026-01-01T01:30:00Z"); start.isBefore(Instant.parse("2026-12-20T00:00:00Z"));
        start = start.plusSeconds(86_400 + 3_600 * 5)) {
      for (Target t : targets) {
        assertThat(t.dueAt(start, loaded)).as("%s from %s", t, start).isEqualTo(t.dueAt(start, builtIn));
      }
    }
    assertThat(loaded.knowsYear(2026)).isTrue();
  }

  @Test
  void theBundledCopyIsTheSharedReferenceFile() throws IOException {
    try (InputStream in = BusinessCalendar.class.getResourceAsStream("holiday-cn-2026.json")) {
      if (Files.exists(SHARED_2026)) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(SHARED_2026));
      }
    }
  }

  @Test
  void aLoadedYearReplacesTheStatutoryOneAndChangesTheDueTimes() throws IOException {
    // A made-up 2027 schedule: Jan 1-3 off, Sat Jan 9 worked. Jan 1 is statutory anyway; the file
    // adds nothing else, so Spring Festival 2027 is no longer off once the file is loaded.
    Files.writeString(dir.resolve("2027.json"), """
        {"year": 2027, "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-09", "isOffDay": false}
        ]}
        """);
    Workspace ws = open("calendar: {extends: cn, schedules: [2027.json]}\n");
    BusinessCalendar cal = ws.calendar();
    assertThat(cal.knowsYear(2027)).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();
    Target three = Target.parse("3 working days");
    Instant delivered = ZonedDateTime.parse("2027-01-06T10:00:00+08:00[Asia/Shanghai]").toInstant();
    // Wed Jan 6: Thu 7 (1), Fri 8 (2), Sat 9 worked (3)
    assertThat(three.dueAt(delivered, cal)).isEqualTo(ZonedDateTime.parse("2027-01-09T23:59:59+08:00[Asia/Shanghai]").toInstant());
    assertThat(three.dueAt(delivered, Calendars.cn(SHANGHAI)))
        .isEqualTo(ZonedDateTime.parse("2027-01-11T23:59:59+08:00[Asia/Shanghai]").toInstant());
    CalendarYear year = CalendarListing.year(cal, ws.calendarProvenance(), 2027);
    assertThat(year.source()).isEqualTo(CalendarSource.FILE);
    assertThat(year.file()).isEqualTo("2027.json");
    assertThat(year.days()).extracting(CalendarDay::date, CalendarDay::kind, CalendarDay::name).contains(
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 9), "makeup", "元旦"));
    assertThat(ws.calendarFiles()).containsExactly(dir.resolve("2027.json"));
  }

  @Test
  void theListingNamesEachSource() throws IOException {
    Workspace ws = open("calendar: {extends: cn, holidays: [2027-12-24]}\n");
    CalendarYear y2027 = CalendarListing.year(ws.calendar(), ws.calendarProvenance(), 2027);
    assertThat(y2027.statutoryOnly()).isTrue();
    assertThat(y2027.days()).extracting(CalendarDay::date, CalendarDay::source).contains(
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 5), CalendarSource.STATUTORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 12, 24), CalendarSource.WORKSPACE));
    // Sat Oct 2, 2027: a statutory holiday on a weekend is owed a day off the rule cannot date
    assertThat(y2027.days()).filteredOn(d -> d.date().equals(LocalDate.of(2027, 10, 2))).singleElement()
        .satisfies(d -> assertThat(d.note()).contains("补假"));
    CalendarYear y2026 = CalendarListing.year(ws.calendar(), ws.calendarProvenance(), 2026);
    assertThat(y2026.source()).isEqualTo(CalendarSource.BUILT_IN);
    assertThat(y2026.days()).hasSize(33 + 6);
    assertThat(y2026.days().get(0).name()).isEqualTo("元旦");
    assertThat(CalendarListing.year(ws.calendar(), ws.calendarProvenance(), 2024).source()).isEqualTo(CalendarSource.WEEKLY);
    assertThat(CalendarListing.day(ws.calendar(), ws.calendarProvenance(), LocalDate.of(2027, 1, 4)))
        .isEqualTo(new CalendarDay(LocalDate.of(2027, 1, 4), true, "workday", null, CalendarSource.WEEKLY, null));
  }

  private Diagnostic only(String yaml) {
    DiagnosticsException e = (DiagnosticsException) org.assertj.core.api.Assertions.catchThrowable(() -> open(yaml));
    assertThat(e).as("no error for %s", yaml).isNotNull();
    assertThat(e.diagnostics()).hasSize(1);
    return e.diagnostics().get(0);
  }

  @Test
  void aBadIcsEventIsNamedByFileAndLine() throws IOException {
    Files.writeString(dir.resolve("bad.ics"), """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        SUMMARY:元旦
        DTSTART:20270101T090000
        END:VEVENT
        END:VCALENDAR
        """);
    Diagnostic d = only("calendar: {extends: cn, schedules: [bad.ics]}\n");
    assertThat(d.file()).isEqualTo(dir.resolve("bad.ics"));
    assertThat(d.position().line()).isEqualTo(5);
    assertThat(d.message()).contains("DTSTART '20270101T090000' is not an all-day date");
  }

  @Test
  void otherIcsProblems() throws IOException {
    Files.writeString(dir.resolve("r.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR\n");
    assertThat(only("calendar: {schedules: [r.ics]}\n").message()).contains("recurring events are not supported");
    Files.writeString(dir.resolve("e.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270101\nEND:VEVENT\nEND:VCALENDAR\n");
    Diagnostic e = only("calendar: {schedules: [e.ics]}\n");
    assertThat(e.position().line()).isEqualTo(4);
    assertThat(e.message()).contains("is not after DTSTART");
    Files.writeString(dir.resolve("open.ics"), "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\n");
    assertThat(only("calendar: {schedules: [open.ics]}\n").message()).contains("ends inside BEGIN:VEVENT");
    Files.writeString(dir.resolve("not.ics"), "hello\n");
    assertThat(only("calendar: {schedules: [not.ics]}\n").message()).contains("BEGIN:VCALENDAR");
  }

  @Test
  void aBadJsonEntryIsNamedByFileAndLine() throws IOException {
    Files.writeString(dir.resolve("2027.json"), "{\"year\": 2027, \"days\": [\n  {\"date\": \"2027-01-01\", \"isOffDay\": true},\n"
        + "  {\"date\": \"2027/01/02\", \"isOffDay\": true}\n]}\n");
    Diagnostic d = only("calendar: {extends: cn, schedules: [2027.json]}\n");
    assertThat(d.file()).isEqualTo(dir.resolve("2027.json"));
    assertThat(d.position().line()).isEqualTo(3);
    assertThat(d.message()).contains("'2027/01/02' is not a date");
  }

  @Test
  void theSettingItselfIsChecked() throws IOException {
    Diagnostic missing = only("calendar:\n  extends: cn\n  schedules: [nope.json]\n");
    assertThat(missing.file()).isEqualTo(dir.resolve("salesflow.yaml"));
    assertThat(missing.position().line()).isEqualTo(3);
    assertThat(missing.message()).contains("does not exist");
    assertThat(only("calendar: {schedules: [2027.txt]}\n").message()).contains("neither a holiday-cn year file (.json) nor an iCalendar file (.ics)");
    Files.createDirectory(dir.resolve("dir.json"));
    assertThat(only("calendar: {schedules: [dir.json]}\n").message()).contains("is a folder, not a regular file");
    write2026("a.json");
    write2026("b.ics");
    assertThat(only("calendar: {schedules: [a.json, b.ics]}\n").message()).contains("both hold the schedule of 2026");
  }

  @Test
  void aFileOverSixteenMebibytesIsRefusedUnread() throws IOException {
    try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.ics").toFile(), "rw")) {
      big.setLength(16L * 1024 * 1024 + 1);
    }
    Diagnostic d = only("calendar: {schedules: [big.ics]}\n");
    assertThat(d.message()).contains("has 16,777,217 bytes, more than the 16,777,216 a settings file may hold");
    assertThatThrownBy(() -> dev.salesflow.core.calendar.ScheduleFiles.read(dir.resolve("big.ics"), "big.ics"))
        .hasMessageStartingWith("big.ics:1:1: ");
  }
}
