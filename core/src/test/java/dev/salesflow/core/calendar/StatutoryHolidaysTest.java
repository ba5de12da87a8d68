package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory holidays of the 2024 revision of the national holidays regulation, derived for years
 * without an official schedule.
 */
class StatutoryHolidaysTest {
  private static final BusinessCalendar CN = Calendars.cn(ZoneId.of("Asia/Shanghai"));

  /**
   * Lunar new year (正月初一), Dragon Boat (五月初五), Mid-Autumn (八月十五) and Qingming: the published
   * Chinese calendar, as the Hong Kong Observatory's Gregorian-lunar conversion tables and the
   * Purple Mountain Observatory's almanac give it (2027-02-06 is the date issue 25 cites; 2030-02-03
   * follows from the new moon of 2030-02-03 00:07 Beijing time). Checked again by hand against a
   * second library (lunar-javascript 1.7.7); ICU4J 79.1's ChineseCalendar gives 2027-02-07 and
   * 2030-02-02 instead, which is why salesflow does not use it. New Year's Eve is the day before
   * the new year, so 2028's (Jan 25) ends a 29-day twelfth month and 2030's (Feb 2) a 30-day one.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // year, New Year's Eve, 初一, Qingming, Dragon Boat, Mid-Autumn
      "2027, 2027-02-05, 2027-02-06, 2027-04-05, 2027-06-09, 2027-09-15",
      "2028, 2028-01-25, 2028-01-26, 2028-04-04, 2028-05-28, 2028-10-03",
      "2029, 2029-02-12, 2029-02-13, 2029-04-04, 2029-06-16, 2029-09-22",
      "2030, 2030-02-02, 2030-02-03, 2030-04-05, 2030-06-05, 2030-09-12",
      "2031, 2031-01-22, 2031-01-23, 2031-04-05, 2031-06-24, 2031-10-01",
      "2032, 2032-02-10, 2032-02-11, 2032-04-04, 2032-06-12, 2032-09-19",
      "2033, 2033-01-30, 2033-01-31, 2033-04-04, 2033-06-01, 2033-09-08",
      "2034, 2034-02-18, 2034-02-19, 2034-04-05, 2034-06-20, 2034-09-27",
      "2035, 2035-02-07, 2035-02-08, 2035-04-05, 2035-06-10, 2035-09-16"})
  void theElevenDaysOfEachYear(int year, LocalDate eve, LocalDate newYear, LocalDate qingming, LocalDate dragonBoat,
      LocalDate midAutumn) {
    List<LocalDate> expected = new ArrayList<>(List.of(LocalDate.of(year, 1, 1), eve, newYear, newYear.plusDays(1),
        newYear.plusDays(2), qingming, LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2), dragonBoat, midAutumn,
        LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2), LocalDate.of(year, 10, 3)));
    expected = new ArrayList<>(new java.util.TreeSet<>(expected)); // 2031: Mid-Autumn is October 1
    assertThat(StatutoryHolidays.of(year)).extracting(StatutoryHolidays.NamedDate::date).containsExactlyElementsOf(expected);
    for (LocalDate d : expected) {
      assertThat(CN.isWorkingDay(d)).as("%s", d).isFalse();
      assertThat(CN.isFallbackHoliday(d)).as("%s", d).isTrue();
    }
    assertThat(CN.knowsYear(year)).isFalse();
  }

  @Test
  void namesTheHolidaysAndMergesTwoOnOneDate() {
    assertThat(StatutoryHolidays.of(2027)).extracting(StatutoryHolidays.NamedDate::name).containsExactly(
        "元旦", "春节", "春节", "春节", "春节", "清明节", "劳动节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节", "国庆节");
    assertThat(StatutoryHolidays.of(2031)).hasSize(12)
        .contains(new StatutoryHolidays.NamedDate(LocalDate.of(2031, 10, 1), "中秋节、国庆节"));
  }

  @Test
  void onlyFromTheYearTheRevisionTookEffect() {
    assertThat(StatutoryHolidays.of(2024)).isEmpty();
    assertThat(CN.isWorkingDay(LocalDate.of(2024, 10, 1))).isTrue(); // a Tuesday, no 2024 schedule bundled
    assertThat(YearFallback.CN_STATUTORY.derives(2024)).isFalse();
    assertThat(YearFallback.CN_STATUTORY.derives(2027)).isTrue();
  }

  @Test
  void yearsWithAnOfficialScheduleIgnoreTheRule() {
    // 2026's schedule moved Mid-Autumn's day off to Fri Sep 25 (the lunar date) and worked Sun Sep 20
    assertThat(CN.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(CN.isFallbackHoliday(LocalDate.of(2026, 9, 25))).isFalse();
    // Thu Oct 8, 2026: a working day by the schedule though 2026's rule would not say otherwise either
    assertThat(CN.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
  }

  @Test
  void theWorkspaceCanWorkAStatutoryHoliday() {
    BusinessCalendar cal = CN.withMakeupWorkdays(List.of(LocalDate.of(2027, 1, 1)));
    assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse(); // 初三, Monday
  }

  @Test
  void theReadmeTourCase() {
    // Delivered Thu 2026-12-31: Fri Jan 1 元旦, Sat, Sun, then Mon 4 (1), Tue 5 (2), Wed 6 (3).
    assertThat(CN.plusWorkingDays(LocalDate.of(2026, 12, 31), 3)).isEqualTo(LocalDate.of(2027, 1, 6));
    assertThat(Calendars.weekly(ZoneId.of("Asia/Shanghai")).plusWorkingDays(LocalDate.of(2026, 12, 31), 3))
        .isEqualTo(LocalDate.of(2027, 1, 5));
  }
}
