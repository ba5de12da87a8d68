package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CalendarOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CalendarDay;
import dev.salesflow.core.model.InvalidRequestException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "calendar", description = {
    "The business calendar: a year's holidays and makeup working days, is-working-day, next-working-day.",
    "  show [YEAR]              the year's holidays and makeup working days, each with its source:",
    "                           official built-in, loaded file, statutory rule, workspace setting, weekly",
    "  is-working-day [DATE]    exit 0 on a working day, 1 otherwise (for cron lines)",
    "  next-working-day [DATE]  the first working day after DATE",
    "WHEN (a YEAR or a DATE) defaults to today (--now) in the workspace time zone."})
final class CalendarCommand implements Callable<Integer>, Formatted {
  enum Action { SHOW, IS_WORKING_DAY, NEXT_WORKING_DAY }

  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "ACTION", description = "show, is-working-day or next-working-day.",
      converter = ActionConverter.class, completionCandidates = ActionNames.class)
  Action action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "WHEN", description = "A year (show) or a date, e.g. 2027-01-04.")
  String when;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    Format format = root.format(formats());
    Path ws = root.workspaceRoot();
    LocalDate today = root.now(Salesflow.zoneOf(ws)).toLocalDate();
    var out = root.context().out();
    switch (action) {
      case SHOW -> {
        int year = when == null ? today.getYear() : year(when);
        var listing = Salesflow.calendarYear(ws, year);
        out.print(format == Format.JSON ? CalendarOutput.json(listing) + "\n" : CalendarOutput.text(listing));
        return ExitCode.OK.code();
      }
      case IS_WORKING_DAY -> {
        CalendarDay day = Salesflow.calendarDay(ws, when == null ? today : date(when));
        if (format == Format.JSON || !root.quiet()) {
          out.print(format == Format.JSON ? CalendarOutput.json(day) + "\n" : CalendarOutput.text(day));
        }
        return day.working() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
      }
      default -> {
        CalendarDay next = Salesflow.nextWorkingDay(ws, when == null ? today : date(when));
        out.print(format == Format.JSON ? CalendarOutput.json(next) + "\n" : next.date() + "\n");
        return ExitCode.OK.code();
      }
    }
  }

  private static int year(String text) {
    try {
      int year = Integer.parseInt(text.strip());
      if (year >= 1900 && year <= 9999) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("calendar show: '" + text + "' is not a year (1900-9999)");
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("calendar: '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** show, is-working-day, next-working-day. */
  static final class ActionConverter implements picocli.CommandLine.ITypeConverter<Action> {
    @Override
    public Action convert(String value) {
      for (Action a : Action.values()) {
        if (name(a).equals(value)) {
          return a;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("'" + value
          + "' is not an action (show, is-working-day, next-working-day)");
    }
  }

  /** The action names, for completion. */
  static final class ActionNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ActionNames() {
      for (Action a : Action.values()) {
        add(name(a));
      }
    }
  }

  static String name(Action a) {
    return a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
