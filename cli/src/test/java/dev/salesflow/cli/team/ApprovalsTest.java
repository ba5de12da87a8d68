package dev.salesflow.cli.team;

import static dev.salesflow.cli.team.TeamWorkspace.CASE;
import static dev.salesflow.cli.team.TeamWorkspace.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** People, roles and signed approvals, end to end through the CLI, with the real ssh-keygen and git. */
class ApprovalsTest {
  @TempDir Path dir;
  TeamWorkspace ws;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    ws = TeamWorkspace.create(dir, TeamWorkspace.CONFIG);
    env = new HashMap<>(Map.of("LANG", "en_US.UTF-8", "HOME", dir.resolve("home").toString()));
  }

  private CliRun sf(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.root.toString();
    all[2] = "--now";
    all[3] = NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(ws.root, env, all);
  }

  @Test
  void onlyTheRoleTheProcessNamesMayRecordAnEvent() throws IOException {
    String before = ws.caseText();
    CliRun refused = sf("log", CASE, "contract_reviewed", "--by", "zhang.wei");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("'contract_reviewed' is recorded by legal; zhang.wei holds sales_rep", "SF206");
    CliRun forged = sf("log", CASE, "approval", "--set", "role=general_manager", "--set", "amount=100", "--by", "zhang.wei");
    assertThat(forged.code()).isEqualTo(1);
    assertThat(forged.err()).contains("names the role general_manager, which zhang.wei does not hold");
    assertThat(ws.caseText()).isEqualTo(before);
    assertThat(sf("log", CASE, "contract_reviewed", "--by", "chen.lu").code()).isZero();
  }

  @Test
  void anUnknownPersonIsRefusedWithTheKnownIds() throws IOException {
    String before = ws.caseText();
    CliRun r = sf("log", CASE, "note", "--by", "anyone");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown person 'anyone'", "zhang.wei, liu.yang, zheng.hua, pm.li");
    env.put("SALESFLOW_USER", "nobody");
    assertThat(sf("log", CASE, "note").err()).contains("unknown person 'nobody' (SALESFLOW_USER)");
    assertThat(ws.caseText()).isEqualTo(before);
  }

  @Test
  void byDefaultsToSalesflowUserElseGitsUserEmail() throws IOException {
    env.put("SALESFLOW_USER", "zhang.wei");
    assertThat(sf("log", CASE, "note", "--note", "one").code()).isZero();
    env.remove("SALESFLOW_USER");
    assertThat(TeamWorkspace.run(List.of("git", "init", "-q", ws.root.toString()), null).code()).isZero();
    assertThat(TeamWorkspace.run(List.of("git", "-C", ws.root.toString(), "config", "user.email", "Liu.Yang@acme.test"), null).code())
        .isZero();
    assertThat(sf("log", CASE, "note", "--note", "two").code()).isZero();
    assertThat(ws.caseText()).contains("type: note, by: zhang.wei, note: one}", "type: note, by: liu.yang, note: two}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "rsa"})
  void aSalesflowSignatureVerifiesWithSshKeygenAndPassesCheck(String type) throws IOException {
    Path key = ws.key("gm", type, "");
    ws.allow("zheng.hua@acme.test", key);
    CliRun approved = sf("approve", CASE, "--role", "general_manager", "--amount", "1850000", "--by", "zheng.hua",
        "--at", "2026-11-06T10:00:00+08:00", "--key", key.toString());
    assertThat(approved.err()).contains("recorded a signed approval");
    assertThat(approved.code()).isZero();
    assertThat(ws.caseText()).contains("type: approval, by: zheng.hua, role: general_manager, amount: 1850000, signature: \"-----BEGIN SSH SIGNATURE-----\\n");

    JsonNode shown = new ObjectMapper().readTree(sf("--format", "json", "show", CASE).out());
    JsonNode event = shown.get("events").get(shown.get("events").size() - 1);
    assertThat(event.get("signature").asText()).startsWith("-----BEGIN SSH SIGNATURE-----\n").endsWith("-----END SSH SIGNATURE-----\n");

    String payload = sf("approve", CASE, "--role", "general_manager", "--amount", "1850000", "--by", "zheng.hua",
        "--at", "2026-11-06T10:00:00+08:00", "--payload-only").out();
    assertThat(payload).isEqualTo("salesflow approval v1\ncase: T-2026-001\nrole: general_manager\namount: 1850000\n"
        + "at: 2026-11-06T02:00:00Z\nby: zheng.hua\n");
    Path sig = Files.writeString(dir.resolve("approval.sig"), event.get("signature").asText());
    TeamWorkspace.Ran verified = TeamWorkspace.run(List.of("ssh-keygen", "-Y", "verify", "-f", ws.root.resolve("allowed_signers").toString(),
        "-I", "zheng.hua@acme.test", "-n", "salesflow", "-s", sig.toString()), payload);
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("Good \"salesflow\" signature for zheng.hua@acme.test");

    assertThat(sf("log", CASE, "contract_signed", "--set", "amount=1850000", "--by", "zhang.wei", "--at", "2026-11-07T10:00:00+08:00").code()).isZero();
    CliRun advanced = sf("advance", CASE, "--to", "delivery", "--by", "zhang.wei");
    assertThat(advanced.err()).contains("negotiation -> delivery");
    assertThat(sf("check", "--sla", "off").code()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "rsa"})
  void anSshKeygenSignatureMadeElsewhereIsRecordedAndCounts(String type) throws IOException {
    Path key = ws.key("gm-" + type, type, "");
    ws.allow("zheng.hua@acme.test", key);
    String payload = sf("approve", CASE, "--role", "general_manager", "--amount", "2000000", "--by", "zheng.hua",
        "--at", "2026-11-06T10:00", "--payload-only").out();
    Path file = Files.writeString(dir.resolve("payload.txt"), payload);
    TeamWorkspace.Ran signed = TeamWorkspace.run(List.of("ssh-keygen", "-Y", "sign", "-f", key.toString(), "-n", "salesflow",
        file.toString()), null);
    assertThat(signed.code()).as(signed.err()).isZero();
    CliRun recorded = sf("approve", CASE, "--role", "general_manager", "--amount", "2000000", "--by", "zheng.hua",
        "--at", "2026-11-06T10:00", "--signature", file + ".sig");
    assertThat(recorded.code()).as(recorded.err()).isZero();
    assertThat(sf("log", CASE, "contract_signed", "--set", "amount=2000000", "--by", "zhang.wei").code()).isZero();
    assertThat(sf("advance", CASE, "--to", "delivery", "--by", "zhang.wei").code()).isZero();
    assertThat(sf("check", "--sla", "off").code()).isZero();

    // the same signature with another --at signs other values: refused, nothing written
    String before = ws.caseText();
    CliRun other = sf("approve", CASE, "--role", "general_manager", "--amount", "2000000", "--by", "zheng.hua",
        "--at", "2026-11-06T10:01", "--signature", file + ".sig");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("the signature does not cover this approval");
    assertThat(ws.caseText()).isEqualTo(before);
  }

  /** The general manager approves 100; the contract is then signed over 10,000,000. */
  private void approveLessThanTheContract() throws IOException {
    Path key = ws.key("gm", "ed25519", "");
    ws.allow("zheng.hua@acme.test", key);
    assertThat(sf("approve", CASE, "--role", "general_manager", "--amount", "100", "--by", "zheng.hua", "--key", key.toString(),
        "--at", "2026-11-06T10:00").code()).isZero();
    assertThat(sf("log", CASE, "contract_signed", "--set", "amount=10000000", "--by", "zhang.wei").code()).isZero();
  }

  @Test
  void anApprovalOfASmallerAmountDoesNotCoverTheContract() throws IOException {
    approveLessThanTheContract();
    CliRun refused = sf("advance", CASE, "--to", "delivery", "--by", "zhang.wei");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("'contract_signed' amount 10000000 needs an event 'approval' by general_manager",
        "approves 100, less than 10000000");
  }

  @Test
  void anUncoveredContractIsExplainedInChinese() throws IOException {
    approveLessThanTheContract();
    CliRun refused = sf("--lang", "zh", "advance", CASE, "--to", "delivery", "--by", "zhang.wei");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("不能推进到 delivery",
        "“contract_signed”的 amount 为 10000000，需要在此之前由 general_manager 记录事件“approval”（1000000 起的审批级别），且 amount 不低于 10000000",
        "2026-11-06T10:00:00+08:00 由 zheng.hua 记录的“approval”不算数：批准金额 100 低于 10000000")
        .doesNotContain("needs an event", "does not count");
  }

  @Test
  void aSalesManagerApprovesTheLowTierButNotTheHighOne() throws IOException {
    Path key = ws.key("sm", "ed25519", "");
    ws.allow("liu.yang@acme.test", key);
    assertThat(sf("approve", CASE, "--role", "sales_manager", "--amount", "1500000", "--by", "liu.yang", "--key", key.toString(),
        "--at", "2026-11-06T10:00").code()).isZero();
    assertThat(sf("log", CASE, "contract_signed", "--set", "amount=1500000", "--by", "zhang.wei").code()).isZero();
    assertThat(sf("advance", CASE, "--to", "delivery", "--by", "zhang.wei", "--dry-run").err())
        .contains("needs an event 'approval' by general_manager (the tier from 1000000)");
    assertThat(sf("log", CASE, "contract_signed", "--set", "amount=900000", "--by", "zhang.wei").code()).isZero();
    assertThat(sf("advance", CASE, "--to", "delivery", "--by", "zhang.wei").code()).isZero();
  }

  @Test
  void checkReportsEachForgeryWithItsOwnCodeAndPlace() throws IOException {
    Path gm = ws.key("gm", "ed25519", "");
    Path stranger = ws.key("stranger", "ed25519", "");
    ws.allow("zheng.hua@acme.test", gm);
    assertThat(sf("approve", CASE, "--role", "general_manager", "--amount", "1850000", "--by", "zheng.hua", "--key", gm.toString(),
        "--at", "2026-11-06T10:00").code()).isZero();
    String signedLine = ws.caseText().lines().filter(l -> l.contains("type: approval")).findFirst().orElseThrow();
    String signature = signedLine.substring(signedLine.indexOf("signature: "), signedLine.length() - 1);
    String strangerSig = approvalSignature(stranger, "2026-11-06T11:00:00+08:00", "1850000", "zheng.hua");
    String text = ws.caseText()
        + "  - {at: 2026-11-06T11:00:00+08:00, type: approval, by: zheng.hua, role: general_manager, amount: 1850000, signature: "
        + strangerSig + "}\n"
        + "  - {at: 2026-11-06T12:00:00+08:00, type: approval, by: zheng.hua, role: general_manager, amount: 1850000}\n"
        + "  - {at: 2026-11-06T13:00:00+08:00, type: approval, by: liu.yang, role: general_manager, amount: 1850000}\n"
        + "  - {at: 2026-11-06T14:00:00+08:00, type: approval, by: zheng.hua, role: general_manager, amount: 1850000, "
        + signature.substring(0, 80) + "\"}\n";
    // the first approval, signed for 1,850,000, now says 18,500,000
    text = text.replaceFirst("amount: 1850000, signature: ", "amount: 18500000, signature: ");
    Files.writeString(ws.caseFile(), text);
    CliRun check = sf("check", "--sla", "off");
    assertThat(check.code()).isEqualTo(1);
    String file = "cases/T-2026-001.yaml";
    assertThat(check.out())
        .contains(file + ":25:109: error: event #15 (approval): the signature does not match the approval's case, role,"
            + " amount, time and approver: the event was edited after it was signed")
        .contains("[SF213 edited-after-signing]")
        .contains(file + ":26:108: error: event #16 (approval): signed with the key ssh-ed25519 SHA256:")
        .contains("which allowed_signers does not list for zheng.hua@acme.test [SF212 unknown-signer]")
        .contains(file + ":27:5: error: event #17 (approval): the 'approval' is not signed (signatures: required)")
        .contains("[SF210 unsigned-approval]")
        .contains(file + ":28:53: error: event #18 (approval): the 'approval' names the role general_manager, which liu.yang"
            + " does not hold (liu.yang holds sales_manager) [SF206 role-not-allowed]")
        .contains(file + ":29:108: error: event #19 (approval): the signature does not end with -----END SSH SIGNATURE-----")
        .contains("[SF211 bad-signature]");
  }

  /** A salesflow signature by {@code key}, which the allowed signers do not list, made in a second workspace. */
  private String approvalSignature(Path key, String at, String amount, String by) throws IOException {
    TeamWorkspace other = TeamWorkspace.create(dir.resolve("other"), TeamWorkspace.CONFIG.replace("signatures: required\n", ""));
    other.allow("zheng.hua@acme.test", key);
    CliRun r = CliRun.in(other.root, env, "-w", other.root.toString(), "--now", NOW, "approve", CASE, "--role", "general_manager",
        "--amount", amount, "--by", by, "--at", at, "--key", key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String line = other.caseText().lines().filter(l -> l.contains("type: approval")).findFirst().orElseThrow();
    return line.substring(line.indexOf("signature: ") + "signature: ".length(), line.length() - 1);
  }

  @Test
  void badKeysAndSignaturesAreClearErrorsAndWriteNothing() throws IOException {
    Path locked = ws.key("locked", "ed25519", "correct horse");
    Path gm = ws.key("gm", "ed25519", "");
    ws.allow("zheng.hua@acme.test", gm);
    String before = ws.caseText();
    String[] approve = {"approve", CASE, "--role", "general_manager", "--amount", "1850000", "--by", "zheng.hua", "--at", "2026-11-06T10:00"};

    assertThat(run(approve, "--key", locked.toString()))
        .contains("is protected by a passphrase and there is no terminal to ask for it");
    assertThat(run(approve, "--key", dir.resolve("no-such-key").toString())).contains("does not exist");
    assertThat(run(approve, "--key", gm + ".pub")).contains("is a public key; --key takes the private key file (" + gm + "?)");
    env.put("HOME", dir.resolve("empty-home").toString());
    assertThat(run(approve)).contains("empty-home/.ssh/id_ed25519 does not exist");

    String payload = sf(concat(approve, "--payload-only")).out();
    Path file = Files.writeString(dir.resolve("payload.txt"), payload);
    assertThat(TeamWorkspace.run(List.of("ssh-keygen", "-Y", "sign", "-f", gm.toString(), "-n", "git", file.toString()), null).code()).isZero();
    assertThat(run(approve, "--signature", file + ".sig")).contains("was made for the namespace 'git', not 'salesflow'");
    String good = Files.readString(Path.of(file + ".sig"));
    Path truncated = Files.writeString(dir.resolve("truncated.sig"), good.substring(0, good.length() / 2));
    assertThat(run(approve, "--signature", truncated.toString())).contains("does not end with -----END SSH SIGNATURE-----");
    Path cut = Files.writeString(dir.resolve("cut.sig"), good.substring(0, 120) + "\n-----END SSH SIGNATURE-----\n");
    assertThat(run(approve, "--signature", cut.toString())).contains("is truncated or corrupt");
    assertThat(ws.caseText()).isEqualTo(before);
  }

  private String run(String[] base, String... more) {
    CliRun r = sf(concat(base, more));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("Exception");
    return r.err();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void unknownKeysInTheTeamAreRefusedWithTheirPlace() throws IOException {
    Files.writeString(ws.root.resolve("salesflow.yaml"), TeamWorkspace.CONFIG.replace("language: zh,", "langauge: zh,"));
    CliRun r = sf("show", CASE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("salesflow.yaml:5:61: error: unknown field 'langauge' in a person (known: email, id, language, manager, name, roles) [SF101 unknown-field]");
  }
}
