package dev.salesflow.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run for the class-data archive changes nothing and leaves nothing behind. */
class CdsTrainingTest {
  @TempDir Path tmp;

  @Test
  void trainingWritesNothingToTheWorkspaceAndRemovesItsSqliteCopy() throws IOException {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Map<String, Long> before = sizes(ws);
    long copiesBefore = sqliteCopies();

    CdsTraining.main(new String[] {ws.toString()});

    assertThat(sizes(ws)).isEqualTo(before);
    assertThat(sqliteCopies()).isEqualTo(copiesBefore);
  }

  private static Map<String, Long> sizes(Path root) throws IOException {
    Map<String, Long> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        all.put(root.relativize(p).toString(), Files.size(p) + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return all;
  }

  private static long sqliteCopies() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("salesflow-cds")).count();
    }
  }
}
