package dev.salesflow.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics never pass a hostile file's control characters through to the terminal. */
class ReporterTest {
  @TempDir Path tmp;

  @Test
  void controlCharactersInTheQuotedLineAreShownAsReplacementsWithTheCaretInPlace() throws Exception {
    Path ws = TestWorkspaces.examplesAt(tmp.resolve("ws"));
    Files.writeString(ws.resolve("cases/X-1.yaml"), "id: X-1\n\u001b[2Jcolor: \"\u001b]0;owned\u0007\"\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.in(ws, "check", "--sla", "off", "cases/X-1.yaml");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("\u001b", "\u0007").contains("\ufffd[2Jcolor");
    assertThat(run.out()).contains("  \ufffd[2Jcolor: \"\ufffd]0;owned\ufffd\"\n  ^\n");
  }

  @Test
  void visibleKeepsTabsAndReplacesOneForOne() {
    assertThat(Reporter.visible("a\u0000b\tc\u007fd\u009be")).isEqualTo("a\ufffdb\tc\ufffdd\ufffde");
  }
}
