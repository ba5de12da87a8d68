package dev.salesflow.cli.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workspace with a three-level chain (zhang.wei, zh → liu.yang, en → zheng.hua, zh) and the
 * needs-record rule (due 24 h after a meeting) escalating after 24 h. Case N-2026-001 (zhang.wei)
 * had its meeting 2026-11-02 10:00, so its clock is breached from 11-03 10:00, reaches liu.yang
 * from 11-04 10:00 and zheng.hua from 11-05 10:00; N-2026-002 (liu.yang) had its meeting 11-03
 * 09:00, breached from 11-04 09:00.
 */
final class NotifyWorkspace {
  static final String TEAM = """
      timezone: Asia/Shanghai
      id_prefix: N
      sla:
        - {id: needs-record, escalate_after: 24h}
      team:
        people:
          - {id: zhang.wei, name: 张伟, email: zhang.wei@acme.test, language: zh, roles: [sales_rep], manager: liu.yang}
          - {id: liu.yang, name: Liu Yang, email: liu.yang@acme.test, language: en, roles: [sales_manager], manager: zheng.hua}
          - {id: zheng.hua, name: 郑华, email: zheng.hua@acme.test, language: zh, roles: [general_manager]}
      """;

  private NotifyWorkspace() {}

  static Path create(Path dir, String notify) throws IOException {
    Path root = Files.createDirectories(dir.resolve("ws"));
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), TEAM + notify);
    Files.writeString(root.resolve("cases/N-2026-001.yaml"), caseFile("N-2026-001", "苏州精工机械有限公司", "zhang.wei",
        "2026-11-02T10:00:00+08:00"));
    Files.writeString(root.resolve("cases/N-2026-002.yaml"), caseFile("N-2026-002", "Acme Tools", "liu.yang",
        "2026-11-03T09:00:00+08:00"));
    return root;
  }

  static String caseFile(String id, String company, String owner, String meeting) {
    return """
        id: %s
        customer:
          company: %s
          industry: manufacturing
          contact: {name: Wang Lei, phone: "+86 512 5555 0101"}
        source: exhibition
        priority: A
        owner: %s
        registered_at: 2026-11-02T09:30:00+08:00
        events:
          - {at: %s, type: meeting, by: %s}
        """.formatted(id, company, owner, meeting, owner);
  }

  static void append(Path root, String id, String event) throws IOException {
    Files.writeString(root.resolve("cases/" + id + ".yaml"), "  - " + event + "\n", java.nio.file.StandardOpenOption.APPEND);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
