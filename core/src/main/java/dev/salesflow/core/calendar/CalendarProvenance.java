package dev.salesflow.core.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a workspace calendar's days come from, beyond what the calendar itself holds: the years
 * loaded from schedule files (and the names the files give their days), and the workspace's own
 * holidays and working days. What {@code calendar show} lists the sources with.
 *
 * @param loadedYears each year loaded from a file, to the file as the settings name it
 * @param names the names schedule files give their dates
 * @param ownHolidays the workspace's {@code holidays:}
 * @param ownWorkdays the workspace's {@code workdays:}
 */
public record CalendarProvenance(
    Map<Integer, String> loadedYears, Map<LocalDate, String> names, Set<LocalDate> ownHolidays, Set<LocalDate> ownWorkdays) {
  /** Nothing loaded, nothing of the workspace's own. */
  public static final CalendarProvenance NONE = new CalendarProvenance(Map.of(), Map.of(), Set.of(), Set.of());

  /** Copies everything. */
  public CalendarProvenance {
    loadedYears = Collections.unmodifiableMap(new TreeMap<>(loadedYears));
    names = Collections.unmodifiableMap(new TreeMap<>(names));
    ownHolidays = Collections.unmodifiableSet(new TreeSet<>(ownHolidays));
    ownWorkdays = Collections.unmodifiableSet(new TreeSet<>(ownWorkdays));
  }
}
