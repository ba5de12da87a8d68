package dev.salesflow.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code notify:} settings and a missing channel are refused with their place. */
class NotifySettingsTest {
  @TempDir Path dir;

  @Test
  void everyProblemOfTheSettingsIsReportedAtItsLine() throws Exception {
    Path root = NotifyWorkspace.create(dir, """
        notify:
          email: {host: smtp.acme.test, port: 99999, from: nobody, tls: ssl, password: hunter2}
          webhook: {kind: teams, url: "ftp://x"}
        """);
    CliRun run = CliRun.in(root, "--now", "2026-11-03T12:00:00+08:00", "notify", "--dry-run");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("salesflow.yaml:12:").contains("unknown field 'password' in notify.email (known: from, host, port, tls, user)")
        .contains("notify.email.tls must be one of none|starttls|tls, got 'ssl'")
        .contains("notify.email.port must be 1 to 65535, got '99999'")
        .contains("notify.webhook.kind must be one of wecom|dingtalk|feishu|slack|json, got 'teams'")
        .doesNotContain("hunter2 ");
  }

  @Test
  void withoutAChannelOnlyADryRunWorks() throws Exception {
    Path root = NotifyWorkspace.create(dir, "");
    CliRun run = CliRun.in(root, "--now", "2026-11-03T12:00:00+08:00", "notify");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("notify has no channel");
    assertThat(CliRun.in(root, "--now", "2026-11-03T12:00:00+08:00", "notify", "--dry-run").out())
        .contains("=== zhang.wei <zhang.wei@acme.test> [zh] via (no channel): would send");
  }

  @Test
  void aBadEscalateAfterNamesTheField() throws Exception {
    Path root = NotifyWorkspace.create(dir, "");
    java.nio.file.Files.writeString(root.resolve("salesflow.yaml"),
        java.nio.file.Files.readString(root.resolve("salesflow.yaml")).replace("escalate_after: 24h", "escalate_after: soon"));
    CliRun run = CliRun.in(root, "--now", "2026-11-03T12:00:00+08:00", "notify", "--dry-run");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("salesflow.yaml:4:").contains("escalate_after");
  }
}
