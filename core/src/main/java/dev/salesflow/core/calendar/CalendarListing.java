package dev.salesflow.core.calendar;

import dev.salesflow.core.model.CalendarDay;
import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.CalendarYear;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A calendar's holidays and makeup working days, year by year and day by day, with their sources. */
public final class CalendarListing {
  private CalendarListing() {}

  /** Where {@code calendar} gets {@code year} from. */
  public static CalendarSource sourceOf(BusinessCalendar calendar, CalendarProvenance provenance, int year) {
    if (provenance.loadedYears().containsKey(year)) {
      return CalendarSource.FILE;
    }
    if (calendar.knowsYear(year)) {
      return CalendarSource.BUILT_IN;
    }
    return calendar.fallback().derives(year) ? CalendarSource.STATUTORY : CalendarSource.WEEKLY;
  }

  /** The holidays and makeup working days of {@code year}, in date order. */
  public static CalendarYear year(BusinessCalendar calendar, CalendarProvenance provenance, int year) {
    CalendarSource yearSource = sourceOf(calendar, provenance, year);
    Map<LocalDate, String> names = new TreeMap<>();
    if (yearSource == CalendarSource.BUILT_IN) {
      names.putAll(bundledNames(year));
    }
    for (Map.Entry<LocalDate, String> n : provenance.names().entrySet()) {
      if (n.getKey().getYear() == year) {
        names.put(n.getKey(), n.getValue());
      }
    }
    TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
    if (yearSource == CalendarSource.STATUTORY) {
      for (StatutoryHolidays.NamedDate h : StatutoryHolidays.of(year)) {
        days.put(h.date(), day(calendar, provenance, h.date(), h.name(), CalendarSource.STATUTORY));
      }
    }
    for (LocalDate d : calendar.holidays()) {
      if (d.getYear() == year) {
        days.put(d, day(calendar, provenance, d, names.get(d), yearSource));
      }
    }
    for (LocalDate d : calendar.makeupWorkdays()) {
      if (d.getYear() == year) {
        days.put(d, day(calendar, provenance, d, names.get(d), yearSource));
      }
    }
    return new CalendarYear(year, yearSource, yearSource == CalendarSource.FILE ? provenance.loadedYears().get(year) : null,
        new ArrayList<>(days.values()));
  }

  /** What the calendar says of {@code date}, and why. */
  public static CalendarDay day(BusinessCalendar calendar, CalendarProvenance provenance, LocalDate date) {
    for (CalendarDay d : year(calendar, provenance, date.getYear()).days()) {
      if (d.date().equals(date)) {
        return d;
      }
    }
    boolean weekly = calendar.workingDays().contains(date.getDayOfWeek());
    return new CalendarDay(date, weekly, weekly ? "workday" : "weekend", null, CalendarSource.WEEKLY, null);
  }

  private static CalendarDay day(BusinessCalendar calendar, CalendarProvenance provenance, LocalDate date, String name,
      CalendarSource yearSource) {
    boolean working = calendar.isWorkingDay(date);
    boolean weekly = calendar.workingDays().contains(date.getDayOfWeek());
    CalendarSource source = provenance.ownHolidays().contains(date) || provenance.ownWorkdays().contains(date)
        ? CalendarSource.WORKSPACE : yearSource;
    String kind = working ? (weekly ? "workday" : "makeup") : "holiday";
    String note = null;
    if (source == CalendarSource.STATUTORY && !weekly) {
      note = "on a " + dayName(date.getDayOfWeek()) + ": the law owes a working day off for it (补假), "
          + "on a date only the State Council's schedule gives";
    }
    return new CalendarDay(date, working, kind, name, source, note);
  }

  private static String dayName(DayOfWeek d) {
    String n = d.name();
    return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** The names of the bundled holiday-cn file's days for {@code year}; read for listings only. */
  private static Map<LocalDate, String> bundledNames(int year) {
    String resource = "holiday-cn-" + year + ".json";
    try (InputStream in = CalendarListing.class.getResourceAsStream(resource)) {
      return in == null ? Map.of() : HolidayCnFormat.readNamed(in, resource).names();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
