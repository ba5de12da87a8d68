package dev.salesflow.core.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grammar of {@link Target#parse(String)}. */
final class TargetParser {

    static final String ACCEPTED_FORMS = "24h, 90m, 2h30m (elapsed time); "
            + "3d, 1 day, 3 days (calendar days, due 23:59:59 local time); "
            + "1 working day, 5 working days; 1 business hour, 8 business hours "
            + "(counts are positive whole numbers up to " + Target.MAX_COUNT + ")";

    /**
     * The forms, compiled on first parse: the {@link Target} records check their counts here, and
     * five patterns cost a command that only reads the generated default process a few milliseconds.
     */
    private static final class Forms {
        static final Pattern HOURS_MINUTES = Pattern.compile("(\\d+) ?h(?: ?(\\d+) ?m)?");
        static final Pattern MINUTES = Pattern.compile("(\\d+) ?m");
        static final Pattern CALENDAR_DAYS = Pattern.compile("(\\d+) ?(?:d|days?)");
        static final Pattern WORKING_DAYS = Pattern.compile("(\\d+) ?working days?");
        static final Pattern BUSINESS_HOURS = Pattern.compile("(\\d+) ?business hours?");
    }

    private TargetParser() {
    }

    static Target parse(String text) {
        Objects.requireNonNull(text, "text");
        String normalised = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        try {
            Matcher m;
            if ((m = Forms.WORKING_DAYS.matcher(normalised)).matches()) {
                return new Target.WorkingDays(count(m.group(1), "working days"));
            }
            if ((m = Forms.BUSINESS_HOURS.matcher(normalised)).matches()) {
                return new Target.BusinessHours(count(m.group(1), "business hours"));
            }
            if ((m = Forms.CALENDAR_DAYS.matcher(normalised)).matches()) {
                return new Target.CalendarDays(count(m.group(1), "calendar days"));
            }
            if ((m = Forms.HOURS_MINUTES.matcher(normalised)).matches()) {
                long minutes = Math.addExact(Math.multiplyExact(number(m.group(1)), 60L),
                        m.group(2) == null ? 0 : number(m.group(2)));
                return new Target.Elapsed(Duration.ofMinutes(minutes));
            }
            if ((m = Forms.MINUTES.matcher(normalised)).matches()) {
                return new Target.Elapsed(Duration.ofMinutes(number(m.group(1))));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw invalid(text, "the number is too large", e);
        }
        throw invalid(text, "not a positive count followed by a known unit", null);
    }

    static void checkCount(int count, String unit) {
        if (count < 1 || count > Target.MAX_COUNT) {
            throw new IllegalArgumentException("the number of " + unit + " must be between 1 and "
                    + Target.MAX_COUNT + ", got " + count);
        }
    }

    private static IllegalArgumentException invalid(String text, String reason, Exception cause) {
        return new IllegalArgumentException("Invalid SLA target '" + text + "': " + reason
                + ". Accepted forms: " + ACCEPTED_FORMS, cause);
    }

    /** Reads a count of {@code unit}, which must lie between 1 and {@link Target#MAX_COUNT}. */
    private static int count(String digits, String unit) {
        long value = number(digits);
        if (value < 1 || value > Target.MAX_COUNT) {
            throw new IllegalArgumentException("the number of " + unit + " must be between 1 and "
                    + Target.MAX_COUNT + ", got " + digits);
        }
        return (int) value;
    }

    /** Reads digits as a long, saturating at {@link Long#MAX_VALUE}. */
    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
