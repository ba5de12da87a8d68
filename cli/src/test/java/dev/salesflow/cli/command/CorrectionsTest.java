package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import dev.salesflow.core.store.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edit}, {@code reassign} and {@code reopen} on every store: a case imported without phone
 * or e-mail is fixed and advanced; the owner that lists, overdue and reports follow is the
 * current one; a lost case goes back where it was lost from; the case file's header stays as first
 * written, and a database keeps it too (a migration back to files gives the same header).
 */
class CorrectionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path ws;
  private String store;

  private CliRun sf(String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", TestWorkspaces.NOW));
    if (store != null) {
      all.addAll(List.of("--store", store));
    }
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new)).assertNoStackTrace();
  }

  private CliRun ok(String... args) {
    CliRun r = sf(args);
    assertThat(r.code()).as("%s: %s%n%s", store, String.join(" ", args), r).isZero();
    return r;
  }

  private JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    CliRun r = sf(all.toArray(String[]::new));
    assertThat(r.code()).as("%s: %s%n%s", store, all, r).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  @Test
  void onFiles() throws Exception {
    correct(null);
    String file = Files.readString(ws.resolve("cases/IMP-1.yaml"), StandardCharsets.UTF_8);
    String header = file.substring(0, file.indexOf("events:"));
    assertThat(header).contains("owner: li.na").doesNotContain("phone").doesNotContain("priority: A");
    assertThat(file.substring(file.indexOf("events:"))).contains("registration_edited", "reassigned", "reopened");
    CliRun check = sf("check", ws.resolve("cases/IMP-1.yaml").toString());
    assertThat(check.code()).as("%s", check).isZero();
  }

  @Test
  void onSqlite() throws Exception {
    correct("sqlite:" + dir.resolve("c.db"));
    headerKeptThroughMigration();
  }

  @Test
  void onPostgres() throws Exception {
    correct(PostgresServer.get().newSchemaSpec());
    headerKeptThroughMigration();
  }

  /** A migration to files writes the header as first written, and replays to the same current case. */
  private void headerKeptThroughMigration() throws Exception {
    JsonNode before = json("show", "IMP-1");
    ok("migrate", "--to", dir.resolve("back").toString());
    String file = Files.readString(dir.resolve("back/IMP-1.yaml"), StandardCharsets.UTF_8);
    String header = file.substring(0, file.indexOf("events:"));
    assertThat(header).contains("owner: li.na").doesNotContain("phone");
    store = dir.resolve("back").toString();
    assertThat(json("show", "IMP-1")).isEqualTo(before);
  }

  private void correct(String spec) throws Exception {
    ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    Path csv = dir.resolve("deals.csv");
    Files.writeString(csv, "id,company,industry,contact_name,source,priority,owner,registered_at\n"
        + "IMP-1,Delta Tools,manufacturing,Wang Lei,online,B,li.na,2026-11-02T09:00:00+08:00\n");
    if (spec != null) {
      ok("migrate", "--to", spec);
      store = spec;
    }
    ok("import", csv.toString());

    // imported without phone or e-mail: it cannot leave lead until corrected
    CliRun blocked = sf("advance", "IMP-1", "--to", "needs");
    assertThat(blocked.code()).as("%s", blocked).isEqualTo(1);
    CliRun bad = sf("edit", "IMP-1", "--set", "email=wang at delta");
    assertThat(bad.code()).as("%s", bad).isEqualTo(2);
    assertThat(bad.err()).contains("email 'wang at delta' is not an e-mail address");
    CliRun unknown = sf("edit", "IMP-1", "--set", "colour=red");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown field 'colour'");
    CliRun dry = ok("edit", "IMP-1", "--set", "phone=+86 512 5555 0199", "--dry-run");
    assertThat(dry.err()).contains("dry run, nothing written");
    assertThat(json("show", "IMP-1").at("/customer/contact/phone").isMissingNode()
        || json("show", "IMP-1").at("/customer/contact/phone").isNull()).isTrue();

    JsonNode edited = json("edit", "IMP-1", "--set", "phone=+86 512 5555 0199", "--set", "priority=a",
        "--reason", "from the business card");
    assertThat(edited.get("event").asText()).isEqualTo("registration_edited");
    assertThat(edited.at("/fields/customer.contact.phone").asText()).isEqualTo("+86 512 5555 0199");
    assertThat(edited.at("/fields/priority").asText()).isEqualTo("A");
    assertThat(edited.get("applied").asBoolean()).isTrue();
    ok("advance", "IMP-1", "--to", "needs");
    JsonNode shown = json("show", "IMP-1");
    assertThat(shown.toString()).contains("+86 512 5555 0199");
    assertThat(shown.get("priority").asText()).isEqualTo("A");
    assertThat(shown.get("stage").asText()).isEqualTo("needs");
    CliRun same = sf("edit", "IMP-1", "--set", "priority=A");
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("nothing to change");
    CliRun owner = sf("edit", "IMP-1", "--set", "owner=zhang.wei");
    assertThat(owner.code()).isEqualTo(2);
    assertThat(owner.err()).contains("reassign");

    // reassign: lists, overdue and the owners report follow the current owner
    CliRun typo = sf("reassign", "IMP-1", "--to", "zhang.wie");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown owner 'zhang.wie'", "--allow-unknown");
    assertThat(sf("reassign", "IMP-1", "--to", "li.na").err()).contains("already owned by 'li.na'");
    assertThat(json("overdue", "--owner", "li.na").toString()).contains("IMP-1");
    JsonNode reassigned = json("reassign", "IMP-1", "--to", "zhang.wei", "--reason", "li.na moved to export sales");
    assertThat(reassigned.at("/fields/from").asText()).isEqualTo("li.na");
    assertThat(json("list", "--owner", "zhang.wei").toString()).contains("IMP-1");
    assertThat(json("list", "--owner", "li.na").toString()).doesNotContain("IMP-1");
    assertThat(json("overdue", "--owner", "zhang.wei").toString()).contains("IMP-1");
    assertThat(json("overdue", "--owner", "li.na").toString()).doesNotContain("IMP-1");
    assertThat(json("show", "IMP-1").get("owner").asText()).isEqualTo("zhang.wei");
    ok("reassign", "IMP-1", "--to", "wu.fang", "--allow-unknown", "--dry-run");
    assertThat(json("show", "IMP-1").get("owner").asText()).isEqualTo("zhang.wei");

    // reopen: only a lost case, back to the stage it was lost from, with a reason
    CliRun notLost = sf("reopen", "IMP-1", "--reason", "x");
    assertThat(notLost.code()).as("%s", notLost).isEqualTo(1);
    assertThat(notLost.err()).contains("only a lost case can be reopened");
    ok("advance", "IMP-1", "--to", "lost", "--reason", "budget cut");
    CliRun lostLog = sf("log", "IMP-1", "contacted");
    assertThat(lostLog.code()).isEqualTo(1);
    assertThat(lostLog.err()).contains("'reopen'");
    CliRun noReason = sf("reopen", "IMP-1");
    assertThat(noReason.code()).isEqualTo(2);
    assertThat(noReason.err()).contains("--reason");
    JsonNode reopened = json("reopen", "IMP-1", "--reason", "lost by mistake: the budget was approved");
    assertThat(reopened.at("/fields/to").asText()).isEqualTo("needs");
    assertThat(json("show", "IMP-1").get("stage").asText()).isEqualTo("needs");
    ok("log", "IMP-1", "contacted");
  }
}
