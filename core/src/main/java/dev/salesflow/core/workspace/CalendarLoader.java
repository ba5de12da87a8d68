package dev.salesflow.core.workspace;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.CalendarProvenance;
import dev.salesflow.core.calendar.Calendars;
import dev.salesflow.core.calendar.LoadedSchedule;
import dev.salesflow.core.calendar.ScheduleFileException;
import dev.salesflow.core.calendar.ScheduleFiles;
import dev.salesflow.core.calendar.WorkingInterval;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Builds the workspace's business calendar from its {@code calendar:} setting. */
final class CalendarLoader {
  private CalendarLoader() {}

  /**
   * A calendar and where its days come from.
   *
   * @param calendar the calendar
   * @param provenance the files its years were loaded from, and the workspace's own days
   * @param files the calendar file and schedule files read, for {@code check}'s list
   */
  record Loaded(BusinessCalendar calendar, CalendarProvenance provenance, List<Path> files) {}

  /**
   * @param file the file the spec was read from, for diagnostics
   * @param tree that file's tree
   * @param path where the spec sits in the tree ({@code "calendar"} in salesflow.yaml, empty in a calendar file)
   */
  static Loaded load(Path root, CalendarSpec spec, ZoneId zone, Path file, YamlNode tree, Object... path) {
    if (spec.file() != null) {
      if (path.length == 0) {
        throw error(file, tree, DiagnosticCode.BAD_VALUE, "a calendar file cannot refer to another calendar file", path);
      }
      Path calendarFile = root.resolve(spec.file()).normalize();
      String text = SettingsFile.read(root, spec.file(), "calendar file",
          reason -> error(file, tree, DiagnosticCode.BAD_VALUE, reason, path));
      YamlNode calendarTree;
      try {
        calendarTree = YamlTreeReader.readMapping(text);
      } catch (YamlSyntaxException e) {
        throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(
            Diagnostic.error(DiagnosticCode.ofSlug(e.code()), calendarFile, e.position(), e.getMessage())));
      }
      CalendarSpec inner = ConfigTree.calendarMap(calendarTree).orElseGet(
          () -> ProcessLoader.bind(ProcessLoader.mapper(), text, CalendarSpec.class, calendarFile, calendarTree));
      Loaded loaded = load(root, inner, zone, calendarFile, calendarTree);
      List<Path> files = new ArrayList<>();
      files.add(calendarFile);
      files.addAll(loaded.files());
      return new Loaded(loaded.calendar(), loaded.provenance(), files);
    }
    if (spec.name() != null) {
      return new Loaded(named(spec.name(), zone, file, tree, path), CalendarProvenance.NONE, List.of());
    }
    BusinessCalendar calendar = spec.base() == null
        ? Calendars.weekly(zone)
        : named(spec.base(), zone, file, tree, append(path, "extends"));
    Map<Integer, String> loadedYears = new HashMap<>();
    Map<LocalDate, String> names = new HashMap<>();
    List<Path> files = new ArrayList<>();
    List<String> schedules = spec.schedules() == null ? List.of() : spec.schedules();
    for (int i = 0; i < schedules.size(); i++) {
      String name = schedules.get(i).strip();
      Object[] at = append(path, "schedules", i);
      if (!ScheduleFiles.isSupported(name)) {
        throw error(file, tree, DiagnosticCode.BAD_VALUE, "schedules: '" + name
            + "' is neither a holiday-cn year file (.json) nor an iCalendar file (.ics)", at);
      }
      Path scheduleFile = root.resolve(name).normalize();
      Path real = SettingsFile.checked(root, name, "schedules: file", reason -> error(file, tree, DiagnosticCode.BAD_VALUE,
          reason, at));
      files.add(scheduleFile);
      List<LoadedSchedule> read;
      try {
        read = ScheduleFiles.read(real, scheduleFile.toString());
      } catch (ScheduleFileException e) {
        throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
            DiagnosticCode.BAD_VALUE, scheduleFile, new SourcePosition(e.line(), e.column()), e.detail())));
      } catch (IOException e) {
        throw new StoreException("cannot read " + scheduleFile + ": " + e.getMessage(), e);
      }
      for (LoadedSchedule loaded : read) {
        String previous = loadedYears.put(loaded.schedule().year(), name);
        if (previous != null) {
          throw error(file, tree, DiagnosticCode.BAD_VALUE, "schedules: " + previous + " and " + name
              + " both hold the schedule of " + loaded.schedule().year() + "; keep one", at);
        }
        calendar = calendar.withScheduleReplacingYear(loaded.schedule());
        names.putAll(loaded.names());
      }
    }
    if (spec.workingHours() != null) {
      try {
        List<WorkingInterval> hours = new ArrayList<>();
        for (String interval : spec.workingHours()) {
          hours.add(WorkingInterval.parse(interval));
        }
        calendar = calendar.withWorkingHours(hours);
      } catch (IllegalArgumentException e) {
        throw error(file, tree, DiagnosticCode.BAD_VALUE, "working_hours: " + e.getMessage(), append(path, "working_hours"));
      }
    }
    List<LocalDate> holidays = dates(spec.holidays(), "holidays", file, tree, path);
    List<LocalDate> workdays = dates(spec.workdays(), "workdays", file, tree, path);
    calendar = calendar.withHolidays(holidays).withMakeupWorkdays(workdays);
    return new Loaded(calendar, new CalendarProvenance(loadedYears, names, new HashSet<>(holidays), new HashSet<>(workdays)),
        files);
  }

  private static BusinessCalendar named(String name, ZoneId zone, Path file, YamlNode tree, Object... path) {
    if (!Calendars.NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      throw error(file, tree, DiagnosticCode.BAD_VALUE, "unknown calendar '" + name + "' (built in: "
          + String.join(", ", Calendars.NAMES) + "; or a FILE.yaml, or a map)", path);
    }
    return Calendars.named(name, zone);
  }

  private static List<LocalDate> dates(List<String> texts, String key, Path file, YamlNode tree, Object... path) {
    List<LocalDate> dates = new ArrayList<>();
    if (texts == null) {
      return dates;
    }
    for (int i = 0; i < texts.size(); i++) {
      try {
        dates.add(LocalDate.parse(texts.get(i).strip()));
      } catch (DateTimeParseException e) {
        throw error(file, tree, DiagnosticCode.BAD_VALUE, key + ": '" + texts.get(i) + "' is not a date (YYYY-MM-DD)",
            append(path, key, i));
      }
    }
    return dates;
  }

  private static DiagnosticsException error(Path file, YamlNode tree, DiagnosticCode code, String message, Object... path) {
    return new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION,
        List.of(Diagnostic.error(code, file, tree.positionOf(path), message)));
  }

  private static Object[] append(Object[] path, Object... more) {
    Object[] all = java.util.Arrays.copyOf(path, path.length + more.length);
    System.arraycopy(more, 0, all, path.length, more.length);
    return all;
  }
}
