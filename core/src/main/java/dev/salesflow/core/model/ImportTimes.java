package dev.salesflow.core.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an import reads the times of its files: as ISO-8601 ({@link Timestamps#parse}), or in a
 * {@code --date-format} pattern such as {@code d MMM, yyyy HH:mm:ss} (a CRM's {@code 15 Apr, 2021
 * 00:03:00}); a value without an offset is read in a zone, normally the workspace's. A pattern is
 * read with English month and day names whatever the JVM's locale, case ignored, and strictly: 30
 * February is refused, not moved to the 28th.
 */
public final class ImportTimes {
  /** What a pattern's example shows, and what it must read back: a time after noon, with seconds and a fraction. */
  private static final ZonedDateTime EXAMPLE = ZonedDateTime.of(2021, 4, 15, 15, 3, 9, 123_456_789, ZoneId.of("Asia/Shanghai"));

  private final String pattern;
  private final DateTimeFormatter formatter;
  private final String example;
  private final ZoneId zone;

  private ImportTimes(String pattern, DateTimeFormatter formatter, String example, ZoneId zone) {
    this.pattern = pattern;
    this.formatter = formatter;
    this.example = example;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * A time as read.
   *
   * @param at the time, with the offset written or the zone's at that local time
   * @param dateOnly whether only a date was given (read as 00:00)
   * @param offset whether the value gave its own offset (or zone)
   */
  public record Reading(OffsetDateTime at, boolean dateOnly, boolean offset) {
    /**
     * Checks the time is given.
     *
     * @param at the time
     * @param dateOnly whether only a date was given
     * @param offset whether the value gave its offset
     */
    public Reading {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * ISO-8601, as case files are read.
   *
   * @param zone the zone of values without an offset
   * @return the reader
   */
  public static ImportTimes iso(ZoneId zone) {
    return new ImportTimes(null, null, null, zone);
  }

  /**
   * Values in {@code pattern}, or ISO-8601 when it is null.
   *
   * @param pattern a {@link DateTimeFormatter} pattern that reads at least a date, or null
   * @param zone the zone of values without an offset
   * @return the reader
   * @throws InvalidRequestException naming {@code --date-format} when the pattern is not one, or
   *     cannot read back the date (and time) it writes
   */
  public static ImportTimes of(String pattern, ZoneId zone) {
    if (pattern == null) {
      return iso(zone);
    }
    DateTimeFormatter formatter;
    String example;
    try {
      formatter = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
          // yyyy is the year of an era: the strict resolver needs the era, which no export writes
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
      example = formatter.format(EXAMPLE);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidRequestException("--date-format '" + pattern + "': not a date pattern (" + e.getMessage()
          + "); e.g. --date-format \"d MMM, yyyy HH:mm:ss\" for 15 Apr, 2021 00:03:00");
    }
    ImportTimes times = new ImportTimes(pattern, formatter, example, zone);
    TemporalAccessor back = times.best(example);
    boolean same;
    try {
      same = back != null && formatter.format(back).equals(example);
    } catch (DateTimeException e) {
      same = false;
    }
    if (!same) {
      throw new InvalidRequestException("--date-format '" + pattern + "' cannot read back a date it writes ('" + example
          + "'): it needs a year (yyyy or uuuu, not the week-based YYYY), a month and a day, and a 12-hour hh needs"
          + " its a (AM/PM); e.g. --date-format \"d MMM, yyyy HH:mm:ss\"");
    }
    return times;
  }

  /**
   * Reads {@code --timezone}: a region id or an offset.
   *
   * @param text e.g. {@code Asia/Shanghai}, {@code Europe/Berlin}, {@code +08:00} or {@code UTC}
   * @return the zone
   * @throws InvalidRequestException naming {@code --timezone} and {@code text} when it is neither
   */
  public static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidRequestException("--timezone: unknown time zone '" + text + "' (use a region id such as"
          + " Asia/Shanghai or Europe/Berlin, or an offset such as +08:00)");
    }
  }

  /**
   * The zone of values without an offset.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The {@code --date-format} pattern.
   *
   * @return the pattern, or null for ISO-8601
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Reads one value.
   *
   * @param text the value; surrounding blanks are ignored; may be null
   * @return the time, or empty when it is not in the pattern (or not ISO-8601), is an impossible
   *     date, or lies outside the years {@value Timestamps#FIRST_YEAR}–{@value Timestamps#LAST_YEAR}
   */
  public Optional<Reading> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (formatter == null) {
      Optional<OffsetDateTime> at = Timestamps.parse(t, zone);
      if (at.isEmpty()) {
        return Optional.empty();
      }
      // the forms Timestamps reads: a date alone is 10 characters; an offset is Z or a sign after the date
      boolean offset = t.endsWith("Z") || t.endsWith("z") || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
      return Optional.of(new Reading(at.get(), t.length() == 10, offset));
    }
    TemporalAccessor parsed = best(t);
    Reading reading = parsed instanceof ZonedDateTime z ? new Reading(z.toOffsetDateTime(), false, true)
        : parsed instanceof OffsetDateTime o ? new Reading(o, false, true)
        : parsed instanceof LocalDateTime l ? new Reading(l.atZone(zone).toOffsetDateTime(), false, false)
        : parsed instanceof LocalDate d ? new Reading(d.atStartOfDay().atZone(zone).toOffsetDateTime(), true, false)
        : null;
    if (reading == null || reading.at().getYear() < Timestamps.FIRST_YEAR || reading.at().getYear() > Timestamps.LAST_YEAR) {
      return Optional.empty();
    }
    return Optional.of(reading);
  }

  /** The fullest value the pattern reads from {@code text}, or null. */
  private TemporalAccessor best(String text) {
    try {
      return formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Why a value of field {@code field} could not be {@link #read}.
   *
   * @param field the field's column name, e.g. {@code registered_at}
   * @param header the file's header of its column, or null when the value is no cell (a default)
   * @param value the value as given
   * @return e.g. {@code registered_at '2021-04-15' (column 'Created Time') does not match --date-format
   *     'd MMM, yyyy HH:mm:ss' (e.g. 15 Apr, 2021 15:03:09)}
   */
  public String problem(String field, String header, String value) {
    if (formatter == null) {
      return field + " '" + value + "' is not " + Timestamps.accepted();
    }
    String named = field + " '" + value + "'" + (header == null ? "" : " (column '" + header + "')");
    if (best(value.strip()) != null) {
      return named + " is not from year " + Timestamps.FIRST_YEAR + " to " + Timestamps.LAST_YEAR;
    }
    return named + " does not match --date-format '" + pattern + "' (e.g. " + example + ")";
  }

  @Override
  public String toString() {
    return (pattern == null ? "ISO-8601" : "'" + pattern + "'") + " in " + zone.getId();
  }
}
