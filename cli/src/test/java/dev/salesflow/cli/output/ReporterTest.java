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
    assertThat(run.out()).doesNotContain("\u001b", "\u0007").contains("\\e[2Jcolor");
    assertThat(run.out()).contains("  \\e[2Jcolor: \"\\e]0;owned\\x07\"\n  ^\n");
  }

  @Test
  void visibleKeepsTabsAndLineFeedsAndEscapesTheRest() {
    assertThat(VisibleText.of("a\u0000b\tc\u007fd\u009be\nf\rg\u001bh"))
        .isEqualTo("a\\x00b\tc\\x7fd\\x9be\nf\\x0dg\\eh");
    assertThat(VisibleText.of("ACME\u202E1-\u200BX\u2066\uFEFF")).isEqualTo("ACME\\u202E1-\\u200BX\\u2066\\uFEFF");
    String plain = "苏州精工 ACME-2026-001";
    assertThat(VisibleText.of(plain)).isSameAs(plain);
  }
}
