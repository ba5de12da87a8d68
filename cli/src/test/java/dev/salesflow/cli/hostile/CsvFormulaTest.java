package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV from {@code list} and {@code overdue} neutralises formula starts as {@code export} and {@code report} do. */
class CsvFormulaTest {
  @TempDir Path tmp;

  @Test
  void listAndOverdueCsvNeutraliseFormulas() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, text.replaceFirst("\nowner: zhang.wei\n", "\nowner: \"=1+1\"\n")
            .replaceFirst("\n  company: ", "\n  company: \"@SUM(A1)\" #"), StandardCharsets.UTF_8);
      }
    }
    CliRun list = Hostile.run(ws, "list", "--format", "csv").assertNoStackTrace();
    assertThat(list.code()).as(list.all()).isZero();
    assertThat(list.out()).contains(",'=1+1,").contains("'@SUM(A1)").doesNotContain(",=1+1", ",@SUM");
    CliRun overdue = Hostile.run(ws, "overdue", "--due-within", "3650d", "--format", "csv").assertNoStackTrace();
    assertThat(overdue.code()).as(overdue.all()).isIn(0, 1);
    assertThat(overdue.out()).contains(",'=1+1,").doesNotContain(",=1+1");
    CliRun export = Hostile.run(ws, "export", "-").assertNoStackTrace();
    assertThat(export.out()).contains(",'=1+1,").doesNotContain(",=1+1");
  }
}
