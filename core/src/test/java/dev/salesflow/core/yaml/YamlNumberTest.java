package dev.salesflow.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written YAML 1.1 number check is the pattern it replaced. */
class YamlNumberTest {
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(0|[1-9][0-9_]*)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+");

  @Test
  void knownNumbersAndNonNumbers() {
    for (String number : new String[] {"0", "7", "-12", "+3.5", "1.", "1_000", ".5", "-.5e-3", "1e5", "1E+5", "0x1F", "0o17", "017", "0_"}) {
      assertThat(YamlTreeReader.isNumber(number)).as(number).isTrue();
    }
    for (String other : new String[] {"", "+", ".", "09", "0x", "0o", "1e", "1.5.5", "2026-11-03", "12:30", "0x1G", "1e5.0", "１"}) {
      assertThat(YamlTreeReader.isNumber(other)).as(other).isFalse();
    }
  }

  @Property(tries = 20000)
  void agreesWithThePattern(@ForAll("candidates") String value) {
    assertThat(YamlTreeReader.isNumber(value)).as(value).isEqualTo(NUMBER.matcher(value).matches());
  }

  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789+-._eExXoOabcfFg:").ofMaxLength(8),
        Arbitraries.strings().withChars("0189.e_-").ofMaxLength(5),
        Arbitraries.strings().all().ofMaxLength(3));
  }
}
