package dev.salesflow.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable business calendar: which days are working days and which hours of them are
 * working hours, in one time zone. It is what SLA {@link Target}s are measured against.
 *
 * <p>A date is a working day when it is not a {@linkplain #holidays() holiday} and it is either
 * a {@linkplain #makeupWorkdays() makeup working day} or one of the weekly
 * {@linkplain #workingDays() working days of the week}. Holidays and makeup working days come
 * from official schedules (see {@link Calendars#cn(ZoneId)}), which cover whole years; the years
 * covered are the {@linkplain #knownYears() known years}. Outside them the {@linkplain #fallback()
 * fallback} applies: the weekly pattern alone, or (for {@code cn}) the statutory holidays derived by
 * rule, without makeup working days. Callers can find out with {@link #knowsYear(int)} or
 * {@link #unknownYearsBetween(Instant, Instant)} so they can warn about it.
 *
 * <p>Derive variants with the {@code with...} methods; they return new calendars.
 *
 * @param zone the zone in which dates and working hours are read
 * @param workingDays the days of the week that are normally working days; never empty
 * @param workingHours the working hours of every working day: sorted, non-overlapping, never
 *     empty (the constructor sorts them)
 * @param holidays dates that are days off even if they fall on a weekly working day
 * @param makeupWorkdays dates that are working days even if they fall outside the weekly pattern
 *     (for example a Saturday worked to make up for a holiday bridge); disjoint from holidays
 * @param knownYears the years for which an official schedule of holidays has been loaded
 * @param fallback what decides the holidays of the other years
 */
public record BusinessCalendar(
        ZoneId zone,
        Set<DayOfWeek> workingDays,
        List<WorkingInterval> workingHours,
        Set<LocalDate> holidays,
        Set<LocalDate> makeupWorkdays,
        Set<Integer> knownYears,
        YearFallback fallback) {

    /** Monday to Friday. */
    public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = Collections.unmodifiableSet(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** 09:00-12:00 and 13:00-18:00, eight hours with a lunch break. */
    public static final List<WorkingInterval> DEFAULT_WORKING_HOURS = List.of(
            new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new WorkingInterval(LocalTime.of(13, 0), LocalTime.of(18, 0)));

    /** The local time at which day-based targets fall due: the last second of the day. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** Validates and normalises the components; see the class description for the rules. */
    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(fallback, "fallback");
        workingDays = copyWorkingDays(workingDays);
        workingHours = sortedWithoutOverlaps(workingHours);
        holidays = sortedCopy(holidays, "holidays");
        makeupWorkdays = sortedCopy(makeupWorkdays, "makeupWorkdays");
        knownYears = sortedCopy(knownYears, "knownYears");
        List<LocalDate> both = new ArrayList<>(holidays);
        both.retainAll(makeupWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(
                    "Dates cannot be both holidays and makeup working days: " + both);
        }
    }

    /** A calendar whose years without an official schedule follow the weekly pattern alone. */
    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingInterval> workingHours,
            Set<LocalDate> holidays, Set<LocalDate> makeupWorkdays, Set<Integer> knownYears) {
        this(zone, workingDays, workingHours, holidays, makeupWorkdays, knownYears, YearFallback.WEEKLY);
    }

    /**
     * A calendar with the default week (Monday to Friday, 09:00-12:00 and 13:00-18:00), no
     * holidays and no known years.
     */
    public static BusinessCalendar standard(ZoneId zone) {
        return new BusinessCalendar(zone, DEFAULT_WORKING_DAYS, DEFAULT_WORKING_HOURS,
                Set.of(), Set.of(), Set.of(), YearFallback.WEEKLY);
    }

    /** This calendar read in another zone (dates and working hours are then local to it). */
    public BusinessCalendar withZone(ZoneId newZone) {
        return new BusinessCalendar(newZone, workingDays, workingHours, holidays, makeupWorkdays,
                knownYears, fallback);
    }

    /** This calendar with a different weekly pattern of working days. */
    public BusinessCalendar withWorkingDays(Set<DayOfWeek> newWorkingDays) {
        return new BusinessCalendar(zone, newWorkingDays, workingHours, holidays, makeupWorkdays,
                knownYears, fallback);
    }

    /** This calendar with different working hours (replacing the current ones). */
    public BusinessCalendar withWorkingHours(List<WorkingInterval> newWorkingHours) {
        return new BusinessCalendar(zone, workingDays, newWorkingHours, holidays, makeupWorkdays,
                knownYears, fallback);
    }

    /**
     * This calendar with working hours parsed from text such as
     * {@code "09:00-12:00,13:00-18:00"}; see {@link WorkingInterval#parseList(String)}.
     */
    public BusinessCalendar withWorkingHours(String newWorkingHours) {
        return withWorkingHours(WorkingInterval.parseList(newWorkingHours));
    }

    /**
     * This calendar with extra holidays. A date that was a makeup working day becomes a holiday:
     * the later addition wins, so a company can take off a Saturday the official schedule makes
     * a working day.
     */
    public BusinessCalendar withHolidays(Collection<LocalDate> extraHolidays) {
        Set<LocalDate> newHolidays = new TreeSet<>(holidays);
        newHolidays.addAll(extraHolidays);
        Set<LocalDate> newMakeupWorkdays = new TreeSet<>(makeupWorkdays);
        newMakeupWorkdays.removeAll(extraHolidays);
        return new BusinessCalendar(zone, workingDays, workingHours, newHolidays,
                newMakeupWorkdays, knownYears, fallback);
    }

    /**
     * This calendar with extra makeup working days. A date that was a holiday becomes a working
     * day: the later addition wins.
     */
    public BusinessCalendar withMakeupWorkdays(Collection<LocalDate> extraWorkdays) {
        Set<LocalDate> newMakeupWorkdays = new TreeSet<>(makeupWorkdays);
        newMakeupWorkdays.addAll(extraWorkdays);
        Set<LocalDate> newHolidays = new TreeSet<>(holidays);
        newHolidays.removeAll(extraWorkdays);
        return new BusinessCalendar(zone, workingDays, workingHours, newHolidays,
                newMakeupWorkdays, knownYears, fallback);
    }

    /** This calendar claiming to know the official schedule of some more years. */
    public BusinessCalendar withKnownYears(Collection<Integer> extraYears) {
        Set<Integer> newKnownYears = new TreeSet<>(knownYears);
        newKnownYears.addAll(extraYears);
        return new BusinessCalendar(zone, workingDays, workingHours, holidays, makeupWorkdays,
                newKnownYears, fallback);
    }

    /**
     * This calendar extended with an official schedule: its days off become holidays, its makeup
     * working days become makeup working days and its year becomes known.
     */
    public BusinessCalendar withOfficialSchedule(OfficialSchedule schedule) {
        // as withHolidays(daysOff).withMakeupWorkdays(makeupWorkdays).withKnownYears(year), in one
        // copy instead of three: every command that computes a deadline builds the cn calendar
        Set<LocalDate> newHolidays = new TreeSet<>(holidays);
        Set<LocalDate> newMakeupWorkdays = new TreeSet<>(makeupWorkdays);
        newHolidays.addAll(schedule.daysOff());
        newMakeupWorkdays.removeAll(schedule.daysOff());
        newMakeupWorkdays.addAll(schedule.makeupWorkdays());
        newHolidays.removeAll(schedule.makeupWorkdays());
        Set<Integer> newKnownYears = new TreeSet<>(knownYears);
        newKnownYears.add(schedule.year());
        return new BusinessCalendar(zone, workingDays, workingHours, newHolidays, newMakeupWorkdays, newKnownYears, fallback);
    }

    /** This calendar with another fallback for the years without an official schedule. */
    public BusinessCalendar withFallback(YearFallback newFallback) {
        return new BusinessCalendar(zone, workingDays, workingHours, holidays, makeupWorkdays, knownYears,
                newFallback);
    }

    /**
     * This calendar with {@code schedule} in place of whatever it had for that year: the holidays
     * and makeup working days dated in the year are dropped first, then the schedule is added as
     * {@link #withOfficialSchedule(OfficialSchedule)} adds it.
     */
    public BusinessCalendar withScheduleReplacingYear(OfficialSchedule schedule) {
        Set<LocalDate> keptHolidays = new TreeSet<>();
        for (LocalDate d : holidays) {
            if (d.getYear() != schedule.year()) {
                keptHolidays.add(d);
            }
        }
        Set<LocalDate> keptMakeup = new TreeSet<>();
        for (LocalDate d : makeupWorkdays) {
            if (d.getYear() != schedule.year()) {
                keptMakeup.add(d);
            }
        }
        return new BusinessCalendar(zone, workingDays, workingHours, keptHolidays, keptMakeup, knownYears, fallback)
                .withOfficialSchedule(schedule);
    }

    /** Whether {@code date} is a working day (see the class description for the rule). */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (holidays.contains(date)) {
            return false;
        }
        if (makeupWorkdays.contains(date)) {
            return true;
        }
        if (!workingDays.contains(date.getDayOfWeek())) {
            return false;
        }
        // only now the fallback: a known year never loads the statutory rule's library
        return !isFallbackHoliday(date);
    }

    /**
     * Whether {@code date} is a holiday of the {@linkplain #fallback() fallback} that applies to it:
     * its year has no official schedule and the rule derives a holiday there.
     */
    public boolean isFallbackHoliday(LocalDate date) {
        return fallback != YearFallback.WEEKLY && !knowsYear(date.getYear()) && fallback.isHoliday(date);
    }

    /** Whether an official schedule of holidays was loaded for {@code year}. */
    public boolean knowsYear(int year) {
        return knownYears.contains(year);
    }

    /**
     * The years touched by the dates from {@code from} to {@code toInclusive} (in either order)
     * for which no official schedule is known; empty when the whole range is covered.
     */
    public SortedSet<Integer> unknownYearsBetween(LocalDate from, LocalDate toInclusive) {
        int first = Math.min(from.getYear(), toInclusive.getYear());
        int last = Math.max(from.getYear(), toInclusive.getYear());
        SortedSet<Integer> unknown = new TreeSet<>();
        for (int year = first; year <= last; year++) {
            if (!knowsYear(year)) {
                unknown.add(year);
            }
        }
        return Collections.unmodifiableSortedSet(unknown);
    }

    /**
     * The years touched by the local dates (in this calendar's zone) from {@code from} to
     * {@code to} for which no official schedule is known. Use it with a start and its due time
     * to decide whether a deadline relied on the weekly pattern alone.
     */
    public SortedSet<Integer> unknownYearsBetween(Instant from, Instant to) {
        return unknownYearsBetween(localDate(from), localDate(to));
    }

    /** The local date of {@code instant} in this calendar's zone. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The instant of 23:59:59 local time on {@code date}, when day-based targets fall due. */
    public Instant endOfDay(LocalDate date) {
        return ZonedDateTime.of(date, END_OF_DAY, zone).toInstant();
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDayAfter(LocalDate date) {
        LocalDate candidate = date.plusDays(1);
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * The {@code count}-th working day after {@code date}; {@code date} itself never counts, and
     * a count of zero returns {@code date}.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public LocalDate plusWorkingDays(LocalDate date, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        LocalDate result = Objects.requireNonNull(date, "date");
        for (int i = 0; i < count; i++) {
            result = nextWorkingDayAfter(result);
        }
        return result;
    }

    /**
     * The number of working days in {@code (fromExclusive, toInclusive]}; negative (the count
     * of {@code (toInclusive, fromExclusive]}) when the dates are reversed.
     */
    public long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        long count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The instant at which {@code amount} of working time, counted from {@code start} inside
     * working hours of working days only, has passed. A start outside working hours begins at
     * the next opening; a count that ends exactly at a closing time is due at that closing time.
     * A zero amount returns {@code start}.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        return BusinessClock.plus(this, start, amount);
    }

    /**
     * The working time between two instants: the total length of working hours of working days
     * lying between them; negative when {@code to} is before {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        return BusinessClock.between(this, from, to);
    }

    /** A short summary; the sets of dates are counted, not listed. */
    @Override
    public String toString() {
        return "BusinessCalendar[zone=" + zone + ", workingDays=" + workingDays
                + ", workingHours=" + workingHours + ", holidays=" + holidays.size()
                + ", makeupWorkdays=" + makeupWorkdays.size() + ", knownYears=" + knownYears
                + ", fallback=" + fallback + "]";
    }

    private static Set<DayOfWeek> copyWorkingDays(Set<DayOfWeek> days) {
        Objects.requireNonNull(days, "workingDays");
        if (days.isEmpty()) {
            throw new IllegalArgumentException(
                    "A business calendar needs at least one working day of the week");
        }
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : days) {
            copy.add(Objects.requireNonNull(day, "workingDays element"));
        }
        return Collections.unmodifiableSet(copy);
    }

    /** A class, not {@code Comparator.comparing}: every run builds a calendar (see TreeBinding on lambdas). */
    private static final Comparator<WorkingInterval> BY_OPENING = new Comparator<>() {
        @Override
        public int compare(WorkingInterval a, WorkingInterval b) {
            return a.opens().compareTo(b.opens());
        }
    };

    private static List<WorkingInterval> sortedWithoutOverlaps(List<WorkingInterval> intervals) {
        Objects.requireNonNull(intervals, "workingHours");
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException(
                    "A business calendar needs at least one working-hours interval");
        }
        List<WorkingInterval> sorted = new ArrayList<>(intervals);
        for (WorkingInterval interval : sorted) {
            Objects.requireNonNull(interval, "workingHours element");
        }
        sorted.sort(BY_OPENING);
        for (int i = 1; i < sorted.size(); i++) {
            WorkingInterval previous = sorted.get(i - 1);
            WorkingInterval current = sorted.get(i);
            if (previous.overlaps(current)) {
                throw new IllegalArgumentException(
                        "Working-hours intervals overlap: " + previous + " and " + current);
            }
        }
        return List.copyOf(sorted);
    }

    private static <T extends Comparable<? super T>> Set<T> sortedCopy(Collection<T> values, String name) {
        Objects.requireNonNull(values, name);
        TreeSet<T> copy = new TreeSet<>();
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException(name + " element"); // the message made only when needed
            }
            copy.add(value);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
