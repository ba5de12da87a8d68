package dev.salesflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} minutes")
    @CsvSource({"90m, 90", "36h, 2160", "2d, 2880", "1h30m, 90", "1d12h, 2160",
        "1d1h1m, 1501", "'1h 30m', 90", "' 2D ', 2880", "0d1m, 1"})
    void parsesDaysHoursAndMinutes(String text, long minutes) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "90", "m", "1.5h", "-1h", "30m1h", "1w", "1h30s", "0m", "0d0h",
        "ninety minutes", "99999999999999999999d", "999999999999999999d"})
    void rejectsOtherTextQuotingItAndListingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("90m, 36h, 2d, 1h30m");
    }

    @Test
    void formatsAsWholeHoursOrMinutesAndParsesBack() {
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("48h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.parse(Durations.format(Duration.ofMinutes(1501))))
                .isEqualTo(Duration.ofMinutes(1501));
    }

    @Test
    void formatRejectsWhatCannotBeWritten() {
        assertThatThrownBy(() -> Durations.format(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.format(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
