package dev.salesflow.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Timestamps#format} writes the common case by hand: exactly what the ISO formatter gives. */
class TimestampsTest {

  @Property(tries = 3000)
  void formatIsTheIsoOffsetDateTimeForm(@ForAll("times") OffsetDateTime at) {
    assertThat(Timestamps.format(at)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
  }

  @Provide
  Arbitrary<OffsetDateTime> times() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(
        Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond(), Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(
        Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900)),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
    return Combinators.combine(seconds, nanos, offsets)
        .as((s, n, o) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), o));
  }

}
