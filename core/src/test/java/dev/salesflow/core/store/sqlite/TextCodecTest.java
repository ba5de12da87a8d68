package dev.salesflow.core.store.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.api.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's fast text forms are exactly what the general formatters give. */
class TextCodecTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 3000)
  void timesAreWrittenAsTimestampsFormatWritesThem(@ForAll("times") OffsetDateTime at) {
    assertThat(TextCodec.time(at)).isEqualTo(Timestamps.format(at));
  }

  @Property(tries = 2000)
  void fieldsAreWrittenAsJacksonWritesThem(@ForAll("fields") Map<String, String> fields) throws Exception {
    assertThat(TextCodec.json(fields)).isEqualTo(JACKSON.writeValueAsString(fields));
  }

  @Provide
  Arbitrary<OffsetDateTime> times() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(
        Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond(), Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(
        Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900)),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
    return net.jqwik.api.Combinators.combine(seconds, nanos, offsets)
        .as((s, n, o) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), o));
  }

  @Provide
  Arbitrary<Map<String, String>> fields() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(12),
        Arbitraries.strings().withChars("\"\\/\n\r\t\b\f\u2028中文😀").ofMaxLength(8));
    return Arbitraries.maps(text, text).ofMaxSize(5).map(LinkedHashMap::new);
  }
}
