package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayCnFormatTest {

    private static OfficialSchedule read(String json) {
        return HolidayCnFormat.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static OfficialSchedule bundled(int year) throws IOException {
        String resource = "holiday-cn-" + year + ".json";
        try (InputStream in = Calendars.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return HolidayCnFormat.read(in, resource);
        }
    }

    @Test
    void readsDaysOffAndMakeupWorkdaysIgnoringOtherFields() {
        OfficialSchedule schedule = read("""
                {"$schema": "x", "year": 2030, "papers": ["p"], "days": [
                  {"name": "a", "date": "2030-01-01", "isOffDay": true},
                  {"name": "b", "date": "2030-01-05", "isOffDay": false},
                  {"name": "c", "date": "2031-01-01", "isOffDay": true, "extra": 1}
                ]}""");
        assertThat(schedule.year()).isEqualTo(2030);
        assertThat(schedule.daysOff())
                .containsExactly(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1));
        assertThat(schedule.makeupWorkdays()).containsExactly(LocalDate.of(2030, 1, 5));
    }

    @Test
    void bundled2026NationalDayAndSpringFestivalMatchTheNotice() throws IOException {
        OfficialSchedule year2026 = bundled(2026);
        assertThat(year2026.year()).isEqualTo(2026);
        assertThat(year2026.makeupWorkdays()).containsExactly(LocalDate.of(2026, 1, 4),
                LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(year2026.daysOff()).hasSize(33)
                .contains(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7),
                        LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23))
                .doesNotContain(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 2, 24));
    }

    @Test
    void bundled2025HasItsFiveMakeupDays() throws IOException {
        assertThat(bundled(2025).makeupWorkdays()).containsExactly(LocalDate.of(2025, 1, 26),
                LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28),
                LocalDate.of(2025, 10, 11));
        assertThat(bundled(2025).daysOff()).hasSize(28);
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void everyMakeupWorkdayInTheBundledDataFallsOnAWeekend(int year) throws IOException {
        assertThat(bundled(year).makeupWorkdays()).allSatisfy(date ->
                assertThat(date.getDayOfWeek().getValue()).as("%s", date)
                        .isGreaterThanOrEqualTo(6));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void bundledCopyIsIdenticalToTheUpstreamReferenceCopy(int year) throws IOException {
        String file = "holiday-cn-" + year + ".json";
        try (InputStream bundled = Calendars.class.getResourceAsStream(file);
                InputStream upstream = HolidayCnFormatTest.class.getResourceAsStream("/reference/" + file)) {
            assertThat(upstream).as("test resource reference/%s (see reference/README.md)", file).isNotNull();
            assertThat(bundled.readAllBytes()).isEqualTo(upstream.readAllBytes());
        }
    }

    @Test
    void bundledLicenceNoteIsPresent() throws IOException {
        try (InputStream in = Calendars.class.getResourceAsStream("LICENSE-holiday-cn.txt")) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("NateScarlet/holiday-cn", "MIT License");
        }
    }

    @Test
    void rejectsMalformedContentNamingTheSource() {
        assertThatThrownBy(() -> read("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.json");
        assertThatThrownBy(() -> read("{\"days\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'year'");
        assertThatThrownBy(() -> read("{\"year\": 2030, \"days\": [{\"date\": \"2030-01-01\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isOffDay");
        assertThatThrownBy(() -> read(
                "{\"year\": 2030, \"days\": [{\"date\": \"2030/01/01\", \"isOffDay\": true}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030/01/01");
    }

    @Test
    void rejectsADateListedAsBothOffAndWorking() {
        assertThatThrownBy(() -> read("""
                {"year": 2030, "days": [
                  {"date": "2030-01-05", "isOffDay": true},
                  {"date": "2030-01-05", "isOffDay": false}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2030-01-05");
    }

    @Test
    void namedCalendarsAreFoundCaseInsensitively() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(Calendars.named(" CN ", shanghai)).isEqualTo(Calendars.cn());
        assertThat(Calendars.named("weekly", shanghai))
                .isEqualTo(BusinessCalendar.standard(shanghai));
        assertThatThrownBy(() -> Calendars.named("us", shanghai))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'us'").hasMessageContaining("cn");
    }
}
