package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the semantics of each unit with hand-worked cases on the real {@code cn} calendar in
 * Asia/Shanghai (UTC+8 all year, no DST) and, for DST, Europe/Berlin.
 *
 * <p>2026 data used below: Jan 1-3 off, Jan 4 (Sun) worked; Feb 14 (Sat) worked, Feb 15-23 off,
 * Feb 28 (Sat) worked; Sep 20 (Sun) worked, Sep 25-27 off; Oct 1-7 off, Oct 10 (Sat) worked.
 */
class TargetDueAtTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar CN = Calendars.cn(SHANGHAI);

    /** Local date-time in Shanghai, e.g. {@code "2026-09-30T16:00"}, as an instant. */
    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant due(String target, String startInShanghai) {
        return Target.parse(target).dueAt(sh(startInShanghai), CN);
    }

    @Nested
    class ElapsedTime {

        @Test
        void addsPlainTimeIgnoringWeekendsAndHolidays() {
            assertThat(due("24h", "2026-09-30T16:00")).isEqualTo(sh("2026-10-01T16:00"));
            assertThat(due("90m", "2026-10-03T23:00")).isEqualTo(sh("2026-10-04T00:30"));
            assertThat(due("2h30m", "2026-02-14T10:45")).isEqualTo(sh("2026-02-14T13:15"));
        }

        @Test
        void isExactElapsedTimeAcrossTheSpringForwardChangeInBerlin() {
            // 2026-03-29 02:00 CET -> 03:00 CEST: that day has 23 hours.
            Instant start = ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, BERLIN).toInstant();
            Instant due = Target.parse("24h").dueAt(start, Calendars.cn(BERLIN));
            assertThat(due).isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
            assertThat(due.atZone(BERLIN).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2026-03-29T13:00"));
        }

        @Test
        void isExactElapsedTimeAcrossTheFallBackChangeInBerlin() {
            // 2026-10-25 03:00 CEST -> 02:00 CET: that day has 25 hours.
            Instant start = ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, BERLIN).toInstant();
            Instant due = Target.parse("24h")
                    .dueAt(start, BusinessCalendar.standard(BERLIN));
            assertThat(due.atZone(BERLIN).toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2026-10-25T11:00"));
        }
    }

    @Nested
    class CalendarDays {

        @Test
        void dueAtTheLastSecondOfTheNthDayAcrossAMonthEnd() {
            assertThat(due("3 days", "2026-01-30T10:00")).isEqualTo(sh("2026-02-02T23:59:59"));
            assertThat(due("1 day", "2026-04-30T23:59")).isEqualTo(sh("2026-05-01T23:59:59"));
            assertThat(due("3d", "2026-12-30T08:00")).isEqualTo(sh("2027-01-02T23:59:59"));
            // 2028 is a leap year.
            assertThat(due("1d", "2028-02-28T09:00")).isEqualTo(sh("2028-02-29T23:59:59"));
        }

        @Test
        void holidaysAndWeekendsCountAsCalendarDays() {
            assertThat(due("2 days", "2026-09-30T12:00")).isEqualTo(sh("2026-10-02T23:59:59"));
        }

        @Test
        void theStartDateIsTheLocalDateInTheCalendarZone() {
            // 2026-01-31T17:00Z is already Feb 1, 01:00 in Shanghai.
            Instant start = Instant.parse("2026-01-31T17:00:00Z");
            assertThat(Target.parse("1 day").dueAt(start, CN))
                    .isEqualTo(sh("2026-02-02T23:59:59"));
        }

        @Test
        void endOfDayIsLocalAcrossTheDstChange() {
            Instant start = ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, BERLIN).toInstant();
            assertThat(Target.parse("1 day").dueAt(start, BusinessCalendar.standard(BERLIN)))
                    .isEqualTo(Instant.parse("2026-03-29T21:59:59Z")); // 23:59:59 CEST
        }
    }

    @Nested
    class WorkingDays {

        @ParameterizedTest(name = "{0} from {1} -> {2}")
        @CsvSource({
            // National Day 2026: Oct 1-7 off, Oct 10 (Sat) worked.
            "1 working day,  2026-09-30T10:00, 2026-10-08T23:59:59",
            "2 working days, 2026-09-30T10:00, 2026-10-09T23:59:59",
            "3 working days, 2026-09-30T10:00, 2026-10-10T23:59:59",
            "4 working days, 2026-09-30T10:00, 2026-10-12T23:59:59",
            // A start on a holiday: the first working day after it.
            "1 working day,  2026-10-03T11:00, 2026-10-08T23:59:59",
            // Mid-Autumn Sep 25-27 off, then Sep 28 (Mon).
            "1 working day,  2026-09-24T09:00, 2026-09-28T23:59:59",
            // Sep 20 (Sun) is a makeup working day and counts.
            "1 working day,  2026-09-19T15:00, 2026-09-20T23:59:59",
            // A start on a makeup day: the makeup day itself does not count.
            "1 working day,  2026-10-10T09:00, 2026-10-12T23:59:59",
            // Spring Festival 2026: Feb 14 (Sat) worked, Feb 15-23 off, Feb 28 (Sat) worked.
            "1 working day,  2026-02-13T16:00, 2026-02-14T23:59:59",
            "2 working days, 2026-02-13T16:00, 2026-02-24T23:59:59",
            "6 working days, 2026-02-13T16:00, 2026-02-28T23:59:59",
            "7 working days, 2026-02-13T16:00, 2026-03-02T23:59:59",
            // New Year 2026: Jan 1-3 off, Jan 4 (Sun) worked.
            "1 working day,  2025-12-31T17:00, 2026-01-04T23:59:59",
            // The start's own date never counts, even at 00:00.
            "1 working day,  2026-03-02T00:00, 2026-03-03T23:59:59",
            // 2027 has no official schedule: its statutory holidays count, so Fri Jan 1, 2027 (元旦)
            // is off and the next working day is Mon Jan 4.
            "1 working day,  2026-12-31T10:00, 2027-01-04T23:59:59",
            "1 working day,  2024-09-30T10:00, 2024-10-01T23:59:59",
        })
        void dueAtTheEndOfTheNthWorkingDay(String target, String start, String expected) {
            assertThat(due(target, start)).isEqualTo(sh(expected));
        }
    }

    @Nested
    class BusinessHours {

        @ParameterizedTest(name = "{0} from {1} -> {2}")
        @CsvSource({
            // Across lunch: 11-12, then 13-14.
            "2 business hours, 2026-03-02T11:00, 2026-03-02T14:00",
            // Across a weekend: Fri 17-18, then Mon 09-10.
            "2 business hours, 2026-03-06T17:00, 2026-03-09T10:00",
            // Across the National Day holiday: Sep 30 16-18, then Oct 8 09-11.
            "4 business hours, 2026-09-30T16:00, 2026-10-08T11:00",
            // A start on a holiday begins at the next opening.
            "1 business hour,  2026-10-03T10:00, 2026-10-08T10:00",
            // ... and three hours from it end exactly at 12:00, not at 13:00.
            "3 business hours, 2026-10-05T14:00, 2026-10-08T12:00",
            // A start on a makeup Saturday counts that day: 17-18, Sun off, Mon 09-10.
            "2 business hours, 2026-10-10T17:00, 2026-10-12T10:00",
            // A full makeup Sunday ends exactly at its 18:00 closing.
            "8 business hours, 2026-09-20T09:00, 2026-09-20T18:00",
            // Before opening.
            "1 business hour,  2026-03-02T07:30, 2026-03-02T10:00",
            // Exactly at closing: the next day's opening.
            "1 business hour,  2026-03-02T18:00, 2026-03-03T10:00",
            // Exactly at the lunch closing, and inside lunch.
            "1 business hour,  2026-03-02T12:00, 2026-03-02T14:00",
            "1 business hour,  2026-03-02T12:30, 2026-03-02T14:00",
            // Counts that end exactly at 12:00 and at 18:00.
            "3 business hours, 2026-03-02T09:00, 2026-03-02T12:00",
            "5 business hours, 2026-03-02T13:00, 2026-03-02T18:00",
            "7 business hours, 2026-03-02T10:00, 2026-03-02T18:00",
            "2 business hours, 2026-03-02T10:00, 2026-03-02T12:00",
            // Mid-interval minutes carry over: 17:20-18:00 (40m), then 09:00-09:20.
            "1 business hour,  2026-03-02T17:20, 2026-03-03T09:20",
            // Spring Festival: Fri 17-18 (1), Sat Feb 14 worked (8), Feb 15-23 off,
            // Tue Feb 24 09-12 (3) and 13-17 (4).
            "16 business hours, 2026-02-13T17:00, 2026-02-24T17:00",
            // Outside the known years the statutory holidays count: Fri Oct 1, 2027 (国庆节) is off,
            // Sat and Sun are weekend days, and the 2027 schedule's makeup days are not known.
            "8 business hours, 2027-09-30T18:00, 2027-10-04T18:00",
        })
        void countsOnlyWorkingHoursOfWorkingDays(String target, String start, String expected) {
            assertThat(due(target, start)).isEqualTo(sh(expected));
        }

        @Test
        void businessTimeBetweenIsTheInverse() {
            assertThat(CN.businessTimeBetween(sh("2026-03-06T17:00"), sh("2026-03-09T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(CN.businessTimeBetween(sh("2026-09-30T00:00"), sh("2026-10-09T00:00")))
                    .isEqualTo(Duration.ofHours(16)); // Sep 30 and Oct 8
            assertThat(CN.businessTimeBetween(sh("2026-03-02T11:30"), sh("2026-03-02T13:15")))
                    .isEqualTo(Duration.ofMinutes(45));
            assertThat(CN.businessTimeBetween(sh("2026-03-09T10:00"), sh("2026-03-06T17:00")))
                    .isEqualTo(Duration.ofHours(-2));
            assertThat(CN.businessTimeBetween(sh("2026-10-03T10:00"), sh("2026-10-04T10:00")))
                    .isZero();
        }

        @Test
        void zeroBusinessTimeIsTheStartItself() {
            assertThat(CN.plusBusinessTime(sh("2026-10-03T10:00"), Duration.ZERO))
                    .isEqualTo(sh("2026-10-03T10:00"));
        }

        @Test
        void followsWallClockWorkingHoursOnADstDay() {
            // A seven-day calendar in Berlin working 01:00-04:00; on 2026-03-29 the wall clock
            // jumps from 02:00 to 03:00, so that day has only two working hours.
            BusinessCalendar night = BusinessCalendar.standard(BERLIN)
                    .withWorkingDays(java.util.EnumSet.allOf(java.time.DayOfWeek.class))
                    .withWorkingHours("01:00-04:00");
            Instant start = ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, BERLIN).toInstant();
            assertThat(night.plusBusinessTime(start, Duration.ofHours(2)).atZone(BERLIN)
                    .toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T04:00"));
            assertThat(night.plusBusinessTime(start, Duration.ofHours(3)).atZone(BERLIN)
                    .toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T02:00"));
        }
    }
}
