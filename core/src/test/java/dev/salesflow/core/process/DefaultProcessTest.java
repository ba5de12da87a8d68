package dev.salesflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.testing.GeneratedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code DefaultProcess.java} is a fresh generation from {@code default-process.yaml}. */
class DefaultProcessTest {
  private static final Path CHECKED_IN = Path.of("src/main/java/dev/salesflow/core/process/DefaultProcess.java");

  @Test
  void checkedInSourceIsAFreshGeneration() throws IOException {
    GeneratedSource.assertFresh(CHECKED_IN, DefaultProcessSource.generate(fromYaml()), getClass(),
        "defaultprocess.update", "default-process.yaml");
  }

  @Test
  void theGeneratedProcessIsTheBoundYaml() throws IOException {
    ProcessDefinition yaml = fromYaml();
    ProcessDefinition java = ProcessLoader.defaultProcess();
    assertThat(java).isEqualTo(yaml);
    assertThat(java.toString()).isEqualTo(yaml.toString());
    assertThat(java.sources().keySet()).containsExactlyElementsOf(yaml.sources().keySet());
    assertThat(java.eventFields().keySet()).containsExactlyElementsOf(yaml.eventFields().keySet());
    assertThat(java.eventTypes().keySet()).containsExactlyElementsOf(yaml.eventTypes().keySet());
  }

  private static ProcessDefinition fromYaml() throws IOException {
    try (InputStream in = ProcessLoader.class.getResourceAsStream(ProcessLoader.DEFAULT_RESOURCE)) {
      return ProcessLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of("default-process.yaml"));
    }
  }
}
