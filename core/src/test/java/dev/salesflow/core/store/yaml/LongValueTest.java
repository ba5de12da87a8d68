package dev.salesflow.core.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlTreeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long values are written as scalars that read back as themselves. Deciding whether a value
 * needs quotes once overflowed the stack from about 2,000 characters (an alternation in a repeated
 * regex group, which Java matches recursively), so {@code log --note} with a long note crashed.
 */
class LongValueTest {
  @ParameterizedTest
  @ValueSource(ints = {1_999, 2_000, 10_000, 60_000})
  void aLongValueIsWrittenAndReadBack(int length) throws Exception {
    for (String value : new String[] {"x".repeat(length), "ab ".repeat(length / 3) + "z", "a" + "  ".repeat(length / 2),
        "a" + " ".repeat(length - 1), "销售".repeat(length / 2)}) {
      String line = "needs: " + CaseFileWriter.scalar(value) + "\n";
      YamlNode.Mapping m = YamlTreeReader.readMapping(line);
      assertThat(((YamlNode.Scalar) m.entries().get("needs").value()).text()).isEqualTo(value);
    }
  }
}
