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
  // STRICT: a SMART formatter would quietly read 2026-02-30 as 2026-02-28.
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]]")
      .withResolverStyle(ResolverStyle.STRICT);

  private Timestamps() {}

  /**
   * Parses {@code 2026-11-03T14:00:00+08:00}, {@code 2026-11-03T14:00Z}, or, read in {@code zone},
   * {@code 2026-11-03T14:00}, {@code 2026-11-03 14:00:00} and {@code 2026-11-03} (midnight).
   */
  public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      return Optional.of(OffsetDateTime.parse(t));
    } catch (DateTimeParseException notOffset) {
      try {
        var parsed = LOCAL.parseBest(t, LocalDateTime::from, LocalDate::from);
        LocalDateTime local = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
        return Optional.of(local.atZone(zone).toOffsetDateTime());
      } catch (DateTimeParseException notLocal) {
        return Optional.empty();
      }
    }
  }

  /** ISO-8601 with seconds and offset, e.g. {@code 2026-11-03T14:00:00+08:00}. */
  public static String format(OffsetDateTime at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
  }

  /** What {@link #parse} accepts, for messages. */
  public static String accepted() {
    return "an ISO-8601 timestamp such as 2026-11-03T14:00:00+08:00 (without an offset it is read in the workspace time zone)";
  }
}
