package dev.salesflow.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jackson-free binding of settings gives what Jackson gives, or steps aside. */
class ConfigTreeTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "timezone: Asia/Tokyo\napproval_threshold: 0\nid_prefix: X\nprocess: p.yaml\nstore: sqlite:c.db\n",
      "calendar: weekly\n",
      "calendar: my-cal.yaml\n",
      "calendar: {extends: cn, working_hours: ['09:00-12:00'], holidays: [2026-12-24], workdays: [2026-12-26]}\n",
      "calendar: ~\nsla:\n  - {id: needs-record, target: 12h}\n  - {id: new, start: meeting, stop: note, targets: {A: 1h}}\n"})
  void plainSettingsBindToWhatJacksonBinds(String text) throws Exception {
    assertSameAsJackson(text);
  }

  @Test
  void theExampleAndInitialSettingsBindToWhatJacksonBinds() throws Exception {
    assertSameAsJackson(Files.readString(Path.of("../examples/salesflow.yaml")));
    assertSameAsJackson(Workspace.initialConfig());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "timezone: 8\n",
      "approval_threshold: 1.5\n",
      "approval_threshold: '100'\n",
      "approval_threshold: 0100\n",
      "id_prefix: true\n",
      "colour: red\n",
      "calendar: {extends: cn, lunch: true}\n",
      "sla: {id: x, target: 1h}\n"})
  void anythingNotPlainIsLeftToJackson(String text) throws Exception {
    assertThat(ConfigTree.config(YamlTreeReader.readMapping(text))).isEmpty();
  }

  private static void assertSameAsJackson(String text) throws Exception {
    YamlNode tree = YamlTreeReader.readMapping(text);
    Optional<WorkspaceConfig> plain = ConfigTree.config(tree);
    WorkspaceConfig jackson = ProcessLoader.bind(ProcessLoader.mapper(), text, WorkspaceConfig.class, Path.of("salesflow.yaml"), tree);
    assertThat(plain).isPresent();
    assertThat(plain.get()).isEqualTo(jackson);
    assertThat(plain.get().toString()).isEqualTo(jackson.toString());
  }
}
