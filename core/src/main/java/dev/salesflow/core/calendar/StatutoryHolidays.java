package dev.salesflow.core.calendar;

import com.nlf.calendar.LunarMonth;
import com.nlf.calendar.LunarYear;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public holidays of mainland China as the national holidays regulation (全国年节及纪念日放假办法)
 * fixes them, in its 2024 revision (State Council decree 795, in force from 2025): New Year's Day
 * (1 day); Spring Festival, New Year's Eve and the first three days of the first lunar month (4);
 * Qingming, on the day of the solar term (1); Labour Day, May 1 and 2 (2); Dragon Boat Festival,
 * 5th of the 5th lunar month (1); Mid-Autumn Festival, 15th of the 8th lunar month (1); National
 * Day, October 1 to 3 (3).
 *
 * <p>What the rule cannot give is the State Council's yearly schedule: the makeup working days
 * (调休) and the working day given off for a holiday that falls on a weekend (补假). A year known
 * only by this rule is "statutory only".
 *
 * <p>Lunar dates and the solar term come from the lunar-java library (6tail, MIT), whose
 * astronomy agrees with the published calendar; ICU4J's {@code ChineseCalendar} puts the 2027
 * and 2030 new years a day off (2027-02-07 for 2027-02-06, 2030-02-02 for 2030-02-03), its new
 * moons being minutes off near midnight. The library is loaded only when a year is asked for,
 * and each year is computed once per process.
 */
public final class StatutoryHolidays {
  /** The first year the 2024 revision governs; earlier years are not derived. */
  public static final int FIRST_YEAR = 2025;

  /** What the rule is called in settings fingerprints and listings. */
  public static final String RULE = "cn-statutory-2024";

  private static final Map<Integer, List<NamedDate>> YEARS = new ConcurrentHashMap<>();

  private StatutoryHolidays() {}

  /**
   * A holiday and its name.
   *
   * @param date the date
   * @param name the holiday's Chinese name, e.g. 春节
   */
  public record NamedDate(LocalDate date, String name) {}

  /** Whether the rule gives the holidays of {@code year}. */
  public static boolean covers(int year) {
    return year >= FIRST_YEAR;
  }

  /** Whether {@code date} is a statutory holiday; false for a year the rule does not cover. */
  public static boolean isHoliday(LocalDate date) {
    if (!covers(date.getYear())) {
      return false;
    }
    for (NamedDate holiday : of(date.getYear())) {
      if (holiday.date().equals(date)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statutory holidays of {@code year} in date order: eleven dates, ten when two holidays share
   * one; empty for a year the rule does not cover.
   */
  public static List<NamedDate> of(int year) {
    if (!covers(year)) {
      return List.of();
    }
    List<NamedDate> known = YEARS.get(year);
    if (known == null) {
      known = derive(year);
      YEARS.putIfAbsent(year, known);
    }
    return known;
  }

  private static List<NamedDate> derive(int year) {
    LocalDate springFestival;
    LocalDate dragonBoat;
    LocalDate midAutumn;
    LocalDate qingming;
    synchronized (StatutoryHolidays.class) { // the library's own caches are not made for threads
      LunarYear lunar = LunarYear.fromYear(year);
      springFestival = firstDay(lunar, year, 1);
      dragonBoat = firstDay(lunar, year, 5).plusDays(4);
      midAutumn = firstDay(lunar, year, 8).plusDays(14);
      // the solar terms of a lunar year run from 大雪 (index 0) of the year before; 清明 is index 8
      qingming = date(Solar.fromJulianDay(lunar.getJieQiJulianDays().get(8)));
    }
    List<NamedDate> days = new ArrayList<>(11);
    days.add(new NamedDate(LocalDate.of(year, 1, 1), "元旦"));
    days.add(new NamedDate(springFestival.minusDays(1), "春节"));  // 除夕: the last day of the 12th month, 29th or 30th
    for (int i = 0; i < 3; i++) {
      days.add(new NamedDate(springFestival.plusDays(i), "春节"));
    }
    days.add(new NamedDate(qingming, "清明节"));
    days.add(new NamedDate(LocalDate.of(year, 5, 1), "劳动节"));
    days.add(new NamedDate(LocalDate.of(year, 5, 2), "劳动节"));
    days.add(new NamedDate(dragonBoat, "端午节"));
    days.add(new NamedDate(midAutumn, "中秋节"));
    for (int i = 1; i <= 3; i++) {
      days.add(new NamedDate(LocalDate.of(year, 10, i), "国庆节"));
    }
    days.sort(new ByDate());
    List<NamedDate> merged = new ArrayList<>(days.size());
    for (NamedDate day : days) { // Mid-Autumn can fall on October 1 (2031): one date, both names
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).date().equals(day.date())) {
        merged.set(last, new NamedDate(day.date(), merged.get(last).name() + "、" + day.name()));
      } else {
        merged.add(day);
      }
    }
    return Collections.unmodifiableList(merged);
  }

  /** The first day of the (not leap) lunar month {@code month} of the lunar year {@code year}. */
  private static LocalDate firstDay(LunarYear lunar, int year, int month) {
    for (LunarMonth m : lunar.getMonths()) {
      if (m.getYear() == year && m.getMonth() == month && !m.isLeap()) {
        return date(Solar.fromJulianDay(m.getFirstJulianDay()));
      }
    }
    throw new IllegalStateException("lunar-java has no month " + month + " in lunar year " + year);
  }

  private static LocalDate date(Solar solar) {
    return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
  }

  /** A class, not a method reference (see TreeBinding on lambdas). */
  private static final class ByDate implements java.util.Comparator<NamedDate> {
    @Override
    public int compare(NamedDate a, NamedDate b) {
      return a.date().compareTo(b.date());
    }
  }
}
