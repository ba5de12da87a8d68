package dev.salesflow.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.SourcePosition;
import org.junit.jupiter.api.Test;

/** Where the general YAML reader places what it refuses. */
class YamlTreeReaderTest {

  @Test
  void aControlCharacterIsReportedWhereItStands() {
    assertThatThrownBy(() -> YamlTreeReader.read("id: X-1\nname: \"\u00e9\ud83d\ude00 \u001b[2J\"\n"))
        .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("character U+001B is not allowed in YAML");
          assertThat(e.position()).isEqualTo(new SourcePosition(2, 11));
        });
  }
}
