package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's library snippet is the code of examples/library, which the build compiles and runs. */
class ReadmeLibrarySnippetTest {

  @Test
  void theReadmeSnippetIsTakenFromTheLibraryExample() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## As a library"));
    int start = section.indexOf("```java\n") + "```java\n".length();
    List<String> snippet = section.substring(start, section.indexOf("```", start)).lines().map(String::strip).toList();
    List<String> example = Files.readAllLines(
        Path.of("../examples/library/src/main/java/com/example/pipeline/Main.java"), StandardCharsets.UTF_8)
        .stream().map(String::strip).toList();

    assertThat(snippet).hasSizeGreaterThanOrEqualTo(10);
    assertThat(String.join("\n", example)).contains(String.join("\n", snippet));
  }
}
