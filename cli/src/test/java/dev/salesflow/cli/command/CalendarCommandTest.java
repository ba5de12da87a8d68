package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesflow calendar}, and the statutory-only warning of the commands whose deadlines need
 * a year without an official schedule.
 */
class CalendarCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATUTORY = "salesflow: warning: 2027 is statutory only";

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void workspace() {
    ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
  }

  private CliRun sf(String now, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.toString();
    all[2] = "--now";
    all[3] = now;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(dir, all);
  }

  /** ACME-2026-011 delivered on Thu 2026-12-31 instead of Nov 20 (the README's tour case). */
  private void deliveredOnNewYearsEve() throws IOException {
    Path file = ws.resolve("cases/ACME-2026-011.yaml");
    String text = Files.readString(file, StandardCharsets.UTF_8)
        .replace("2026-11-20T15:00:00+08:00, type: delivery_accepted", "2026-12-31T15:00:00+08:00, type: delivery_accepted")
        .replace("2026-11-20T17:00:00+08:00, type: advance", "2026-12-31T17:00:00+08:00, type: advance");
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void theAfterSalesContactOfADeliveryOnDecember31IsDueOnJanuary6() throws IOException {
    deliveredOnNewYearsEve();
    CliRun show = sf("2027-01-04T10:00:00+08:00", "show", "ACME-2026-011", "--format", "json");
    assertThat(show.code()).as("%s", show).isZero();
    JsonNode json = JSON.readTree(show.out());
    JsonNode contact = null;
    for (JsonNode clock : json.get("clocks")) {
      if (clock.get("rule").asText().equals("after-sales-contact")) {
        contact = clock;
      }
    }
    // Fri Jan 1 is 元旦 by the statutory rule: Mon 4, Tue 5, Wed 6 (the weekly fallback said Tue 5)
    assertThat(contact.get("due_at").asText()).isEqualTo("2027-01-06T23:59:59+08:00");
    assertThat(json.get("calendar_fallback").toString()).isEqualTo("[{\"year\":2027,\"source\":\"statutory\"}]");
    assertThat(show.err()).startsWith(STATUTORY).contains("calendar: {extends: cn, schedules: [FILE]}");
  }

  @Test
  void theWarningIsShownOnceEvenWhenQuiet() throws IOException {
    deliveredOnNewYearsEve();
    CliRun overdue = sf("2027-01-07T10:00:00+08:00", "-q", "overdue");
    assertThat(overdue.code()).isEqualTo(1);
    assertThat(overdue.out()).contains("ACME-2026-011");
    assertThat(overdue.err().lines().filter(l -> l.startsWith("salesflow: warning:")).toList())
        .singleElement().satisfies(l -> assertThat(l).startsWith(STATUTORY));
    CliRun json = sf("2027-01-07T10:00:00+08:00", "-q", "overdue", "--format", "json");
    assertThat(JSON.readTree(json.out()).isArray()).isTrue(); // the stable shape stays an array
    assertThat(json.err()).startsWith(STATUTORY);
    assertFallbackOnlyOnTheNewYearClock(json.out());
    CliRun notify = sf("2027-01-07T10:00:00+08:00", "-q", "notify", "--dry-run", "--format", "json");
    assertThat(JSON.readTree(notify.out()).get("calendar_fallback").toString())
        .isEqualTo("[{\"year\":2027,\"source\":\"statutory\"}]");
    CliRun check = sf("2027-01-07T10:00:00+08:00", "-q", "check", "--format", "json");
    assertThat(check.err()).startsWith(STATUTORY);
    assertThat(JSON.readTree(check.out()).get("calendar_fallback").toString())
        .isEqualTo("[{\"year\":2027,\"source\":\"statutory\"}]");
    CliRun before = sf("2026-11-26T18:00:00+08:00", "-q", "check", "--format", "json");
    assertThat(before.err()).doesNotContain("warning");
    assertThat(JSON.readTree(before.out()).has("calendar_fallback")).isFalse();
  }

  /** The same per-clock field from SQLite's materialised deadlines as from the replayed folder. */
  @Test
  void overdueJsonFromSqliteCarriesTheSameField() throws IOException {
    deliveredOnNewYearsEve();
    CliRun folder = sf("2027-01-07T10:00:00+08:00", "-q", "overdue", "--format", "json");
    assertThat(sf("2027-01-07T10:00:00+08:00", "-q", "migrate", "--to", "sqlite:" + dir.resolve("c.db")).code()).isZero();
    CliRun sqlite = sf("2027-01-07T10:00:00+08:00", "-q", "--store", "sqlite:" + dir.resolve("c.db"), "overdue", "--format", "json");
    assertThat(sqlite.out()).isEqualTo(folder.out());
    assertFallbackOnlyOnTheNewYearClock(sqlite.out());
    CliRun before = sf("2026-11-26T18:00:00+08:00", "-q", "--store", "sqlite:" + dir.resolve("c.db"), "overdue", "--format", "json");
    assertThat(before.out()).doesNotContain("calendar_fallback");
  }

  /** Only ACME-2026-011's after-sales contact (Dec 31 + 3 working days) needed 2027; no other item has the field. */
  private static void assertFallbackOnlyOnTheNewYearClock(String overdueJson) throws IOException {
    JsonNode items = JSON.readTree(overdueJson);
    int with = 0;
    for (JsonNode item : items) {
      if (item.has("calendar_fallback")) {
        with++;
        assertThat(item.get("case").asText() + " " + item.get("rule").asText()).isEqualTo("ACME-2026-011 after-sales-contact");
        assertThat(item.get("calendar_fallback").toString()).isEqualTo("[{\"year\":2027,\"source\":\"statutory\"}]");
      }
    }
    assertThat(with).isEqualTo(1);
    assertThat(items.size()).isGreaterThan(1);
  }

  @Test
  void aLoadedScheduleSilencesTheWarningAndMovesTheDeadline() throws IOException {
    deliveredOnNewYearsEve();
    // a made-up 2027 schedule in holiday-cn's .ics format: Jan 1 off, Sat Jan 2 worked, nothing else
    Files.writeString(ws.resolve("2027.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:元旦假期\r\n"
        + "DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
        + "SUMMARY:上班(补元旦假期)\r\nDTSTART;VALUE=DATE:20270102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    Path config = ws.resolve("salesflow.yaml");
    Files.writeString(config, Files.readString(config).replaceAll("(?m)^calendar:.*$", "")
        + "calendar: {extends: cn, schedules: [2027.ics]}\n");
    CliRun show = sf("2027-01-04T10:00:00+08:00", "show", "ACME-2026-011", "--format", "json");
    assertThat(show.code()).as("%s", show).isZero();
    assertThat(show.err()).doesNotContain("warning");
    for (JsonNode clock : JSON.readTree(show.out()).get("clocks")) {
      if (clock.get("rule").asText().equals("after-sales-contact")) {
        // Sat Jan 2 is worked: Sat 2, Mon 4, Tue 5
        assertThat(clock.get("due_at").asText()).isEqualTo("2027-01-05T23:59:59+08:00");
      }
    }
    CliRun year = sf("2027-01-04T10:00:00+08:00", "calendar", "show", "2027");
    assertThat(year.out()).startsWith("2027: the official schedule loaded from 2027.ics\n")
        .contains("2027-01-02  Sat  makeup   上班(补元旦假期)  loaded file");
  }

  @Test
  void showListsTheYearWithItsSources() throws IOException {
    CliRun y2027 = sf("2026-12-03T10:00:00+08:00", "calendar", "show", "2027");
    assertThat(y2027.code()).as("%s", y2027).isZero();
    assertThat(y2027.out()).startsWith("2027: statutory only: the holidays by rule;")
        .contains("  2027-02-05  Fri  holiday  春节")
        .contains("  2027-04-05  Mon  holiday  清明节")
        .contains("  * 2027-10-02 on a Saturday: the law owes a working day off for it (补假)");
    JsonNode json = JSON.readTree(sf("2026-12-03T10:00:00+08:00", "--format", "json", "calendar", "show").out());
    assertThat(json.get("year").asInt()).isEqualTo(2026); // the year of --now
    assertThat(json.get("source").asText()).isEqualTo("built_in");
    assertThat(json.get("statutory_only").asBoolean()).isFalse();
    assertThat(json.get("days").get(0).toString()).isEqualTo(
        "{\"date\":\"2026-01-01\",\"working\":false,\"kind\":\"holiday\",\"name\":\"元旦\",\"source\":\"built_in\",\"note\":null}");
    assertThat(sf("2026-12-03T10:00:00+08:00", "calendar", "show", "next").code()).isEqualTo(2);
  }

  @Test
  void isWorkingDayAnswersWithItsExitCode() {
    CliRun holiday = sf("2026-12-03T10:00:00+08:00", "calendar", "is-working-day", "2027-01-01");
    assertThat(holiday.code()).isEqualTo(1);
    assertThat(holiday.out()).isEqualTo("2027-01-01 Fri: not a working day (holiday 元旦, statutory rule)\n");
    CliRun makeup = sf("2026-12-03T10:00:00+08:00", "calendar", "is-working-day", "2026-02-28");
    assertThat(makeup.code()).isZero();
    assertThat(makeup.out()).contains("working day (makeup").contains("official built-in");
    CliRun today = sf("2026-12-03T10:00:00+08:00", "-q", "calendar", "is-working-day");
    assertThat(today.code()).isZero(); // Thursday
    assertThat(today.out()).isEmpty();
    assertThat(sf("2026-12-05T10:00:00+08:00", "-q", "calendar", "is-working-day").code()).isEqualTo(1); // Saturday
    assertThat(sf("2026-12-05T10:00:00+08:00", "calendar", "is-working-day", "tomorrow").code()).isEqualTo(2);
  }

  @Test
  void nextWorkingDay() throws IOException {
    assertThat(sf("2026-12-03T10:00:00+08:00", "calendar", "next-working-day", "2026-12-31").out()).isEqualTo("2027-01-04\n");
    assertThat(sf("2026-12-03T10:00:00+08:00", "calendar", "next-working-day", "2027-02-04").out()).isEqualTo("2027-02-09\n");
    assertThat(sf("2026-09-30T10:00:00+08:00", "calendar", "next-working-day").out()).isEqualTo("2026-10-08\n");
    JsonNode json = JSON.readTree(sf("2026-12-03T10:00:00+08:00", "--format", "json", "calendar", "next-working-day",
        "2026-10-09").out());
    assertThat(json.get("date").asText()).isEqualTo("2026-10-10"); // a makeup Saturday
    assertThat(json.get("kind").asText()).isEqualTo("makeup");
  }
}
