package dev.salesflow.cli.output;

import dev.salesflow.core.model.CalendarDay;
import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.CalendarYear;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code calendar} prints. */
public final class CalendarOutput {
  private CalendarOutput() {}

  /** A year as a table of its days, after a line saying where the year comes from. */
  public static String text(CalendarYear year) {
    StringBuilder s = new StringBuilder();
    s.append(year.year()).append(": ").append(describe(year)).append('\n');
    if (year.days().isEmpty()) {
      s.append("  (no holidays or makeup working days)\n");
      return s.toString();
    }
    TextTable table = new TextTable(List.of("  date", "day", "kind", "name", "source"));
    List<String> notes = new ArrayList<>();
    for (CalendarDay d : year.days()) {
      table.row(List.of("  " + d.date(), weekday(d), d.kind(), d.name() == null ? "-" : d.name(), d.source().label()
          + (d.note() == null ? "" : " *")));
      if (d.note() != null) {
        notes.add("  * " + d.date() + " " + d.note());
      }
    }
    s.append(table.render());
    for (String note : notes) {
      s.append(note).append('\n');
    }
    return s.toString();
  }

  /** One day: {@code 2027-01-01 Fri: not a working day: holiday 元旦 (statutory rule)}. */
  public static String text(CalendarDay d) {
    StringBuilder s = new StringBuilder().append(d.date()).append(' ').append(weekday(d)).append(": ")
        .append(d.working() ? "working day" : "not a working day").append(" (").append(d.kind());
    if (d.name() != null) {
      s.append(' ').append(d.name());
    }
    s.append(", ").append(d.source().label()).append(')');
    if (d.note() != null) {
      s.append("; ").append(d.note());
    }
    return s.append('\n').toString();
  }

  /** The year as JSON. */
  public static String json(CalendarYear year) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", year.year());
    m.put("source", key(year.source()));
    m.put("file", year.file());
    m.put("statutory_only", year.statutoryOnly());
    List<Object> days = new ArrayList<>();
    for (CalendarDay d : year.days()) {
      days.add(map(d));
    }
    m.put("days", days);
    return CaseOutput.json(m);
  }

  /** One day as JSON. */
  public static String json(CalendarDay day) {
    return CaseOutput.json(map(day));
  }

  private static Map<String, Object> map(CalendarDay d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", d.date().toString());
    m.put("working", d.working());
    m.put("kind", d.kind());
    m.put("name", d.name());
    m.put("source", key(d.source()));
    m.put("note", d.note());
    return m;
  }

  /** The source as a JSON value: built_in, file, statutory, workspace, weekly. */
  public static String key(CalendarSource source) {
    return source.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The {@code calendar_fallback} json value of {@code show}, {@code check}, {@code overdue} and
   * {@code notify}: {@code [{"year": 2027, "source": "statutory"}, ...]} for {@code years}, each
   * with its source in {@code sources}.
   */
  public static List<Map<String, Object>> fallback(Collection<Integer> years,
      Map<Integer, CalendarSource> sources) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Integer year : years) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("year", year);
      m.put("source", key(sources.get(year)));
      list.add(m);
    }
    return list;
  }

  private static String describe(CalendarYear year) {
    return switch (year.source()) {
      case BUILT_IN -> "the official schedule (built in)";
      case FILE -> "the official schedule loaded from " + year.file();
      case STATUTORY -> "statutory only: the holidays by rule; no official schedule is known, so makeup working days"
          + " and compensatory days off are missing (load the schedule: calendar: {extends: cn, schedules: [FILE]})";
      case WORKSPACE, WEEKLY -> "no official schedule: the weekly pattern of working days, and the workspace's own days";
    };
  }

  private static String weekday(CalendarDay d) {
    String n = d.date().getDayOfWeek().name();
    return n.charAt(0) + n.substring(1, 3).toLowerCase(Locale.ROOT);
  }
}
