package dev.salesflow.cli.git;

import static dev.salesflow.cli.git.GitMergeTest.commit;
import static dev.salesflow.cli.git.GitMergeTest.git;
import static dev.salesflow.cli.git.GitMergeTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.forms.FormCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge driver in real git with forms: two clones each append an event carrying a form (a list
 * of items, text of several lines with quotes and colons) to one case; the merge is clean, the
 * result is what recording both in time order gives, it passes check and keeps both forms exactly.
 */
class FormMergeTest {
  private static final String CASE = "SF-2026-001";
  private static final String FILE = "cases/" + CASE + ".yaml";
  /** A rejected first acceptance, recorded in clone b, earlier. */
  private static final String REJECTED = """
      items:
        - {model: ACME-DS-40, quantity: 1, price: 680000}
        - {model: "Spare kit: SK-7", quantity: 3, price: 1200.50}
      currency: CNY
      result: rejected
      remarks: |-
        主轴异响，需返厂检测
        Customer said: "not before the fix"
          - indented line, kept as written
      signer: 王磊
      date: 2026-11-18
      """;
  /** The accepted second one, recorded in clone a, later. */
  private static final String ACCEPTED = """
      items:
        - {model: ACME-DS-40, quantity: 1, price: 680000}
      currency: CNY
      result: accepted_with_remarks
      remarks: "外包装轻微破损\\n# not a comment\\n\\ttab-indented"
      signer: Li Na
      date: 2026-11-20
      """;

  @TempDir Path tmp;
  Path origin;

  static CliRun sf(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--now=" + FormCases.NOW);
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  Path clone(String name) {
    Path dir = tmp.resolve(name);
    ok(tmp, "clone", "-q", origin.toString(), dir.toString());
    ok(dir, "config", "user.name", name);
    ok(dir, "config", "user.email", name + "@example.com");
    ok(dir, "config", "pull.rebase", "false");
    assertThat(sf(dir, "git-setup").code()).isZero();
    return dir;
  }

  @BeforeEach
  void aCaseInDeliveryOnTheOrigin() throws Exception {
    origin = tmp.resolve("origin.git");
    ok(tmp, "init", "-q", "--bare", "-b", "main", origin.toString());
    Path first = tmp.resolve("first");
    ok(tmp, "clone", "-q", origin.toString(), first.toString());
    ok(first, "config", "user.name", "first");
    ok(first, "config", "user.email", "first@example.com");
    assertThat(sf(first, "init").code()).isZero();
    Files.writeString(first.resolve(FILE), FormCases.HEADER.formatted(CASE) + FormCases.TO_DELIVERY, StandardCharsets.UTF_8);
    commit(first, "a case in delivery");
    ok(first, "push", "-q", "origin", "HEAD:main");
  }

  private static void logAcceptance(Path dir, String name, String form, String at) throws Exception {
    Files.writeString(dir.resolve(name), form, StandardCharsets.UTF_8);
    CliRun log = sf(dir, "log", CASE, "delivery_accepted", "--form", name, "--at", at, "--by", "zhang.wei");
    assertThat(log.code()).as(log.toString()).isZero();
    Files.delete(dir.resolve(name));
  }

  @Test
  void twoFormsAppendedOnTwoClonesMergeCleanlyAndKeepEveryValue() throws Exception {
    Path a = clone("a");
    Path b = clone("b");
    Path reference = clone("reference");
    logAcceptance(a, "accepted.yaml", ACCEPTED, "2026-11-20T15:00:00+08:00");
    commit(a, "a: accepted");
    ok(a, "push", "-q");
    logAcceptance(b, "rejected.yaml", REJECTED, "2026-11-18T15:00:00+08:00");
    commit(b, "b: rejected");

    GitMergeTest.Git pull = git(b, "pull", "--no-edit");

    assertThat(pull.code()).as(pull.out()).isZero();
    assertThat(pull.out()).doesNotContain("CONFLICT");
    logAcceptance(reference, "rejected.yaml", REJECTED, "2026-11-18T15:00:00+08:00");
    logAcceptance(reference, "accepted.yaml", ACCEPTED, "2026-11-20T15:00:00+08:00");
    assertThat(Files.readString(b.resolve(FILE))).as("byte for byte both recorded in time order")
        .isEqualTo(Files.readString(reference.resolve(FILE)));
    CliRun check = sf(b, "check");
    assertThat(check.code()).as(check.out() + check.err()).isZero();

    JsonNode forms = new ObjectMapper().readTree(sf(b, "--format", "json", "show", CASE, "--form", "delivery_accepted").out());
    assertThat(forms).hasSize(2);
    JsonNode rejected = forms.get(0).get("fields");
    assertThat(rejected.get("result").asText()).isEqualTo("rejected");
    assertThat(rejected.get("remarks").asText())
        .isEqualTo("主轴异响，需返厂检测\nCustomer said: \"not before the fix\"\n  - indented line, kept as written");
    assertThat(rejected.get("items")).hasSize(2);
    assertThat(rejected.get("items").get(1).get("model").asText()).isEqualTo("Spare kit: SK-7");
    assertThat(rejected.get("items").get(1).get("quantity").asText()).isEqualTo("3");
    assertThat(rejected.get("items").get(1).get("price").asText()).isEqualTo("1200.50");
    JsonNode accepted = forms.get(1).get("fields");
    assertThat(accepted.get("result").asText()).isEqualTo("accepted_with_remarks");
    assertThat(accepted.get("remarks").asText()).isEqualTo("外包装轻微破损\n# not a comment\n\ttab-indented");
    assertThat(accepted.get("items")).hasSize(1);
    assertThat(accepted.get("signer").asText()).isEqualTo("Li Na");
    assertThat(forms.get(1).get("missing_required")).isEmpty();
  }
}
