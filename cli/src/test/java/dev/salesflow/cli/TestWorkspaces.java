package dev.salesflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the example workspace for tests that run commands against it. */
public final class TestWorkspaces {
  /** The example workspace, from the cli module's folder (where tests run). */
  public static final Path EXAMPLES = Path.of("../examples");

  /** The instant the examples are meant to be judged at (their deadlines as the README shows them). */
  public static final String NOW = "2026-11-26T18:00:00+08:00";

  private TestWorkspaces() {}

  /**
   * Copies the example workspace, {@code salesflow.yaml} and {@code cases/} (not ci/, library/ or
   * the scripts), to {@code target}.
   */
  public static Path examplesAt(Path target) {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path p : files.toList()) {
        Path relative = EXAMPLES.relativize(p);
        boolean workspace = relative.toString().isEmpty() || relative.toString().equals("salesflow.yaml")
            || relative.startsWith("cases");
        if (!workspace) {
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
