package dev.salesflow.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.Main;
import dev.salesflow.cli.TestWorkspaces;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JLine is referenced only by the shell's classes, and a run outside the shell never loads it. */
class JLineIsolationTest {
  @TempDir Path tmp;

  @Test
  void onlyTheJLineClassesReferToJLine() throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> referring = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (bytes.contains("org/jline/")) {
          referring.add(classes.relativize(f).toString());
        }
      }
    }
    assertThat(referring).isNotEmpty().allMatch(name -> name.startsWith("dev/salesflow/cli/shell/JLine".replace('/', File.separatorChar)));
  }

  @Test
  void commandsOutsideTheShellNeverLoadJLine() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("acme"));
    assertNoJLine(0, "--version");
    assertNoJLine(0, "-w", ws.toString(), "list");
    assertNoJLine(1, "-w", ws.toString(), "--now", "2026-11-26T18:00:00+08:00", "overdue", "--format", "json");
    assertNoJLine(0, "completion");
    // no terminal: register fails listing the missing flags instead of asking
    String err = assertNoJLine(2, "-w", ws.toString(), "register", "--company", "X");
    assertThat(err).contains("missing --industry", "missing --contact-name", "missing --source", "missing --priority",
        "missing --owner");
  }

  /** Runs salesflow in a fresh JVM with stdin from /dev/null; returns its stderr. */
  private String assertNoJLine(int expectedCode, String... args) throws Exception {
    FreshJvm.Loaded run = FreshJvm.classesLoaded(tmp, expectedCode, args);
    assertThat(run.classes()).as("classes loaded by: salesflow " + String.join(" ", args))
        .contains("dev.salesflow.cli.Main").doesNotContain("org.jline");
    return run.stderr();
  }
}
