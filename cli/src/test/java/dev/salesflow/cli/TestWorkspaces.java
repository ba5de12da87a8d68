package dev.salesflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the example workspace for tests that run commands against it. */
final class TestWorkspaces {
  static final Path EXAMPLES = Path.of("../examples");

  private TestWorkspaces() {}

  /** Copies {@code examples/} (salesflow.yaml and cases/) to {@code target}. */
  static Path examplesAt(Path target) {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path p : files.toList()) {
        Path relative = EXAMPLES.relativize(p);
        if (relative.startsWith("ci")) {
          continue;
        }
        Path to = target.resolve(relative.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
