package dev.salesflow.core.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Reads and writes the ISO-8601 timestamps of case files. */
public final class Timestamps {
  /** The formatter of local forms, made on first use: the written form is read without it. */
  private static final class Local {
    // STRICT: a SMART formatter would quietly read 2026-02-30 as 2026-02-28.
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]]")
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** The earliest year a timestamp may have. */
  public static final int FIRST_YEAR = 1900;

  /** The last year a timestamp may have. */
  public static final int LAST_YEAR = 9999;

  private Timestamps() {}

  /**
   * Parses {@code 2026-11-03T14:00:00+08:00}, {@code 2026-11-03T14:00Z}, or, read in {@code zone},
   * {@code 2026-11-03T14:00}, {@code 2026-11-03 14:00:00} and {@code 2026-11-03} (midnight).
   *
   * @param text the timestamp; surrounding blanks are ignored; may be null
   * @param zone the zone a timestamp without an offset is read in, normally the workspace's
   * @return the time with the offset written, or with {@code zone}'s offset at that local time; empty
   *     for null, for any other form, for an impossible date such as {@code 2026-02-30} or time such as
   *     {@code 24:00}, an offset beyond ±18:00, and a year outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
   *     (year 0 or -999999999 would make ids such as {@code ACME--999999999-001} and calendars without end)
   */
  public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
    Optional<OffsetDateTime> parsed = parseAnyYear(text, zone);
    // no lambda: show and --version start without loading the lambda machinery
    if (parsed.isPresent() && (parsed.get().getYear() < FIRST_YEAR || parsed.get().getYear() > LAST_YEAR)) {
      return Optional.empty();
    }
    return parsed;
  }

  private static Optional<OffsetDateTime> parseAnyYear(String text, ZoneId zone) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    OffsetDateTime common = parseWrittenForm(t);
    if (common != null) {
      return Optional.of(common);
    }
    try {
      return Optional.of(OffsetDateTime.parse(t));
    } catch (DateTimeParseException notOffset) {
      try {
        var parsed = Local.FORMAT.parseBest(t, LocalDateTime::from, LocalDate::from);
        LocalDateTime local = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
        return Optional.of(local.atZone(zone).toOffsetDateTime());
      } catch (DateTimeParseException notLocal) {
        return Optional.empty();
      }
    }
  }

  /**
   * The form salesflow writes, {@code 2026-11-03T14:00:00+08:00}, read without the general
   * formatter (case files hold hundreds of thousands of them); null for anything else.
   */
  private static OffsetDateTime parseWrittenForm(String t) {
    if (t.length() != 25 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || (t.charAt(19) != '+' && t.charAt(19) != '-') || t.charAt(22) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int offsetHours = digits(t, 20, 2);
    int offsetMinutes = digits(t, 23, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || offsetHours < 0 || offsetMinutes < 0) {
      return null;
    }
    try {
      int sign = t.charAt(19) == '-' ? -1 : 1;
      return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
          java.time.ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
    } catch (java.time.DateTimeException e) {
      return null; // an impossible date such as 02-30: the general parser reports it
    }
  }

  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The form salesflow writes timestamps in, which {@link #parse} reads back to an equal value.
   *
   * @param at a time with its offset
   * @return ISO-8601 with seconds and offset, e.g. {@code 2026-11-03T14:00:00+08:00}; fractions of a
   *     second only when not zero, and {@code Z} for offset zero
   */
  public static String format(OffsetDateTime at) {
    int year = at.getYear();
    int offset = at.getOffset().getTotalSeconds();
    if (year < 1 || year > 9999 || at.getNano() != 0 || offset % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }
    // the common case by hand: the formatter costs microseconds, and overdue writes two per clock
    char[] t = new char[offset == 0 ? 20 : 25];
    put(t, 0, year, 4);
    t[4] = '-';
    put(t, 5, at.getMonthValue(), 2);
    t[7] = '-';
    put(t, 8, at.getDayOfMonth(), 2);
    t[10] = 'T';
    put(t, 11, at.getHour(), 2);
    t[13] = ':';
    put(t, 14, at.getMinute(), 2);
    t[16] = ':';
    put(t, 17, at.getSecond(), 2);
    if (offset == 0) {
      t[19] = 'Z';
    } else {
      int minutes = Math.abs(offset) / 60;
      t[19] = offset < 0 ? '-' : '+';
      put(t, 20, minutes / 60, 2);
      t[22] = ':';
      put(t, 23, minutes % 60, 2);
    }
    return new String(t);
  }

  private static void put(char[] t, int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      t[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * What {@link #parse} accepts, for messages.
   *
   * @return an English description with an example
   */
  public static String accepted() {
    return "an ISO-8601 timestamp such as 2026-11-03T14:00:00+08:00 (without an offset it is read in the workspace time zone)"
        + " from year " + FIRST_YEAR + " to " + LAST_YEAR;
  }
}
