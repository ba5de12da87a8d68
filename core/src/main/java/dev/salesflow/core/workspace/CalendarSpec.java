package dev.salesflow.core.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code calendar:} setting: a built-in name ({@code cn}, {@code weekly}), a file holding a
 * calendar map, or the map itself ({@code extends}, {@code schedules}, {@code working_hours},
 * {@code holidays}, {@code workdays}). Without {@code extends} a map starts from a plain
 * Monday–Friday week. {@code schedules} are official schedule files (holiday-cn {@code .json},
 * iCalendar {@code .ics}), relative to the workspace; each year they hold replaces what the base
 * had for it.
 */
public record CalendarSpec(
    String name, String file, String base, List<String> schedules, List<String> workingHours, List<String> holidays,
    List<String> workdays) {

  /** {@code calendar: cn} or {@code calendar: my-calendar.yaml}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CalendarSpec named(String text) {
    String t = text.strip();
    return t.endsWith(".yaml") || t.endsWith(".yml")
        ? new CalendarSpec(null, t, null, null, null, null, null)
        : new CalendarSpec(t, null, null, null, null, null, null);
  }

  /** The map form. */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  static CalendarSpec map(
      @JsonProperty("extends") String base,
      @JsonProperty("schedules") List<String> schedules,
      @JsonProperty("working_hours") List<String> workingHours,
      @JsonProperty("holidays") List<String> holidays,
      @JsonProperty("workdays") List<String> workdays) {
    return new CalendarSpec(null, null, base, schedules, workingHours, holidays, workdays);
  }
}
