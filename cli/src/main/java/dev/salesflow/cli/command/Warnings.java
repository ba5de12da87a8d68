package dev.salesflow.cli.command;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CalendarSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The calendar-fallback warning, printed once per run on stderr when a command's deadlines needed a
 * year without an official schedule. Even with {@code -q}: the result depends on it, and the
 * README's cron line runs quietly.
 */
final class Warnings {
  private Warnings() {}

  /** The years' sources, asked of the open workspace. */
  static Map<Integer, CalendarSource> sources(Salesflow flow, SortedSet<Integer> years) {
    Map<Integer, CalendarSource> sources = new LinkedHashMap<>();
    for (Integer year : years) {
      sources.put(year, flow.yearSource(year));
    }
    return sources;
  }

  /** The years' sources, asked of the workspace at {@code root} (read again only when there are years). */
  static Map<Integer, CalendarSource> sources(Path root, SortedSet<Integer> years) {
    Map<Integer, CalendarSource> sources = new LinkedHashMap<>();
    for (Integer year : years) {
      sources.put(year, Salesflow.yearSource(root, year));
    }
    return sources;
  }

  static void unknownYears(SalesflowCommand root, Map<Integer, CalendarSource> sources) {
    List<String> statutory = new ArrayList<>();
    List<String> weekly = new ArrayList<>();
    for (Map.Entry<Integer, CalendarSource> year : sources.entrySet()) {
      (year.getValue() == CalendarSource.STATUTORY ? statutory : weekly).add(String.valueOf(year.getKey()));
    }
    if (!statutory.isEmpty()) {
      root.context().err().println("salesflow: warning: " + String.join(", ", statutory)
          + (statutory.size() == 1 ? " is" : " are") + " statutory only: no official holiday schedule is known, so"
          + " deadlines count the statutory holidays by rule but no makeup working days or compensatory days off"
          + " (load the schedule: calendar: {extends: cn, schedules: [FILE]}; see salesflow calendar show YEAR)");
    }
    if (!weekly.isEmpty()) {
      root.context().err().println("salesflow: warning: the calendar has no official holiday schedule for "
          + String.join(", ", weekly) + "; working days there follow the plain weekly pattern");
    }
  }

  /** The years as a JSON field's value: {@code [{"year": 2027, "source": "statutory"}, ...]}. */
  static List<Map<String, Object>> json(Map<Integer, CalendarSource> sources) {
    return dev.salesflow.cli.output.CalendarOutput.fallback(sources.keySet(), sources);
  }
}
