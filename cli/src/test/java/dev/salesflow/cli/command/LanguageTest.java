package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang zh} writes refusals, common errors, check findings and durations in Chinese. */
class LanguageTest {
  private static final String NOW = "2026-11-27T10:00:00+08:00";

  @TempDir Path dir;

  @Test
  void aRefusedLateMoveIsExplainedInChinese() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "advance", "ACME-2026-002",
        "--to", "lost", "--reason", "预算取消", "--at", "2026-11-01T10:00", "--by", "li.na");

    assertThat(refused.code()).as("%s", refused).isEqualTo(1);
    assertThat(refused.err()).contains("salesflow: ACME-2026-002：不能推进到 lost（时间 2026-11-01T10:00:00+08:00）:",
        "它会使之后的第 26 个事件（meeting，2026-11-05T14:00:00+08:00）变为非法：案例已是 lost：不再接受新事件")
        .doesNotContain("cannot");
  }

  @Test
  void anEventTheStageDoesNotAllowIsRefusedInChinese() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun refused = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "log", "ACME-2026-002",
        "contract_signed", "--set", "amount=980000", "--at", "2026-10-20T10:00", "--by", "li.na");

    assertThat(refused.code()).as("%s", refused).isEqualTo(1);
    assertThat(refused.err()).contains("不能记录“contract_signed”", "阶段 solution 不能记录“contract_signed”（允许：");
  }

  @Test
  void anUnknownCaseIsNamedInChinese() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun show = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "show", "NOPE-1");

    assertThat(show.code()).as("%s", show).isEqualTo(2);
    assertThat(show.err()).contains("中没有案例“NOPE-1”");
  }

  @Test
  void checkWritesItsFindingsInChineseInTextAndGithubButJsonStaysEnglish() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path file = ws.resolve("cases/ACME-2026-002.yaml");
    Files.writeString(file, "  - {at: 2026-11-21T10:00:00+08:00, type: advance, to: closed, by: li.na}\n",
        StandardOpenOption.APPEND);

    CliRun zh = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "check", file.toString());
    CliRun github = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "check", "--format", "github",
        file.toString());
    CliRun json = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "check", "--format", "json",
        file.toString());
    CliRun en = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "en", "check", file.toString());

    assertThat(zh.code()).as("%s", zh).isEqualTo(1);
    assertThat(zh.out()).containsPattern("error: 第 \\d+ 个事件（推进到 closed）：不能从 \\w+ 转到 closed（允许：")
        .contains("[SF201 illegal-event]");
    assertThat(zh.err()).containsPattern("已检查 \\d+ 个文件：1 个错误，0 个警告");
    assertThat(github.out()).contains("::error file=").contains("推进到 closed");
    assertThat(json.out()).contains("(advance to closed): cannot move from").doesNotContain("推进到");
    assertThat(en.out()).containsPattern("error: event #\\d+ \\(advance to closed\\): cannot move from \\w+ to closed");
    assertThat(en.err()).containsPattern("Checked \\d+ files?: 1 error, 0 warnings");
  }

  @Test
  void overdueWritesDurationsInChineseUnits() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun zh = CliRun.in(dir, "-w", ws.toString(), "--now", TestWorkspaces.NOW, "--lang", "zh", "overdue");
    CliRun en = CliRun.in(dir, "-w", ws.toString(), "--now", TestWorkspaces.NOW, "--lang", "en", "overdue");

    assertThat(zh.out()).containsPattern("超期 \\d+(天|小时|分)").doesNotContainPattern("超期 \\d+[dhm]");
    assertThat(en.out()).containsPattern("overdue \\d+[dhm]");
  }
}
