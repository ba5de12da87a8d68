package dev.salesflow.core.calendar;

import java.io.ByteArrayInputStream;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Official schedules read from files: holiday-cn year files ({@code .json}, {@link HolidayCnFormat})
 * and iCalendar public-holiday calendars ({@code .ics}, {@link ICalendarFormat}).
 */
public final class ScheduleFiles {
  /** The largest schedule file read: 16 MiB. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private ScheduleFiles() {}

  /** Whether {@code name} ends in an extension this reads. */
  public static boolean isSupported(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".json") || n.endsWith(".ics");
  }

  /**
   * The schedules in {@code file}, in year order.
   *
   * @param file the file to read: a regular file of at most {@link #MAX_BYTES}
   * @param sourceName how errors name it
   * @throws ScheduleFileException when it is not a regular file, too large, not UTF-8 or not a
   *     valid schedule (naming the line)
   * @throws IOException when it cannot be read
   */
  public static List<LoadedSchedule> read(Path file, String sourceName) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ScheduleFileException(sourceName, 1, 1, Files.exists(file)
          ? "not a regular file" : "no such file");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new ScheduleFileException(sourceName, 1, 1, "the file has " + size + " bytes; schedule files are limited to "
          + MAX_BYTES + " (16 MiB)");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > MAX_BYTES) { // grew since
      throw new ScheduleFileException(sourceName, 1, 1, "schedule files are limited to 16 MiB");
    }
    if (sourceName.toLowerCase(Locale.ROOT).endsWith(".ics")) {
      return ICalendarFormat.read(utf8(bytes, sourceName), sourceName);
    }
    if (sourceName.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return List.of(HolidayCnFormat.readNamed(new ByteArrayInputStream(bytes), sourceName));
    }
    throw new ScheduleFileException(sourceName, 1, 1,
        "unknown schedule format: use a holiday-cn year file (.json) or an iCalendar file (.ics)");
  }

  private static String utf8(byte[] bytes, String sourceName) {
    try {
      return YamlTreeReader.decodeUtf8(bytes);
    } catch (YamlSyntaxException e) {
      throw new ScheduleFileException(sourceName, e.position().line(), e.position().column(), e.getMessage());
    }
  }
}
