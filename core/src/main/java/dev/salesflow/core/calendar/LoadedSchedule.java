package dev.salesflow.core.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An official schedule read from a file, with the names the file gives its days.
 *
 * @param schedule the year's days off and makeup working days
 * @param names a name for some of those dates (e.g. 春节, or 上班(补春节假期)); may be empty
 */
public record LoadedSchedule(OfficialSchedule schedule, Map<LocalDate, String> names) {
  /** Copies the names. */
  public LoadedSchedule {
    Objects.requireNonNull(schedule, "schedule");
    names = Collections.unmodifiableMap(new TreeMap<>(names));
  }
}
