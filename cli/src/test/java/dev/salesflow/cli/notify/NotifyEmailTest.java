package dev.salesflow.cli.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.salesflow.cli.CliRun;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify} over SMTP to a real GreenMail server on 127.0.0.1. */
class NotifyEmailTest {
  private static final String PASSWORD = "pw-9f2c-never-printed";
  @TempDir Path dir;
  private GreenMail smtp;

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private GreenMail start(int port) {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.setUser("bot@acme.test", "bot", PASSWORD);
    smtp.start();
    return smtp;
  }

  private static String emailConfig(int port) {
    return """
        notify:
          email: {host: 127.0.0.1, port: %d, from: bot@acme.test, tls: none, user: bot}
        """.formatted(port);
  }

  private static CliRun notify(Path root, String now, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "--now";
    args[1] = now;
    args[2] = "notify";
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.in(root, Map.of("SALESFLOW_SMTP_PASSWORD", PASSWORD), args);
  }

  private static String to(MimeMessage m) throws Exception {
    return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).reduce((a, b) -> a + "," + b).orElse("");
  }

  private static String body(MimeMessage m) throws Exception {
    return ((String) m.getContent()).replace("\r\n", "\n");
  }

  @Test
  void tellsEachOwnerOnceInTheirLanguageAndEscalatesUpTheChain() throws Exception {
    int port = NotifyWorkspace.freePort();
    GreenMail server = start(port);
    Path root = NotifyWorkspace.create(dir, emailConfig(port));

    // 11-03 12:00: N-001 breached for 2 h: zhang.wei alone, in Chinese
    CliRun first = notify(root, "2026-11-03T12:00:00+08:00");
    assertThat(first.code()).as(first.toString()).isEqualTo(1);
    MimeMessage[] mails = server.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(to(mails[0])).isEqualTo("zhang.wei@acme.test");
    assertThat(mails[0].getSubject()).isEqualTo("[salesflow] 1 项跟进已超时");
    assertThat(body(mails[0])).startsWith("张伟，您好：\n\n已超时：\n")
        .contains("  - N-2026-001 苏州精工机械有限公司 · 会后24小时内提交需求沟通记录 (needs-record) · 截止 2026-11-03 10:00 · 已超时 2小时0分钟");
    assertThat(first.all()).doesNotContain(PASSWORD);
    assertThat(Files.readString(root.resolve(".salesflow/.gitignore"))).contains("*");

    // the same instant again: nothing new is sent
    CliRun again = notify(root, "2026-11-03T12:00:00+08:00");
    assertThat(again.code()).isEqualTo(1);
    assertThat(server.getReceivedMessages()).hasSize(1);
    assertThat(again.err()).contains("nothing new to tell");

    // 11-04 09:30: N-002 newly breached, only that one, to liu.yang in English; N-001 not yet 24 h past due
    CliRun second = notify(root, "2026-11-04T09:30:00+08:00");
    assertThat(second.code()).isEqualTo(1);
    mails = server.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(to(mails[1])).isEqualTo("liu.yang@acme.test");
    assertThat(mails[1].getSubject()).isEqualTo("[salesflow] 1 follow-up breached");
    assertThat(body(mails[1])).startsWith("Hello Liu Yang,\n\nBreached (past their deadline):\n")
        .contains("N-2026-002 Acme Tools · Needs record within 24 h of the meeting (needs-record) · due 2026-11-04 09:00 · 30m overdue")
        .doesNotContain("N-2026-001");

    // 11-04 11:00: N-001 breached 25 h > escalate_after 24h: escalated to liu.yang
    notify(root, "2026-11-04T11:00:00+08:00");
    mails = server.getReceivedMessages();
    assertThat(mails).hasSize(3);
    assertThat(to(mails[2])).isEqualTo("liu.yang@acme.test");
    assertThat(mails[2].getSubject()).isEqualTo("[salesflow] 1 escalated to you");
    assertThat(body(mails[2])).contains("Escalated to you (breached for longer than their rule allows):\n"
        + "  - N-2026-001 苏州精工机械有限公司 · Needs record within 24 h of the meeting (needs-record) · due 2026-11-03 10:00"
        + " · 1d 1h overdue · owner zhang.wei (escalation level 1)");

    // 11-05 11:00: N-001 two intervals on reaches the manager's manager; N-002 one interval on reaches him too
    CliRun fourth = notify(root, "2026-11-05T11:00:00+08:00");
    assertThat(fourth.code()).isEqualTo(1);
    mails = server.getReceivedMessages();
    assertThat(mails).hasSize(4);
    assertThat(to(mails[3])).isEqualTo("zheng.hua@acme.test");
    assertThat(mails[3].getSubject()).isEqualTo("[salesflow] 2 项超时跟进升级给您");
    assertThat(body(mails[3])).startsWith("郑华，您好：\n\n升级给您（超时已超过规则允许的时间）：\n")
        .contains("N-2026-001 苏州精工机械有限公司 · 会后24小时内提交需求沟通记录 (needs-record) · 截止 2026-11-03 10:00 · 已超时 2天1小时 · 负责人 zhang.wei（第 2 级升级）")
        .contains("N-2026-002 Acme Tools · 会后24小时内提交需求沟通记录 (needs-record) · 截止 2026-11-04 09:00 · 已超时 1天2小时 · 负责人 liu.yang（第 1 级升级）");
    assertThat(notify(root, "2026-11-05T11:00:00+08:00").code()).isEqualTo(1);
    assertThat(server.getReceivedMessages()).hasSize(4);
  }

  @Test
  void aClockMetAndBreachedAgainIsANewNotice() throws Exception {
    int port = NotifyWorkspace.freePort();
    GreenMail server = start(port);
    Path root = NotifyWorkspace.create(dir, emailConfig(port));
    Files.delete(root.resolve("cases/N-2026-002.yaml"));
    assertThat(notify(root, "2026-11-03T12:00:00+08:00").code()).isEqualTo(1);
    NotifyWorkspace.append(root, "N-2026-001", "{at: 2026-11-03T12:30:00+08:00, type: advance, by: zhang.wei, to: needs}");
    NotifyWorkspace.append(root, "N-2026-001", "{at: 2026-11-03T13:00:00+08:00, type: requirements_recorded, by: zhang.wei}");
    CliRun met = notify(root, "2026-11-03T14:00:00+08:00");
    assertThat(met.code()).as(met.toString()).isZero(); // met: nothing breached
    NotifyWorkspace.append(root, "N-2026-001", "{at: 2026-11-04T10:00:00+08:00, type: meeting, by: zhang.wei}");
    assertThat(notify(root, "2026-11-05T11:00:00+08:00").code()).isEqualTo(1);
    MimeMessage[] mails = server.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(to(mails[1])).isEqualTo("zhang.wei@acme.test");
    assertThat(body(mails[1])).contains("截止 2026-11-05 10:00");
  }

  @Test
  void aServerThatIsDownLeavesEverythingUnsentUntilTheNextRun() throws Exception {
    int port = NotifyWorkspace.freePort(); // nothing listens there yet
    Path root = NotifyWorkspace.create(dir, emailConfig(port));
    CliRun down = notify(root, "2026-11-04T09:30:00+08:00");
    assertThat(down.code()).as(down.toString()).isEqualTo(3);
    assertThat(down.err()).contains("not sent to zhang.wei").contains("not sent to liu.yang").contains("(after 3 tries)")
        .doesNotContain(PASSWORD);
    assertThat(root.resolve(".salesflow/notify-sent.jsonl")).doesNotExist();

    GreenMail server = start(port);
    CliRun up = notify(root, "2026-11-04T09:30:00+08:00");
    assertThat(up.code()).as(up.toString()).isEqualTo(1);
    assertThat(server.getReceivedMessages()).extracting(NotifyEmailTest::to)
        .containsExactlyInAnyOrder("zhang.wei@acme.test", "liu.yang@acme.test");
    assertThat(Files.readAllLines(root.resolve(".salesflow/notify-sent.jsonl"))).hasSize(2);
  }

  @Test
  void dryRunPrintsWhatWouldBeSentAndSendsNothing() throws Exception {
    int port = NotifyWorkspace.freePort();
    GreenMail server = start(port);
    Path root = NotifyWorkspace.create(dir, emailConfig(port));
    CliRun dry = notify(root, "2026-11-04T11:00:00+08:00", "--dry-run");
    assertThat(dry.code()).isEqualTo(1);
    assertThat(server.getReceivedMessages()).isEmpty();
    assertThat(root.resolve(".salesflow")).doesNotExist();
    assertThat(dry.out()).contains("=== liu.yang <liu.yang@acme.test> [en] via email: would send\n"
        + "Subject: [salesflow] 1 follow-up breached, 1 escalated to you\n\nHello Liu Yang,\n")
        .contains("=== zhang.wei <zhang.wei@acme.test> [zh] via email: would send\nSubject: [salesflow] 1 项跟进已超时\n");

    CliRun json = notify(root, "2026-11-04T11:00:00+08:00", "--dry-run", "--format", "json");
    assertThat(json.out()).contains("\"dry_run\" : true").contains("\"recipient\" : \"liu.yang\"").contains("\"level\" : 2");
    List<String> recipients = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("messages")
        .findValuesAsText("recipient");
    assertThat(recipients).containsExactly("liu.yang", "zhang.wei");

    // and nothing breached: exit 0
    assertThat(notify(root, "2026-11-02T12:00:00+08:00", "--dry-run").code()).isZero();
  }

  @Test
  void sqliteStoreKeepsTheSentLogInATable() throws Exception {
    int port = NotifyWorkspace.freePort();
    GreenMail server = start(port);
    Path root = NotifyWorkspace.create(dir, emailConfig(port));
    assertThat(CliRun.in(root, "migrate", "--to", "sqlite:cases.db").code()).isZero();
    Files.writeString(root.resolve("salesflow.yaml"), Files.readString(root.resolve("salesflow.yaml")) + "store: sqlite:cases.db\n");
    assertThat(notify(root, "2026-11-04T09:30:00+08:00").code()).isEqualTo(1);
    assertThat(notify(root, "2026-11-04T09:30:00+08:00").code()).isEqualTo(1);
    assertThat(server.getReceivedMessages()).hasSize(2);
    assertThat(root.resolve(".salesflow")).doesNotExist();
    try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + root.resolve("cases.db"));
        var rs = db.createStatement().executeQuery("SELECT count(*) FROM notify_sent")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
