package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Construction, derivation and day-level queries; expectations worked out by hand. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar CN = Calendars.cn(SHANGHAI);

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class Construction {

        @Test
        void standardCalendarHasTheDefaultWeekAndNothingElse() {
            BusinessCalendar standard = BusinessCalendar.standard(SHANGHAI);
            assertThat(standard.zone()).isEqualTo(SHANGHAI);
            assertThat(standard.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(standard.workingHours()).hasToString("[09:00-12:00, 13:00-18:00]");
            assertThat(standard.holidays()).isEmpty();
            assertThat(standard.makeupWorkdays()).isEmpty();
            assertThat(standard.knownYears()).isEmpty();
        }

        @Test
        void sortsWorkingHoursGivenOutOfOrder() {
            BusinessCalendar calendar = BusinessCalendar.standard(SHANGHAI)
                    .withWorkingHours("13:00-18:00,09:00-12:00");
            assertThat(calendar.workingHours()).hasToString("[09:00-12:00, 13:00-18:00]");
        }

        @Test
        void acceptsTouchingIntervals() {
            BusinessCalendar calendar = BusinessCalendar.standard(SHANGHAI)
                    .withWorkingHours("09:00-12:00,12:00-13:00");
            assertThat(calendar.workingHours()).hasSize(2);
        }

        @Test
        void rejectsOverlappingIntervalsNamingBoth() {
            BusinessCalendar standard = BusinessCalendar.standard(SHANGHAI);
            assertThatThrownBy(() -> standard.withWorkingHours("09:00-12:30,12:00-18:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overlap")
                    .hasMessageContaining("09:00-12:30")
                    .hasMessageContaining("12:00-18:00");
            assertThatThrownBy(() -> standard.withWorkingHours("10:00-11:00,08:00-18:00"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("08:00-18:00 and 10:00-11:00");
        }

        @Test
        void rejectsEmptyWorkingHoursAndAnEmptyWeek() {
            BusinessCalendar standard = BusinessCalendar.standard(SHANGHAI);
            assertThatThrownBy(() -> standard.withWorkingHours(List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("working-hours interval");
            assertThatThrownBy(() -> standard.withWorkingDays(Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("working day of the week");
        }

        @Test
        void rejectsADateThatIsBothHolidayAndMakeupWorkday() {
            assertThatThrownBy(() -> new BusinessCalendar(SHANGHAI,
                    BusinessCalendar.DEFAULT_WORKING_DAYS, BusinessCalendar.DEFAULT_WORKING_HOURS,
                    Set.of(date("2026-05-09")), Set.of(date("2026-05-09")), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-05-09");
        }

        @Test
        void componentsAreUnmodifiableCopies() {
            Set<LocalDate> holidays = new java.util.HashSet<>(Set.of(date("2026-03-03")));
            BusinessCalendar calendar = new BusinessCalendar(SHANGHAI,
                    EnumSet.of(DayOfWeek.MONDAY), BusinessCalendar.DEFAULT_WORKING_HOURS,
                    holidays, Set.of(), Set.of());
            holidays.add(date("2026-03-04"));
            assertThat(calendar.holidays()).containsExactly(date("2026-03-03"));
            assertThatThrownBy(() -> calendar.holidays().add(date("2026-03-05")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void toStringSummarisesInsteadOfListingEveryDate() {
            assertThat(CN.toString()).contains("Asia/Shanghai", "knownYears=[2025, 2026]")
                    .doesNotContain("2026-10-01");
        }
    }

    @Nested
    class Derivation {

        @Test
        void laterHolidayOverridesAnOfficialMakeupWorkday() {
            // 2026-10-10 is an official makeup Saturday; the company takes it off anyway.
            BusinessCalendar company = CN.withHolidays(List.of(date("2026-10-10")));
            assertThat(CN.isWorkingDay(date("2026-10-10"))).isTrue();
            assertThat(company.isWorkingDay(date("2026-10-10"))).isFalse();
            assertThat(company.makeupWorkdays()).doesNotContain(date("2026-10-10"));
        }

        @Test
        void laterMakeupWorkdayOverridesAHoliday() {
            BusinessCalendar company = CN.withMakeupWorkdays(List.of(date("2026-10-07")));
            assertThat(company.isWorkingDay(date("2026-10-07"))).isTrue();
            assertThat(company.holidays()).doesNotContain(date("2026-10-07"));
        }

        @Test
        void withZoneAndWithWorkingDaysKeepTheRest() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            BusinessCalendar moved = CN.withZone(berlin);
            assertThat(moved.zone()).isEqualTo(berlin);
            assertThat(moved.holidays()).isEqualTo(CN.holidays());
            BusinessCalendar sixDays = CN.withWorkingDays(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
            assertThat(sixDays.isWorkingDay(date("2026-03-07"))).isTrue(); // a plain Saturday
            assertThat(sixDays.isWorkingDay(date("2026-10-03"))).isFalse(); // a holiday Saturday
            assertThat(sixDays.knownYears()).containsExactly(2025, 2026);
        }

        @Test
        void officialScheduleAddsItsDatesAndItsYear() {
            OfficialSchedule made2027 = new OfficialSchedule(2027,
                    Set.of(date("2027-01-01")), Set.of(date("2027-01-02")));
            BusinessCalendar extended = CN.withOfficialSchedule(made2027);
            assertThat(extended.knowsYear(2027)).isTrue();
            assertThat(extended.isWorkingDay(date("2027-01-01"))).isFalse(); // Friday off
            assertThat(extended.isWorkingDay(date("2027-01-02"))).isTrue(); // Saturday worked
            assertThat(CN.knowsYear(2027)).isFalse();
        }
    }

    @Nested
    class WorkingDaysOfTheCnCalendar {

        @Test
        void nationalDayWeek2026() {
            // Data: Sep 20 (Sun) worked; Sep 25-27 Mid-Autumn off; Oct 1-7 off; Oct 10 (Sat) worked.
            assertThat(CN.isWorkingDay(date("2026-09-20"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-09-25"))).isFalse();
            assertThat(CN.isWorkingDay(date("2026-09-30"))).isTrue();
            for (int day = 1; day <= 7; day++) {
                assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, day))).as("Oct %d", day)
                        .isFalse();
            }
            assertThat(CN.isWorkingDay(date("2026-10-08"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-10-10"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-10-11"))).isFalse();
        }

        @Test
        void springFestival2026() {
            // Data: Feb 14 (Sat) worked, Feb 15-23 off, Feb 28 (Sat) worked.
            assertThat(CN.isWorkingDay(date("2026-02-13"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-02-14"))).isTrue();
            for (int day = 15; day <= 23; day++) {
                assertThat(CN.isWorkingDay(LocalDate.of(2026, 2, day))).as("Feb %d", day)
                        .isFalse();
            }
            assertThat(CN.isWorkingDay(date("2026-02-24"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-02-28"))).isTrue();
            assertThat(CN.isWorkingDay(date("2026-03-01"))).isFalse();
        }

        @Test
        void newYear2026MakeupSunday() {
            assertThat(CN.isWorkingDay(date("2026-01-02"))).isFalse(); // Friday off
            assertThat(CN.isWorkingDay(date("2026-01-04"))).isTrue(); // Sunday worked
        }

        @Test
        void workingDaysBetweenCountsTheHalfOpenRange() {
            // (Sep 30, Oct 12]: Oct 8, Oct 9, Oct 10 (makeup Saturday), Oct 12.
            assertThat(CN.workingDaysBetween(date("2026-09-30"), date("2026-10-12"))).isEqualTo(4);
            // (Feb 13, Feb 28]: Feb 14, Feb 24-27, Feb 28.
            assertThat(CN.workingDaysBetween(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
            assertThat(CN.workingDaysBetween(date("2026-10-12"), date("2026-09-30")))
                    .isEqualTo(-4);
            assertThat(CN.workingDaysBetween(date("2026-10-08"), date("2026-10-08"))).isZero();
        }

        @Test
        void bothBundledYearsHave248WorkingDays() {
            // 261 weekdays each; 2025: 18 weekday holidays, 5 makeup days; 2026: 19 and 6.
            assertThat(CN.workingDaysBetween(date("2024-12-31"), date("2025-12-31")))
                    .isEqualTo(248);
            assertThat(CN.workingDaysBetween(date("2025-12-31"), date("2026-12-31")))
                    .isEqualTo(248);
        }

        @Test
        void plusWorkingDaysSkipsHolidaysAndCountsMakeupDays() {
            assertThat(CN.plusWorkingDays(date("2026-09-30"), 1)).isEqualTo(date("2026-10-08"));
            assertThat(CN.plusWorkingDays(date("2026-09-30"), 3)).isEqualTo(date("2026-10-10"));
            assertThat(CN.plusWorkingDays(date("2026-09-30"), 0)).isEqualTo(date("2026-09-30"));
            assertThat(CN.nextWorkingDayAfter(date("2026-09-19"))).isEqualTo(date("2026-09-20"));
            assertThatThrownBy(() -> CN.plusWorkingDays(date("2026-09-30"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class UnknownYears {

        @Test
        void cnKnowsExactly2025And2026() {
            assertThat(CN.knownYears()).containsExactly(2025, 2026);
            assertThat(CN.knowsYear(2024)).isFalse();
            assertThat(CN.knowsYear(2027)).isFalse();
        }

        @Test
        void outsideKnownYearsTheStatutoryHolidaysFromTwentyTwentyFiveOnAndElseTheWeeklyPattern() {
            // Fri Oct 1, 2027 is National Day by the statutory rule (no 2027 schedule is loaded);
            // Tue Oct 1, 2024 is before the 2024 revision took effect: the weekly pattern alone.
            assertThat(CN.isWorkingDay(date("2027-10-01"))).isFalse();
            assertThat(CN.isWorkingDay(date("2027-10-08"))).isTrue(); // a Friday the 2027 schedule may yet give off
            assertThat(CN.isWorkingDay(date("2024-10-01"))).isTrue();
            assertThat(CN.isWorkingDay(date("2027-10-02"))).isFalse(); // Saturday
            assertThat(Calendars.weekly(SHANGHAI).isWorkingDay(date("2027-10-01"))).isTrue();
        }

        @Test
        void reportsTheUnknownYearsARangeTouches() {
            assertThat(CN.unknownYearsBetween(date("2026-12-30"), date("2027-01-05")))
                    .containsExactly(2027);
            assertThat(CN.unknownYearsBetween(date("2027-01-05"), date("2024-06-01")))
                    .containsExactly(2024, 2027);
            assertThat(CN.unknownYearsBetween(date("2025-01-01"), date("2026-12-31"))).isEmpty();
        }

        @Test
        void instantRangesAreReadInTheCalendarZone() {
            // 2026-12-31T17:00Z is already 2027-01-01 01:00 in Shanghai.
            assertThat(CN.unknownYearsBetween(java.time.Instant.parse("2026-12-31T10:00:00Z"),
                    java.time.Instant.parse("2026-12-31T17:00:00Z"))).containsExactly(2027);
            assertThat(CN.unknownYearsBetween(java.time.Instant.parse("2026-12-31T10:00:00Z"),
                    java.time.Instant.parse("2026-12-31T15:59:59Z"))).isEmpty();
        }
    }
}
