package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingIntervalTest {

    @Test
    void parsesTheCanonicalForm() {
        assertThat(WorkingInterval.parse("09:00-12:00"))
                .isEqualTo(new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(12, 0)));
    }

    @Test
    void parsesSingleDigitHoursSpacesAndAnEnDash() {
        assertThat(WorkingInterval.parse(" 9:30 \u2013 17:45 "))
                .isEqualTo(new WorkingInterval(LocalTime.of(9, 30), LocalTime.of(17, 45)));
    }

    @Test
    void canonicalTextParsesBack() {
        WorkingInterval interval = new WorkingInterval(LocalTime.of(8, 5), LocalTime.of(23, 59));
        assertThat(interval.toString()).isEqualTo("08:05-23:59");
        assertThat(WorkingInterval.parse(interval.toString())).isEqualTo(interval);
    }

    @Test
    void parsesACommaSeparatedList() {
        assertThat(WorkingInterval.parseList("09:00-12:00, 13:00-18:00"))
                .containsExactly(WorkingInterval.parse("09:00-12:00"),
                        WorkingInterval.parse("13:00-18:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9-12", "09:00", "09:00-", "09:00-12:00-13:00", "nine to five",
        "09.00-12.00", "25:00-26:00", "09:60-10:00", "24:00-01:00"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> WorkingInterval.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("HH:MM-HH:MM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12:00-09:00", "10:00-10:00"})
    void rejectsInvertedOrEmptyText(String text) {
        assertThatThrownBy(() -> WorkingInterval.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("empty or inverted");
    }

    @Test
    void explainsThat24IsNotAClockTime() {
        assertThatThrownBy(() -> WorkingInterval.parse("18:00-24:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'24:00' is not a time of day")
                .hasMessageContaining("23:59");
    }

    @Test
    void constructorRejectsInvertedAndEmptyIntervalsNamingThem() {
        assertThatThrownBy(() -> new WorkingInterval(LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("18:00-09:00");
        assertThatThrownBy(() -> new WorkingInterval(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12:00-12:00");
    }

    @Test
    void constructorRejectsSecondsSoThatTheTextAlwaysParsesBack() {
        assertThatThrownBy(() -> new WorkingInterval(LocalTime.of(9, 0, 30), LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole minutes");
    }

    @Test
    void listRejectsBlankTextAndBadElements() {
        assertThatThrownBy(() -> WorkingInterval.parseList("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no intervals");
        assertThatThrownBy(() -> WorkingInterval.parseList("09:00-12:00,,13:00-18:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid working hours ''");
    }

    @Test
    void overlapIgnoresTouchingEnds() {
        WorkingInterval morning = WorkingInterval.parse("09:00-12:00");
        assertThat(morning.overlaps(WorkingInterval.parse("12:00-13:00"))).isFalse();
        assertThat(morning.overlaps(WorkingInterval.parse("11:59-13:00"))).isTrue();
        assertThat(morning.overlaps(WorkingInterval.parse("10:00-11:00"))).isTrue();
        assertThat(WorkingInterval.parse("08:00-09:00").overlaps(morning)).isFalse();
    }
}
