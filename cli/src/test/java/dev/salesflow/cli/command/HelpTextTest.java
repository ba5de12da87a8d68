package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --help} renders cleanly. picocli formats descriptions with
 * {@code String.format}: a bare {@code %O} (git's merge-driver placeholders) made it print five
 * "[picocli WARN] Could not format" lines on the process's stderr, outside salesflow's own streams.
 */
class HelpTextTest {
  @TempDir Path dir;

  @Test
  void everyCommandsHelpPrintsNoWarningOnTheProcessStderr() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (String name : CommandTree.SUBCOMMANDS.keySet()) {
        if (name.startsWith("__")) {
          continue; // the hidden completion entry point
        }
        CliRun help = CliRun.in(dir, name, "--help");
        assertThat(help.code()).as(name).isZero();
        assertThat(help.err()).as(name).isEmpty();
        assertThat(help.out()).as(name).contains("Usage: salesflow " + name).doesNotContain("%n");
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(CliRun.in(dir, "git-merge", "--help").out()).contains("salesflow git-merge %O %A %B", "(%O)", "(%P)");
  }
}
