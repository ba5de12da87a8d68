package dev.salesflow.core.calendar;

import dev.salesflow.core.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An SLA target: how long after a start something is due, in one of four units.
 *
 * <ul>
 *   <li>{@link Elapsed} ({@code 24h}, {@code 90m}, {@code 2h30m}): plain elapsed time added to
 *       the start instant, so a daylight-saving change does not shift it.</li>
 *   <li>{@link CalendarDays} ({@code 3d}, {@code 1 day}, {@code 3 days}): due at 23:59:59 local
 *       time on the N-th calendar day after the start's local date.</li>
 *   <li>{@link WorkingDays} ({@code 1 working day}, {@code 5 working days}): due at 23:59:59
 *       local time on the N-th working day after the start's local date; the start's own date
 *       never counts, holidays are skipped and makeup working days count.</li>
 *   <li>{@link BusinessHours} ({@code 1 business hour}, {@code 8 business hours}): N hours of
 *       working time counted from the start inside working hours of working days only.</li>
 * </ul>
 *
 * <p>{@link #text()} (also {@link #toString()}) is the canonical form; {@link #parse(String)}
 * reads it back to an equal target.
 */
public sealed interface Target
        permits Target.Elapsed, Target.CalendarDays, Target.WorkingDays, Target.BusinessHours {

    /** The largest count of days or hours a target may have (about eleven years of hours). */
    int MAX_COUNT = 100_000;

    /**
     * Parses a target such as {@code "24h"}, {@code "3 days"}, {@code "5 working days"} or
     * {@code "8 business hours"} (case and extra spaces do not matter).
     *
     * @throws IllegalArgumentException quoting the input and listing the accepted forms if the
     *     text is not a target, has an unknown unit, or a count that is zero, negative or too
     *     large
     */
    static Target parse(String text) {
        return TargetParser.parse(text);
    }

    /** The instant at which something started at {@code start} is due under this target. */
    Instant dueAt(Instant start, BusinessCalendar calendar);

    /**
     * Whether the due time depends on which days are working days, that is whether a start or
     * due date in a year the calendar does not {@linkplain BusinessCalendar#knowsYear know} makes
     * the result an estimate from the weekly pattern.
     */
    boolean dependsOnWorkingDays();

    /** The canonical text of this target, which {@link #parse(String)} reads back. */
    String text();

    /**
     * Elapsed clock time, for {@code Nh}, {@code Nm} and {@code NhMm}.
     *
     * @param duration positive whole minutes, at most {@link #MAX_COUNT} hours
     */
    record Elapsed(Duration duration) implements Target {

        /** Checks that the duration is positive, whole minutes and not too large. */
        public Elapsed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()
                    || duration.compareTo(Duration.ofHours(MAX_COUNT)) > 0
                    || !duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
                throw new IllegalArgumentException("An elapsed-time target must be a positive"
                        + " whole number of minutes up to " + MAX_COUNT + "h, got " + duration);
            }
        }

        @Override
        public Instant dueAt(Instant start, BusinessCalendar calendar) {
            return start.plus(duration);
        }

        @Override
        public boolean dependsOnWorkingDays() {
            return false;
        }

        @Override
        public String text() {
            return Durations.format(duration);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * Calendar days, due at the end of the N-th day after the start's local date.
     *
     * @param days between 1 and {@link #MAX_COUNT}
     */
    record CalendarDays(int days) implements Target {

        /** Checks the count. */
        public CalendarDays {
            TargetParser.checkCount(days, "calendar days");
        }

        @Override
        public Instant dueAt(Instant start, BusinessCalendar calendar) {
            return calendar.endOfDay(calendar.localDate(start).plusDays(days));
        }

        @Override
        public boolean dependsOnWorkingDays() {
            return false;
        }

        @Override
        public String text() {
            return days == 1 ? "1 day" : days + " days";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * Working days, due at the end of the N-th working day after the start's local date.
     *
     * @param days between 1 and {@link #MAX_COUNT}
     */
    record WorkingDays(int days) implements Target {

        /** Checks the count. */
        public WorkingDays {
            TargetParser.checkCount(days, "working days");
        }

        @Override
        public Instant dueAt(Instant start, BusinessCalendar calendar) {
            return calendar.endOfDay(calendar.plusWorkingDays(calendar.localDate(start), days));
        }

        @Override
        public boolean dependsOnWorkingDays() {
            return true;
        }

        @Override
        public String text() {
            return days == 1 ? "1 working day" : days + " working days";
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * Hours of working time, counted inside working hours of working days.
     *
     * @param hours between 1 and {@link #MAX_COUNT}
     */
    record BusinessHours(int hours) implements Target {

        /** Checks the count. */
        public BusinessHours {
            TargetParser.checkCount(hours, "business hours");
        }

        @Override
        public Instant dueAt(Instant start, BusinessCalendar calendar) {
            return calendar.plusBusinessTime(start, Duration.ofHours(hours));
        }

        @Override
        public boolean dependsOnWorkingDays() {
            return true;
        }

        @Override
        public String text() {
            return hours == 1 ? "1 business hour" : hours + " business hours";
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
