package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CaseOutput.shortTime, written by hand for years 1 to 9999, is what its formatter writes, in any zone and year. */
class ShortTimeTest {
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Test
  void sameAsTheFormatter() {
    List<ZoneId> zones = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"), ZoneId.of("America/New_York"),
        ZoneId.of("Asia/Kathmandu"), ZoneId.of("Africa/Monrovia"));
    for (ZoneId zone : zones) {
      for (Instant at = Instant.parse("-0002-01-01T00:00:00Z"); at.isBefore(Instant.parse("+10002-01-01T00:00:00Z"));
          at = at.plusSeconds(86_400L * 331 + 3_671)) {
        assertThat(CaseOutput.shortTime(at, zone)).as("%s in %s", at, zone).isEqualTo(SHORT.format(at.atZone(zone)));
      }
      for (Instant at = Instant.parse("2023-12-25T00:00:00Z"); at.isBefore(Instant.parse("2025-01-05T00:00:00Z"));
          at = at.plusSeconds(3_607)) {
        assertThat(CaseOutput.shortTime(at, zone)).as("%s in %s", at, zone).isEqualTo(SHORT.format(at.atZone(zone)));
      }
    }
    assertThat(CaseOutput.shortTime((Instant) null, ZoneId.of("UTC"))).isEqualTo("-");
  }
}
