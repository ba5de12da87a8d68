package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParseTest {

    static Stream<Arguments> acceptedForms() {
        return Stream.of(
                Arguments.of("24h", new Target.Elapsed(Duration.ofHours(24)), "24h"),
                Arguments.of("90m", new Target.Elapsed(Duration.ofMinutes(90)), "90m"),
                Arguments.of("2h30m", new Target.Elapsed(Duration.ofMinutes(150)), "150m"),
                Arguments.of("2h 30m", new Target.Elapsed(Duration.ofMinutes(150)), "150m"),
                Arguments.of("120m", new Target.Elapsed(Duration.ofHours(2)), "2h"),
                Arguments.of("0h45m", new Target.Elapsed(Duration.ofMinutes(45)), "45m"),
                Arguments.of(" 24 H ", new Target.Elapsed(Duration.ofHours(24)), "24h"),
                Arguments.of("3d", new Target.CalendarDays(3), "3 days"),
                Arguments.of("1 day", new Target.CalendarDays(1), "1 day"),
                Arguments.of("1d", new Target.CalendarDays(1), "1 day"),
                Arguments.of("3 days", new Target.CalendarDays(3), "3 days"),
                Arguments.of("5 working days", new Target.WorkingDays(5), "5 working days"),
                Arguments.of("1 working day", new Target.WorkingDays(1), "1 working day"),
                Arguments.of("5  Working   Days", new Target.WorkingDays(5), "5 working days"),
                Arguments.of("8 business hours", new Target.BusinessHours(8),
                        "8 business hours"),
                Arguments.of("1 business hour", new Target.BusinessHours(1), "1 business hour"),
                Arguments.of("007 working days", new Target.WorkingDays(7), "7 working days"),
                Arguments.of("100000 days", new Target.CalendarDays(100_000), "100000 days"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("acceptedForms")
    void parsesAcceptedFormsToTheirCanonicalText(String text, Target expected, String canonical) {
        Target parsed = Target.parse(text);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.text()).isEqualTo(canonical);
        assertThat(parsed).hasToString(canonical);
        assertThat(Target.parse(canonical)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "24", "h", "24x", "3 weeks", "8 hours", "90 minutes",
        "5 workingdays", "1.5h", "-3d", "+3d", "3 business days", "2d12h", "three days",
        "1h30", "5 working days later"})
    void rejectsGarbageAndUnknownUnitsQuotingTheInputAndListingAcceptedForms(String text) {
        assertThatThrownBy(() -> Target.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("Accepted forms")
                .hasMessageContaining("5 working days")
                .hasMessageContaining("8 business hours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0h", "0m", "0h0m", "0 days", "0d", "0 working days",
        "0 business hours"})
    void rejectsZero(String text) {
        assertThatThrownBy(() -> Target.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("Accepted forms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"100001 days", "100001h", "6000001m", "99999999999999999999h",
        "99999999999999999999 working days", "12345678901 business hours"})
    void rejectsCountsAboveTheLimit(String text) {
        assertThatThrownBy(() -> Target.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void recordsCheckTheirInvariants() {
        assertThatThrownBy(() -> new Target.WorkingDays(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working days");
        assertThatThrownBy(() -> new Target.BusinessHours(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Target.CalendarDays(Target.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Target.Elapsed(Duration.ofSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of minutes");
        assertThatThrownBy(() -> new Target.Elapsed(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyWorkingDayUnitsDependOnTheHolidaySchedule() {
        assertThat(Target.parse("24h").dependsOnWorkingDays()).isFalse();
        assertThat(Target.parse("3 days").dependsOnWorkingDays()).isFalse();
        assertThat(Target.parse("3 working days").dependsOnWorkingDays()).isTrue();
        assertThat(Target.parse("3 business hours").dependsOnWorkingDays()).isTrue();
    }
}
