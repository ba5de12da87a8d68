package dev.salesflow.core.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of working time within a working day, for example {@code 09:00-12:00}.
 *
 * <p>The interval is half-open in spirit: work happens from {@link #opens()} up to
 * {@link #closes()}; a count of business time that ends exactly at {@code closes} is due at
 * {@code closes}. Intervals never cross midnight and cannot end at 24:00 (use 23:59).
 *
 * @param opens the local time at which work starts
 * @param closes the local time at which work stops; strictly after {@code opens}
 */
public record WorkingInterval(LocalTime opens, LocalTime closes) {

    /**
     * What parsing needs, made on first parse: the standard hours are built without it, and a
     * formatter and a pattern cost a command that has just started a few milliseconds.
     */
    private static final class Parsing {
        static final Pattern INTERVAL =
                Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}:\\d{2})\\s*");
        static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm")
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static final String EXPECTED_FORM =
            "expected HH:MM-HH:MM with the opening before the closing, e.g. 09:00-12:00";

    /** Checks that the interval is non-empty and not inverted. */
    public WorkingInterval {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Working-hours interval " + format(opens, closes)
                    + " is empty or inverted: the opening time must be before the closing time");
        }
        if (!isWholeMinute(opens) || !isWholeMinute(closes)) {
            throw new IllegalArgumentException("Working-hours interval " + format(opens, closes)
                    + " must start and end on whole minutes");
        }
    }

    /**
     * Parses {@code "09:00-12:00"} (single-digit hours and an en dash are accepted too).
     *
     * @throws IllegalArgumentException if the text is not of that form or the interval is empty
     *     or inverted
     */
    public static WorkingInterval parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = Parsing.INTERVAL.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Invalid working hours '" + text + "': " + EXPECTED_FORM);
        }
        LocalTime opens = parseClock(text, matcher.group(1));
        LocalTime closes = parseClock(text, matcher.group(2));
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Invalid working hours '" + text
                    + "': the interval is empty or inverted; " + EXPECTED_FORM);
        }
        return new WorkingInterval(opens, closes);
    }

    /**
     * Parses a comma-separated list such as {@code "09:00-12:00, 13:00-18:00"}. The result is
     * not checked for overlaps; {@link BusinessCalendar} does that.
     *
     * @throws IllegalArgumentException if the list is empty or any element is invalid
     */
    public static List<WorkingInterval> parseList(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException(
                    "Invalid working hours '" + text + "': no intervals given; " + EXPECTED_FORM);
        }
        List<WorkingInterval> intervals = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            intervals.add(parse(part));
        }
        return List.copyOf(intervals);
    }

    /** Whether this interval shares any moment with {@code other} (touching ends do not). */
    public boolean overlaps(WorkingInterval other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    /** The canonical text, {@code HH:MM-HH:MM}, which {@link #parse} accepts. */
    @Override
    public String toString() {
        return format(opens, closes);
    }

    private static LocalTime parseClock(String whole, String clock) {
        try {
            return LocalTime.parse(clock, Parsing.CLOCK);
        } catch (DateTimeParseException e) {
            String hint = clock.startsWith("24") ? " (intervals end by 23:59 at the latest)" : "";
            throw new IllegalArgumentException("Invalid working hours '" + whole + "': '" + clock
                    + "' is not a time of day" + hint + "; " + EXPECTED_FORM, e);
        }
    }

    private static boolean isWholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }

    private static String format(LocalTime opens, LocalTime closes) {
        return opens + "-" + closes;
    }
}
