package dev.salesflow.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code export} never writes into the workspace's own files, through a symbolic link, or over a non-file. */
class ExportTargetTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "export {0}")
  @ValueSource(strings = {"cases/ZZ-1.yaml", "cases/ACME-2026-001.yaml", "cases/x.csv", "salesflow.yaml", "./cases/../cases/y.csv"})
  void refusesTheWorkspacesOwnFiles(String target) throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    var before = Hostile.fingerprint(ws);
    CliRun run = Hostile.run(ws, "export", target).assertNoStackTrace();
    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("write the CSV somewhere else");
    assertThat(Hostile.fingerprint(ws)).isEqualTo(before);
    assertThat(Hostile.run(ws, "list").code()).isZero();
  }

  @Test
  void refusesTheDatabaseOfASqliteStore() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    assertThat(Hostile.run(ws, "migrate", "--to", "sqlite:db.sqlite").code()).isZero();
    for (String target : new String[] {"db.sqlite", "db.sqlite-wal"}) {
      CliRun run = Hostile.run(ws, "--store", "sqlite:db.sqlite", "export", target).assertNoStackTrace();
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      assertThat(run.err()).contains("is in the database");
    }
    assertThat(Hostile.run(ws, "--store", "sqlite:db.sqlite", "list").code()).isZero();
  }

  @Test
  void refusesASymbolicLinkAndLeavesItsTargetAlone() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Path precious = tmp.resolve("precious.txt");
    Files.writeString(precious, "keep me\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(ws.resolve("link.csv"), precious);
    CliRun run = Hostile.run(ws, "export", "link.csv").assertNoStackTrace();
    assertThat(run.code()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("symbolic link");
    assertThat(Files.readString(precious)).isEqualTo("keep me\n");
    assertThat(Files.isSymbolicLink(ws.resolve("link.csv"))).isTrue();
  }

  @Test
  void refusesADirectoryAndWritesAPlainFile() throws IOException {
    Path ws = Hostile.examplesAt(tmp.resolve("ws"));
    Files.createDirectory(ws.resolve("out.csv"));
    assertThat(Hostile.run(ws, "export", "out.csv").code()).isEqualTo(2);
    CliRun ok = Hostile.run(ws, "export", "leads.csv");
    assertThat(ok.code()).as(ok.all()).isZero();
    assertThat(Files.readString(ws.resolve("leads.csv"))).startsWith("id,company,");
  }
}
