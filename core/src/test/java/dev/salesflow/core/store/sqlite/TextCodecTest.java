package dev.salesflow.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The database's fast JSON form of event fields is exactly what Jackson gives. */
class TextCodecTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Property(tries = 2000)
  void fieldsAreWrittenAsJacksonWritesThem(@ForAll("fields") Map<String, String> fields) throws Exception {
    assertThat(TextCodec.json(fields)).isEqualTo(JACKSON.writeValueAsString(fields));
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
