package dev.salesflow.cli.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A workspace with a team, an approval matrix, an allowed-signers file and required signatures,
 * holding case T-2026-001 in negotiation (its contract reviewed by legal); keys are made by the real
 * {@code ssh-keygen}.
 */
final class TeamWorkspace {
  static final String NOW = "2026-11-20T18:00:00+08:00";
  static final String CASE = "T-2026-001";

  static final String CONFIG = """
      timezone: Asia/Shanghai
      id_prefix: T
      team:
        people:
          - {id: zhang.wei, name: 张伟, email: zhang.wei@acme.test, language: zh, roles: [sales_rep], manager: liu.yang}
          - {id: liu.yang, name: 刘洋, email: liu.yang@acme.test, roles: [sales_manager], manager: zheng.hua}
          - {id: zheng.hua, name: 郑华, email: zheng.hua@acme.test, roles: [general_manager]}
          - {id: pm.li, email: pm.li@acme.test, roles: [product_manager]}
          - {id: tech.sun, email: tech.sun@acme.test, roles: [tech_support]}
          - {id: wu.fei, email: wu.fei@acme.test, roles: [finance]}
          - {id: chen.lu, email: chen.lu@acme.test, roles: [legal]}
      approvals:
        - {role: sales_manager, from: 0}
        - {role: general_manager, from: 1000000}
      allowed_signers: allowed_signers
      signatures: required
      """;

  static final String CASE_FILE = """
      id: T-2026-001
      customer:
        company: Acme Tools
        industry: manufacturing
        contact: {name: Wang Lei, phone: "+86 512 5555 0101"}
      source: exhibition
      priority: A
      owner: zhang.wei
      registered_at: 2026-11-02T09:30:00+08:00
      events:
        - {at: 2026-11-02T10:00:00+08:00, type: meeting, by: zhang.wei}
        - {at: 2026-11-02T11:00:00+08:00, type: advance, by: zhang.wei, to: needs}
        - {at: 2026-11-03T10:00:00+08:00, type: requirements_recorded, by: zhang.wei}
        - {at: 2026-11-03T11:00:00+08:00, type: requirements_confirmed, by: zhang.wei}
        - {at: 2026-11-03T12:00:00+08:00, type: analysis_reported, by: liu.yang}
        - {at: 2026-11-03T13:00:00+08:00, type: advance, by: zhang.wei, to: solution}
        - {at: 2026-11-04T10:00:00+08:00, type: solution_drafted, by: pm.li}
        - {at: 2026-11-04T11:00:00+08:00, type: feasibility_checked, by: tech.sun}
        - {at: 2026-11-04T12:00:00+08:00, type: cost_checked, by: zhang.wei}
        - {at: 2026-11-04T13:00:00+08:00, type: price_reviewed, by: wu.fei}
        - {at: 2026-11-04T14:00:00+08:00, type: solution_reviewed, by: liu.yang, result: approved}
        - {at: 2026-11-04T15:00:00+08:00, type: advance, by: zhang.wei, to: negotiation}
        - {at: 2026-11-05T10:00:00+08:00, type: negotiation_prepared, by: zhang.wei}
        - {at: 2026-11-05T11:00:00+08:00, type: contract_reviewed, by: chen.lu}
      """;

  final Path root;
  final Path keys;

  private TeamWorkspace(Path root, Path keys) {
    this.root = root;
    this.keys = keys;
  }

  /** The workspace in {@code dir}/ws, keys in {@code dir}/keys; allowed_signers lists {@code signers} (person, key name). */
  static TeamWorkspace create(Path dir, String config) throws IOException {
    Path root = Files.createDirectories(dir.resolve("ws"));
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), config);
    Files.writeString(root.resolve("cases/" + CASE + ".yaml"), CASE_FILE);
    Files.writeString(root.resolve("allowed_signers"), "");
    return new TeamWorkspace(root, Files.createDirectories(dir.resolve("keys")));
  }

  /** Makes a key {@code name} of {@code type} (ed25519, rsa) with {@code passphrase} ("" for none). */
  Path key(String name, String type, String passphrase) {
    Path key = keys.resolve(name);
    List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString()));
    if (type.equals("rsa")) {
      cmd.addAll(List.of("-b", "2048"));
    }
    assertThat(run(cmd, null).code).isZero();
    return key;
  }

  /** Lists {@code key}'s public half for {@code email} in the allowed-signers file. */
  void allow(String email, Path key) throws IOException {
    String pub = Files.readString(Path.of(key + ".pub")).strip();
    String[] parts = pub.split(" ");
    Files.writeString(root.resolve("allowed_signers"), email + " namespaces=\"salesflow\" " + parts[0] + " " + parts[1] + "\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }

  Path caseFile() {
    return root.resolve("cases/" + CASE + ".yaml");
  }

  String caseText() throws IOException {
    return Files.readString(caseFile());
  }

  record Ran(int code, String out, String err) {}

  /** Runs a real program, {@code stdin} given to it (null: none). */
  static Ran run(List<String> cmd, String stdin) {
    try {
      Process p = new ProcessBuilder(cmd).start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Ran(p.exitValue(), out, err);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
