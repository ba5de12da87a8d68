package dev.salesflow.core.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SlaClock durations written as text, used for windows such as "alert 36h before the deadline"
 * (an SLA rule's {@code warn_before}, the {@code --due-within} of {@code overdue}): {@code 90m},
 * {@code 36h}, {@code 2d}, {@code 1h30m}, {@code 1d12h}. A day is exactly 24 hours here, unlike in
 * an SLA rule's {@code target}, where {@code 3d} means the end of the third calendar day after the
 * start, in the workspace's zone.
 */
public final class Durations {

    /** The accepted forms, quoted in error messages. */
    public static final String ACCEPTED_FORMS =
            "a positive whole number of days, hours and/or minutes in that order, "
                    + "e.g. 90m, 36h, 2d, 1h30m, 1d12h (d = 24h)";

    private static final Pattern DAYS_HOURS_MINUTES =
            Pattern.compile("(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?");

    private Durations() {
    }

    /**
     * Parses a duration such as {@code 1h30m}.
     *
     * @param text days, hours and/or minutes in that order; case, surrounding blanks and blanks
     *     between the parts do not matter
     * @return the duration, always positive
     * @throws IllegalArgumentException quoting the input and listing the accepted forms if the
     *     text is not of that form, is zero, or is too large
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String normalised = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = DAYS_HOURS_MINUTES.matcher(normalised);
        if (normalised.isEmpty() || !matcher.matches()) {
            throw invalid(text, "not a duration");
        }
        try {
            Duration duration = Duration.ofDays(number(matcher.group(1)))
                    .plusHours(number(matcher.group(2)))
                    .plusMinutes(number(matcher.group(3)));
            if (duration.isZero()) {
                throw invalid(text, "the duration must be positive");
            }
            return duration;
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(text, "the number is too large");
        }
    }

    /**
     * The text {@link #parse} reads back as {@code duration}: {@code Nh} for whole hours,
     * otherwise {@code Nm}.
     *
     * @param duration a positive whole number of minutes
     * @return e.g. {@code 36h} or {@code 90m}; days are written as hours ({@code 48h})
     * @throws IllegalArgumentException if the duration is not positive or not whole minutes
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()
                || !duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            throw new IllegalArgumentException(
                    "Only positive whole minutes can be written as text, got " + duration);
        }
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException(
                "Invalid duration '" + text + "': " + reason + "; expected " + ACCEPTED_FORMS);
    }
}
