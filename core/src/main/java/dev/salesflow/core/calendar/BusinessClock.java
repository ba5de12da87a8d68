package dev.salesflow.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Working-time arithmetic behind {@link BusinessCalendar#plusBusinessTime} and
 * {@link BusinessCalendar#businessTimeBetween}.
 *
 * <p>Each working interval of each working day is turned into a pair of instants in the
 * calendar's zone before it is used, so daylight-saving changes inside working hours shorten or
 * lengthen that day's working time exactly as a wall clock would.
 */
final class BusinessClock {

    private BusinessClock() {
    }

    static Instant plus(BusinessCalendar calendar, Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate day = calendar.localDate(start); ; day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (WorkingInterval interval : calendar.workingHours()) {
                Instant opens = at(calendar, day, interval.opens());
                Instant closes = at(calendar, day, interval.closes());
                Instant from = opens.isBefore(start) ? start : opens;
                if (!from.isBefore(closes)) {
                    continue;
                }
                Duration available = Duration.between(from, closes);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    static Duration between(BusinessCalendar calendar, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return between(calendar, to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate lastDay = calendar.localDate(to);
        for (LocalDate day = calendar.localDate(from); !day.isAfter(lastDay);
                day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (WorkingInterval interval : calendar.workingHours()) {
                Instant opens = at(calendar, day, interval.opens());
                Instant closes = at(calendar, day, interval.closes());
                Instant overlapStart = opens.isBefore(from) ? from : opens;
                Instant overlapEnd = closes.isAfter(to) ? to : closes;
                if (overlapStart.isBefore(overlapEnd)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
        }
        return total;
    }

    private static Instant at(BusinessCalendar calendar, LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, calendar.zone()).toInstant();
    }
}
