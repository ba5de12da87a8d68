package dev.salesflow.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an iCalendar file (RFC 5545) of public holidays, such as holiday-cn's {@code YEAR.ics}:
 * every {@code VEVENT} is an all-day event from {@code DTSTART;VALUE=DATE} to the exclusive
 * {@code DTEND} (one day without it). An event whose {@code SUMMARY} says 上班 or 补班 (or
 * "working day", "workday") is a makeup working day, every other event a day off. Events are
 * grouped into one schedule per year, by the year of their start.
 *
 * <p>Strict, and small on purpose: a timed event, a recurrence ({@code RRULE}, {@code RDATE}), a
 * {@code DURATION}, an end not after the start or a span longer than {@value #MAX_SPAN_DAYS}
 * days is an error naming its line, not something guessed at. Other components ({@code
 * VTIMEZONE}, an alarm) and other properties are skipped.
 */
public final class ICalendarFormat {
  /** The longest event accepted, in days. */
  public static final int MAX_SPAN_DAYS = 31;

  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private ICalendarFormat() {}

  /**
   * The schedules of the file, one per year in year order.
   *
   * @param text the file's content
   * @param sourceName the file, for error messages
   * @throws ScheduleFileException naming the line of the first problem
   */
  public static List<LoadedSchedule> read(String text, String sourceName) {
    List<Line> lines = unfold(text);
    if (lines.isEmpty() || !lines.get(0).is("BEGIN", "VCALENDAR")) {
      throw new ScheduleFileException(sourceName, 1, 1, "not an iCalendar file: it must begin with BEGIN:VCALENDAR");
    }
    Map<Integer, Year> years = new TreeMap<>();
    List<String> open = new ArrayList<>();
    Event event = null;
    boolean ended = false;
    for (Line line : lines) {
      if (ended) {
        throw line.error(sourceName, "content after END:VCALENDAR");
      }
      if (line.name().equals("BEGIN")) {
        open.add(line.value().toUpperCase(Locale.ROOT));
        if (open.size() == 2 && line.is("BEGIN", "VEVENT")) {
          event = new Event(line.number());
        }
      } else if (line.name().equals("END")) {
        String component = line.value().toUpperCase(Locale.ROOT);
        if (open.isEmpty() || !open.get(open.size() - 1).equals(component)) {
          throw line.error(sourceName, "END:" + line.value() + " does not close "
              + (open.isEmpty() ? "anything" : "BEGIN:" + open.get(open.size() - 1)));
        }
        open.remove(open.size() - 1);
        if (open.size() == 1 && component.equals("VEVENT")) {
          event.addTo(years, sourceName);
          event = null;
        }
        ended = open.isEmpty();
      } else if (event != null && open.size() == 2) {
        event.property(line, sourceName);
      }
    }
    if (!ended) {
      throw new ScheduleFileException(sourceName, lines.get(lines.size() - 1).number(), 1,
          "the file ends inside BEGIN:" + open.get(open.size() - 1));
    }
    List<LoadedSchedule> schedules = new ArrayList<>();
    for (Map.Entry<Integer, Year> year : years.entrySet()) {
      Year y = year.getValue();
      schedules.add(new LoadedSchedule(new OfficialSchedule(year.getKey(), y.off, y.working), y.names));
    }
    return schedules;
  }

  /** One content line after unfolding: its name (upper case), parameters, value, first physical line. */
  private record Line(String name, String params, String value, int number) {
    boolean is(String n, String v) {
      return name.equals(n) && value.equalsIgnoreCase(v);
    }

    ScheduleFileException error(String source, String detail) {
      return new ScheduleFileException(source, number, 1, detail);
    }
  }

  private static List<Line> unfold(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] physical = body.split("\r?\n", -1);
    List<Line> lines = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < physical.length; i++) {
      String p = physical[i];
      if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && current != null) {
        current.append(p, 1, p.length());
        continue;
      }
      if (current != null) {
        lines.add(line(current.toString(), start));
      }
      current = p.isEmpty() ? null : new StringBuilder(p);
      start = i + 1;
    }
    if (current != null) {
      lines.add(line(current.toString(), start));
    }
    return lines;
  }

  private static Line line(String content, int number) {
    int colon = -1;
    boolean quoted = false;
    for (int i = 0; i < content.length() && colon < 0; i++) {
      char c = content.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        colon = i;
      }
    }
    String head = colon < 0 ? content : content.substring(0, colon);
    int semicolon = head.indexOf(';');
    String name = (semicolon < 0 ? head : head.substring(0, semicolon)).trim().toUpperCase(Locale.ROOT);
    String params = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
    return new Line(name, params, colon < 0 ? "" : content.substring(colon + 1), number);
  }

  /** The days of one year. */
  private static final class Year {
    final Set<LocalDate> off = new TreeSet<>();
    final Set<LocalDate> working = new TreeSet<>();
    final Map<LocalDate, String> names = new HashMap<>();
  }

  /** A VEVENT being read. */
  private static final class Event {
    final int begins;
    LocalDate start;
    LocalDate end;
    int endLine;
    String summary;

    Event(int begins) {
      this.begins = begins;
    }

    void property(Line line, String source) {
      switch (line.name()) {
        case "DTSTART" -> start = date(line, source);
        case "DTEND" -> {
          end = date(line, source);
          endLine = line.number();
        }
        case "SUMMARY" -> summary = unescape(line.value()).strip();
        case "RRULE", "RDATE", "EXRULE" -> throw line.error(source, line.name() + ": recurring events are not supported; "
            + "list each holiday as its own event");
        case "DURATION" -> throw line.error(source, "DURATION is not supported; give the exclusive end as DTEND;VALUE=DATE");
        default -> {
          // UID, DTSTAMP, DESCRIPTION, ...: not needed
        }
      }
    }

    private static LocalDate date(Line line, String source) {
      String value = line.value().trim();
      if (value.length() != 8 || line.params().contains("VALUE=DATE-TIME")) {
        throw line.error(source, line.name() + " '" + value + "' is not an all-day date (expected "
            + line.name() + ";VALUE=DATE:YYYYMMDD)");
      }
      try {
        return LocalDate.parse(value, BASIC_DATE);
      } catch (DateTimeParseException e) {
        throw line.error(source, line.name() + " '" + value + "' is not a date (YYYYMMDD)");
      }
    }

    void addTo(Map<Integer, Year> years, String source) {
      if (start == null) {
        throw new ScheduleFileException(source, begins, 1, "this VEVENT has no DTSTART");
      }
      LocalDate until = end == null ? start.plusDays(1) : end;
      long span = ChronoUnit.DAYS.between(start, until);
      if (span < 1) {
        throw new ScheduleFileException(source, endLine, 1, "DTEND " + until + " is not after DTSTART " + start
            + " (DTEND is exclusive: a one-day event ends the next day)");
      }
      if (span > MAX_SPAN_DAYS) {
        throw new ScheduleFileException(source, endLine, 1, "the event spans " + span + " days; at most "
            + MAX_SPAN_DAYS + " are accepted");
      }
      String name = summary == null || summary.isEmpty() ? null : summary;
      boolean working = name != null && isWorkingDay(name);
      Year year = years.get(start.getYear());
      if (year == null) {
        year = new Year();
        years.put(start.getYear(), year);
      }
      for (LocalDate d = start; d.isBefore(until); d = d.plusDays(1)) {
        if ((working ? year.off : year.working).contains(d)) {
          throw new ScheduleFileException(source, begins, 1, d + " is listed both as a day off and as a working day");
        }
        (working ? year.working : year.off).add(d);
        if (name != null) {
          year.names.putIfAbsent(d, name);
        }
      }
    }
  }

  private static boolean isWorkingDay(String summary) {
    String s = summary.toLowerCase(Locale.ROOT);
    return s.contains("上班") || s.contains("补班") || s.contains("working day") || s.contains("workday");
  }

  private static String unescape(String text) {
    return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
  }
}
