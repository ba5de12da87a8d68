package dev.salesflow.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.process.ApprovalTier;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team settings of salesflow.yaml: bound from the tree, every problem with its file and place. */
class TeamSettingsTest {
  @TempDir Path root;

  private Workspace open(String config) throws IOException {
    Files.writeString(root.resolve("salesflow.yaml"), config);
    return Workspace.open(root);
  }

  private List<String> problems(String config) throws IOException {
    Files.writeString(root.resolve("salesflow.yaml"), config);
    try {
      Workspace.open(root);
    } catch (DiagnosticsException e) {
      return e.diagnostics().stream().map(Diagnostic::oneLine).map(l -> l.substring(root.toString().length() + 1)).toList();
    }
    throw new AssertionError("no problem found");
  }

  @Test
  void aWorkspaceWithoutATeamKeepsTheThresholdAsTheGeneralManagersTier() throws IOException {
    Workspace ws = open("approval_threshold: 500000\n");
    assertThat(ws.team().team()).isNull();
    assertThat(ws.team().tiers()).containsExactly(new ApprovalTier("general_manager", new BigDecimal("500000")));
    assertThat(ws.authority()).isNull();
  }

  @Test
  void theTeamMayLiveInItsOwnFile() throws IOException {
    Files.writeString(root.resolve("team.yaml"), "people:\n  - {id: a, email: a@x.test, roles: [legal, finance]}\n  - {id: b, manager: a}\n");
    Workspace ws = open("team: team.yaml\napprovals:\n  - {role: sales_manager, from: 0}\n  - {role: general_manager, from: 1_000_000}\n");
    assertThat(ws.team().team().ids()).containsExactly("a", "b");
    assertThat(ws.team().team().byEmail("A@X.test").orElseThrow().roles()).containsExactly("legal", "finance");
    assertThat(ws.team().tiers()).containsExactly(new ApprovalTier("sales_manager", BigDecimal.ZERO),
        new ApprovalTier("general_manager", new BigDecimal("1000000")));
    assertThat(ws.team().files()).containsExactly(root.resolve("team.yaml"));
  }

  @Test
  void settingsThatJacksonBindsLeaveTheTeamKeysToTheTeamBinding() throws IOException {
    Workspace ws = open("approval_threshold: 1000000.0\nteam: {people: [{id: a, roles: legal}]}\nsignatures: optional\n");
    assertThat(ws.config().approvalThreshold()).isEqualByComparingTo("1000000");
    assertThat(ws.team().team().person("a").orElseThrow().roles()).containsExactly("legal");
    assertThat(ws.authority()).isNotNull();
  }

  @Test
  void everyProblemIsReportedAtItsPlace() throws IOException {
    assertThat(problems("""
        team:
          people:
            - {id: a, roles: [legal, cfo], manager: z, colour: red}
            - {id: a, email: nope, language: fr}
        approval_threshold: 1000000
        approvals:
          - {role: general_manager, from: 5}
          - {role: sales_manager, from: 1}
        signatures: sometimes
        """)).containsExactly(
            "salesflow.yaml:3:48: error: unknown field 'colour' in a person (known: email, id, language, manager, name, roles) [SF101 unknown-field]",
            "salesflow.yaml:3:30: error: unknown role 'cfo' (roles: sales_rep, sales_manager, product_manager, tech_support, finance,"
                + " legal, order_specialist, after_sales, general_manager) [SF104 bad-value]",
            "salesflow.yaml:4:12: error: person id 'a' is used twice [SF104 bad-value]",
            "salesflow.yaml:4:22: error: email 'nope' is not an e-mail address [SF104 bad-value]",
            "salesflow.yaml:4:38: error: language must be en or zh, got 'fr' [SF104 bad-value]",
            "salesflow.yaml:3:45: error: manager 'z' is no person of the team (people: a) [SF104 bad-value]",
            "salesflow.yaml:5:1: error: approval_threshold and approvals are both set: the matrix's tiers replace the threshold,"
                + " remove one [SF104 bad-value]",
            "salesflow.yaml:8:33: error: tiers go in ascending order of from, each 0 or more; got 1 [SF104 bad-value]",
            "salesflow.yaml:9:13: error: signatures must be required or optional, got 'sometimes' [SF104 bad-value]");
  }

  @Test
  void requiredSignaturesNeedAnAllowedSignersFileThatCanBeRead() throws IOException {
    assertThat(problems("signatures: required\n")).containsExactly(
        "salesflow.yaml:1:1: error: signatures: required needs allowed_signers: FILE (who may sign, by e-mail) [SF103 missing-field]");
    Files.writeString(root.resolve("signers"), "# who signs\n\n  a@x.test valid-after=\"20260101\" ssh-ed25519 AAAA\nb@x.test ssh-ed25519 !!!\n");
    assertThat(problems("signatures: required\nallowed_signers: signers\n")).containsExactly(
        "signers:3:3: error: option 'valid-after' is not supported here (only namespaces=\"...\") [SF104 bad-value]",
        "signers:4:1: error: the key is not base64 [SF104 bad-value]");
  }
}
