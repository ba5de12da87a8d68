package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The hand-written short time of text output is what the formatter it replaced writes. */
class ShortTimeTest {
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Property(tries = 2000)
  void isTheFormattersText(@ForAll @IntRange(min = 1, max = 12000) int year, @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 28) int day, @ForAll @IntRange(max = 23) int hour,
      @ForAll @IntRange(max = 59) int minute, @ForAll @IntRange(max = 59) int second) {
    LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
    assertThat(CaseOutput.shortTime(t.atOffset(java.time.ZoneOffset.ofHours(8)))).isEqualTo(SHORT.format(t));
  }
}
