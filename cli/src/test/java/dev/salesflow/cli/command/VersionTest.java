package dev.salesflow.cli.command;

import static dev.salesflow.cli.completion.CompletionScriptTest.onPath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version} names the version, the commit the build saw and that commit's date. */
class VersionTest {
  @TempDir Path tmp;

  @Test
  void quickAndPicocliPathsPrintVersionCommitAndDate() throws Exception {
    List<String> quick = CliRun.in(tmp, "--version").out().lines().toList();
    assertThat(quick).hasSize(3);
    assertThat(quick.get(0)).matches("salesflow \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(quick.get(1)).matches("commit ([0-9a-f]{12}(-dirty)?|unknown)");
    assertThat(quick.get(2)).matches("built (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00|unknown)");
    // -q --version goes through picocli: the same lines
    assertThat(CliRun.in(tmp, "-q", "--version").out().lines().toList()).isEqualTo(quick);

    Assumptions.assumeTrue(onPath("git") && git("rev-parse", "--is-inside-work-tree").equals("true"),
        "not built in a git clone");
    assertThat(quick.get(1)).startsWith("commit " + git("rev-parse", "--short=12", "HEAD"));
    assertThat(quick.get(2)).isEqualTo("built " + git("log", "-1", "--date=iso-strict-local", "--format=%cd"));
  }

  private static String git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("TZ", "UTC");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0 ? out : "";
  }
}
