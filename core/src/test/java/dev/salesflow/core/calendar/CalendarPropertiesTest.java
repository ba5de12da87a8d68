package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Durations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the calendar arithmetic over starts from mid-2024 to mid-2027, so that both the
 * bundled years and the weekly-pattern fallback around them are covered.
 */
class CalendarPropertiesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar CN = Calendars.cn(SHANGHAI);
    /** Seven days a week with a window that straddles the 02:00-03:00 DST jump. */
    private static final BusinessCalendar BERLIN_NIGHTS = BusinessCalendar.standard(BERLIN)
            .withWorkingDays(EnumSet.allOf(DayOfWeek.class))
            .withWorkingHours("01:30-02:30,10:00-11:00");

    private static final long FROM = Instant.parse("2024-06-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2027-06-30T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    /** Starts on whole minutes, near interesting boundaries more often than not. */
    @Provide
    Arbitrary<Instant> minuteStarts() {
        Arbitrary<Instant> anyMinute = Arbitraries.longs().between(FROM / 60, TO / 60)
                .map(minute -> Instant.ofEpochSecond(minute * 60));
        Arbitrary<Instant> nearBoundary = Combinators.combine(
                        Arbitraries.longs().between(0, (TO - FROM) / 86_400),
                        Arbitraries.of(LocalTime.of(9, 0), LocalTime.of(12, 0),
                                LocalTime.of(13, 0), LocalTime.of(18, 0)),
                        Arbitraries.integers().between(-2, 2))
                .as((day, time, minutes) -> ZonedDateTime.of(
                        LocalDate.ofEpochDay(FROM / 86_400 + day), time, SHANGHAI)
                        .plusMinutes(minutes).toInstant());
        return Arbitraries.oneOf(anyMinute, nearBoundary);
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 100 * 60)
                        .map(minutes -> new Target.Elapsed(Duration.ofMinutes(minutes))),
                Arbitraries.integers().between(1, 60).map(Target.CalendarDays::new),
                Arbitraries.integers().between(1, 60).map(Target.WorkingDays::new),
                Arbitraries.integers().between(1, 200).map(Target.BusinessHours::new));
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CN, Calendars.cn(BERLIN), BERLIN_NIGHTS);
    }

    @Property
    void countingTheWorkingDaysUpToTheDueDateGivesN(@ForAll("starts") Instant start,
            @ForAll @IntRange(min = 1, max = 300) int n) {
        Instant due = new Target.WorkingDays(n).dueAt(start, CN);
        LocalDate startDate = CN.localDate(start);
        LocalDate dueDate = CN.localDate(due);
        assertThat(CN.workingDaysBetween(startDate, dueDate)).isEqualTo(n);
        assertThat(CN.isWorkingDay(dueDate)).isTrue();
        assertThat(due.atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
    }

    @Property
    void dueIsNeverBeforeStart(@ForAll("starts") Instant start, @ForAll("targets") Target target,
            @ForAll("calendars") BusinessCalendar calendar) {
        assertThat(target.dueAt(start, calendar)).isAfter(start);
    }

    @Property
    void movingTheStartLaterNeverMovesTheDueEarlier(@ForAll("starts") Instant start,
            @ForAll @LongRange(min = 0, max = 10 * 86_400) long delaySeconds,
            @ForAll("targets") Target target, @ForAll("calendars") BusinessCalendar calendar) {
        Instant later = start.plusSeconds(delaySeconds);
        assertThat(target.dueAt(later, calendar))
                .isAfterOrEqualTo(target.dueAt(start, calendar));
    }

    @Property
    void businessTimeBetweenStartAndDueIsTheAmountAdded(@ForAll("starts") Instant start,
            @ForAll @IntRange(min = 0, max = 100 * 60) int minutes,
            @ForAll("calendars") BusinessCalendar calendar) {
        Duration amount = Duration.ofMinutes(minutes);
        Instant due = calendar.plusBusinessTime(start, amount);
        assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(amount);
    }

    /** A minute-by-minute walk over the known cn working hours is an independent oracle. */
    @Property(tries = 300)
    void businessHoursAgreeWithAMinuteByMinuteWalk(@ForAll("minuteStarts") Instant start,
            @ForAll @IntRange(min = 1, max = 20) int hours) {
        long minutesLeft = hours * 60L;
        ZonedDateTime cursor = start.atZone(SHANGHAI);
        while (minutesLeft > 0) {
            if (isCnWorkingMinute(cursor)) {
                minutesLeft--;
            }
            cursor = cursor.plusMinutes(1);
        }
        assertThat(new Target.BusinessHours(hours).dueAt(start, CN))
                .isEqualTo(cursor.toInstant());
    }

    @Property
    void targetsParseBackFromTheirText(@ForAll("targets") Target target) {
        assertThat(Target.parse(target.text())).isEqualTo(target);
    }

    @Property
    void durationsParseBackFromTheirText(@ForAll @LongRange(min = 1, max = 10_000_000) long m) {
        Duration duration = Duration.ofMinutes(m);
        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }

    private static boolean isCnWorkingMinute(ZonedDateTime minuteStart) {
        int minuteOfDay = minuteStart.getHour() * 60 + minuteStart.getMinute();
        boolean inHours = (minuteOfDay >= 9 * 60 && minuteOfDay < 12 * 60)
                || (minuteOfDay >= 13 * 60 && minuteOfDay < 18 * 60);
        return inHours && CN.isWorkingDay(minuteStart.toLocalDate());
    }
}
