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

  @Test
  void badSettingsAreNamedInChineseWithTheirPlace() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Files.writeString(ws.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nbogus_key: 1\napproval_threshold: abc\n");

    CliRun zh = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "list");
    CliRun en = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "en", "list");

    assertThat(zh.code()).as("%s", zh).isEqualTo(2);
    assertThat(zh.err()).contains("salesflow.yaml:2:1: error: 未知字段“bogus_key”（可用：approval_threshold, calendar,",
        "salesflow.yaml:3:21: error: approval_threshold 应为数字，实际为 'abc' [SF102 wrong-type]").doesNotContain("unknown field");
    assertThat(en.err()).contains("salesflow.yaml:2:1: error: unknown field 'bogus_key' (known: approval_threshold,",
        "salesflow.yaml:3:21: error: approval_threshold must be a number, got 'abc'");
  }

  @Test
  void anUnknownTimeZoneIsNamedInChinese() throws IOException {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Files.writeString(ws.resolve("salesflow.yaml"), "timezone: Mars/Olympus\n");

    CliRun zh = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "list");

    assertThat(zh.code()).as("%s", zh).isEqualTo(2);
    assertThat(zh.err()).contains("salesflow.yaml:1:11: error: 未知时区“Mars/Olympus”（请使用地区时区名，如 Asia/Shanghai）");
  }

  @Test
  void usageErrorsAreWrittenInChineseWhereverLangIsGiven() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun before = CliRun.in(dir, "-w", ws.toString(), "--lang", "zh", "log", "ACME-2026-002", "meeting", "--bogus");
    CliRun after = CliRun.in(dir, "-w", ws.toString(), "log", "ACME-2026-002", "meeting", "--bogus", "--lang", "zh");
    CliRun missing = CliRun.in(dir, "-w", ws.toString(), "--lang", "zh", "log");
    CliRun badValue = CliRun.in(dir, "-w", ws.toString(), "--lang", "zh", "report", "--format", "xx");
    CliRun noValue = CliRun.in(dir, "-w", ws.toString(), "--lang", "zh", "list", "--priority");
    CliRun unknown = CliRun.in(dir, "-w", ws.toString(), "--lang", "zh", "lst");
    CliRun en = CliRun.in(dir, "-w", ws.toString(), "--lang", "en", "lst");

    for (CliRun run : java.util.List.of(before, after, missing, badValue, noValue, unknown)) {
      assertThat(run.code()).as("%s", run).isEqualTo(2);
      assertThat(run.err()).as("%s", run).contains("查看用法").doesNotContain("Try '", "Missing", "Invalid", "unknown");
    }
    assertThat(before.err()).contains("salesflow: 无法识别的参数“--bogus”", "运行“salesflow log --help”查看用法。");
    assertThat(after.err()).isEqualTo(before.err());
    assertThat(missing.err()).contains("缺少必需的参数：'CASE', 'TYPE'");
    assertThat(badValue.err()).contains("选项“--format”的取值无效：应为 [", "之一（不区分大小写），实际为“xx”");
    assertThat(noValue.err()).contains("选项“--priority”缺少取值（A|B|C）");
    assertThat(unknown.err()).contains("未知命令“lst”；您是不是要输入 'list'");
    assertThat(en.err()).contains("salesflow: unknown command 'lst'; did you mean 'list' or 'register'?",
        "Try 'salesflow --help' for more information.");
  }

  @Test
  void aChineseLangVariableMakesUsageErrorsChinese() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun run = CliRun.in(dir, java.util.Map.of("LANG", "zh_CN.UTF-8"), "-w", ws.toString(), "log", "ACME-2026-002",
        "meeting", "--bogus");

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.err()).contains("无法识别的参数“--bogus”");
  }

  @Test
  void unsupportedFormatAndLangAreRefusedInChinese() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    CliRun format = CliRun.in(dir, "-w", ws.toString(), "--now", NOW, "--lang", "zh", "list", "--format", "html");

    assertThat(format.code()).as("%s", format).isEqualTo(2);
    assertThat(format.err()).contains("此命令不支持 --format html（可用：text, json, csv, yaml）");
  }

  @Test
  void registerPromptsAndRetriesAreChinese() {
    String zh = RegisterPrompt.prompt(dev.salesflow.core.model.RegistrationField.PHONE, java.util.List.of(), "zh");
    String en = RegisterPrompt.prompt(dev.salesflow.core.model.RegistrationField.PHONE, java.util.List.of(), "en");

    assertThat(zh).isEqualTo("phone（离开 lead 阶段需要填写；直接回车跳过）: ");
    assertThat(en).isEqualTo("phone (needed to leave lead; empty to skip): ");
    assertThat(LogPrompt.again("bad value", "zh")).isEqualTo("bad value；请重新输入，或直接回车跳过");
    assertThat(LogPrompt.again("bad value", "en")).isEqualTo("bad value; again, or leave it empty to skip");
  }
}
