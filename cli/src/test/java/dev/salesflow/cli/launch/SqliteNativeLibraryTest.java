package dev.salesflow.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's copy of sqlite-jdbc's native library: made once, then SQLite commands load it
 * instead of extracting the library into the temporary folder on every start.
 */
class SqliteNativeLibraryTest {
  @TempDir Path tmp;

  @Test
  void aCommandGivenTheCopyExtractsNothingAndWorks() throws Exception {
    Path nativeDir = tmp.resolve("native");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String name = run(List.of(java, "-cp", System.getProperty("java.class.path"), SqliteNativeLibrary.class.getName(),
        nativeDir.toString())).out().strip();
    assertThat(nativeDir.resolve(name)).isRegularFile();

    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    String db = "sqlite:" + tmp.resolve("cases.db");
    // a temporary folder sqlite-jdbc cannot extract into: only a command given the copy can load the library
    Path blocked = Files.writeString(tmp.resolve("not-a-folder"), "").resolve("sqlite");
    List<String> copy = List.of("-Dorg.sqlite.tmpdir=" + blocked, "-Dorg.sqlite.lib.path=" + nativeDir,
        "-Dorg.sqlite.lib.name=" + name);
    assertThat(run(FreshJvm.salesflow(copy, "-w", ws.toString(), "migrate", "--to", db)).code()).isZero();
    Run list = run(FreshJvm.salesflow(copy, "-w", ws.toString(), "--store", db, "list", "--format", "json"));

    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("ACME-2026-001");
    Run withoutCopy = run(FreshJvm.salesflow(List.of("-Dorg.sqlite.tmpdir=" + blocked), "-w", ws.toString(),
        "--store", db, "list"));
    assertThat(withoutCopy.code()).as("without the copy sqlite-jdbc must extract, and cannot").isNotZero();
  }

  private record Run(int code, String out) {}

  /** Runs {@code command} to the end. */
  private static Run run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
