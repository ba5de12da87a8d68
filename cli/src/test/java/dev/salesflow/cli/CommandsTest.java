package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the foundation as a user or a script runs them, against a fresh workspace. */
class CommandsTest {
  private static final String NOW = "2026-11-20T10:00:00+08:00";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void init() {
    ws = dir.resolve("ws");
    assertThat(run(dir, "init", "ws").code()).isZero();
  }

  private CliRun run(Path cwd, String... args) {
    return CliRun.in(cwd, args);
  }

  private CliRun sf(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "-w";
    all[1] = ws.toString();
    all[2] = "--now";
    all[3] = NOW;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.in(dir, all);
  }

  private String register() {
    CliRun r = sf("register", "--company", "苏州精工机械有限公司", "--industry", "manufacturing",
        "--contact-name", "王磊", "--contact-title", "采购经理", "--phone", "+86 512 5555 0101",
        "--source", "exhibition", "--priority", "A", "--owner", "zhang.wei", "--need", "数控机床配件年度采购",
        "--at", "2026-11-02T09:30:00+08:00");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().strip();
  }

  @Test
  void initWritesAWorkspaceAndRefusesToOverwriteIt() throws Exception {
    assertThat(ws.resolve("salesflow.yaml")).isRegularFile();
    assertThat(ws.resolve("cases")).isDirectory();
    String before = Files.readString(ws.resolve("salesflow.yaml"));
    CliRun again = run(dir, "init", "ws");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    assertThat(Files.readString(ws.resolve("salesflow.yaml"))).isEqualTo(before);
  }

  @Test
  void registerPrintsTheNextIdOfTheYearAndRefusesADuplicate() {
    assertThat(register()).isEqualTo("SF-2026-001");
    assertThat(register()).isEqualTo("SF-2026-002");
    CliRun dup = sf("register", "--id", "SF-2026-001", "--company", "X", "--industry", "y", "--contact-name", "Z",
        "--source", "online", "--priority", "B", "--owner", "li.na");
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("SF-2026-001 already exists");
  }

  @Test
  void registerListsEveryMissingOrBadFieldAtOnce() {
    CliRun r = sf("register", "--company", "X", "--priority", "D", "--source", "fax");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing --industry", "missing --contact-name", "missing --owner",
        "unknown source 'fax'", "priority must be A, B or C");
    assertThat(ws.resolve("cases").toFile().list((d, name) -> name.endsWith(".yaml"))).isEmpty();
  }

  @Test
  void logAppendsAndAdvanceEnforcesGuards() throws Exception {
    String id = register();
    assertThat(sf("log", id, "meeting", "--at", "2026-11-03T14:00", "--by", "zhang.wei").code()).isZero();
    assertThat(sf("advance", id, "--to", "needs", "--at", "2026-11-03T15:00").code()).isZero();
    CliRun refused = sf("advance", id, "--to", "solution", "--at", "2026-11-03T16:00");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("missing event 'requirements_recorded'", "missing event 'requirements_confirmed'",
        "missing event 'analysis_reported'");
    String file = Files.readString(ws.resolve("cases/" + id + ".yaml"));
    assertThat(file).endsWith("  - {at: 2026-11-03T14:00:00+08:00, type: meeting, by: zhang.wei}\n"
        + "  - {at: 2026-11-03T15:00:00+08:00, type: advance, to: needs}\n");
  }

  @Test
  void dryRunReportsWithoutWriting() throws Exception {
    String id = register();
    Path file = ws.resolve("cases/" + id + ".yaml");
    byte[] before = Files.readAllBytes(file);
    CliRun ok = sf("--format", "json", "advance", id, "--to", "needs", "--dry-run");
    assertThat(ok.code()).isZero();
    JsonNode result = JSON.readTree(ok.out());
    assertThat(result.get("allowed").asBoolean()).isTrue();
    assertThat(result.get("applied").asBoolean()).isFalse();
    CliRun refused = sf("advance", id, "--to", "solution", "--dry-run", "--format", "json");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(JSON.readTree(refused.out()).get("unmet").toString()).contains("cannot move from lead to solution");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void anEventNotAllowedInTheStageIsRefusedWithExit1() {
    String id = register();
    CliRun r = sf("log", id, "contract_signed", "--set", "amount=5");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("'contract_signed' cannot be recorded in stage lead");
  }

  @Test
  void badValuesAndUnknownCasesAreUsageErrors() {
    String id = register();
    assertThat(sf("show", "NOPE-1").code()).isEqualTo(2);
    assertThat(sf("show", "../etc/passwd").err()).contains("invalid case id");
    assertThat(sf("log", id, "note", "--at", "yesterday").err()).contains("--at: 'yesterday' is not");
    assertThat(sf("log", id, "note", "--set", "nonsense").code()).isEqualTo(2);
    assertThat(sf("advance", id, "--to", "heaven").err()).contains("unknown stage 'heaven'");
    assertThat(sf("list", "--format", "sarif").code()).isEqualTo(2);
    assertThat(sf("--bogus", "list").code()).isEqualTo(2);
  }

  @Test
  void noWorkspaceIsAUsageError() {
    CliRun r = run(dir, "list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no salesflow.yaml");
  }

  @Test
  void theWorkspaceIsFoundUpwardFromTheWorkingFolder() throws Exception {
    register();
    Path deep = Files.createDirectories(ws.resolve("cases/sub/deeper"));
    CliRun r = run(deep, "list", "--format", "csv");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("id,stage,stage_since,priority,owner,company\r\n"
        + "SF-2026-001,lead,2026-11-02T09:30:00+08:00,A,zhang.wei,苏州精工机械有限公司\r\n");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheSubcommand() {
    register();
    String before = sf("--format", "json", "list").out();
    String after = sf("list", "--format", "json").out();
    assertThat(before).isEqualTo(after).contains("\"id\" : \"SF-2026-001\"");
  }

  @Test
  void nowComesFromTheEnvironmentWhenNotGiven() {
    CliRun r = CliRun.in(dir, Map.of("SALESFLOW_NOW", "2026-05-05T08:00:00+08:00"),
        "-w", ws.toString(), "register", "--company", "Nordic Pumps AB", "--industry", "pumps", "--contact-name", "Erik",
        "--email", "erik@nordicpumps.se", "--source", "online", "--priority", "B", "--owner", "li.na");
    assertThat(r.out().strip()).isEqualTo("SF-2026-001");
    CliRun show = CliRun.in(dir, "-w", ws.toString(), "--now", "2026-05-06T08:00:00+08:00", "--format", "json", "show", "SF-2026-001");
    assertThat(show.out()).contains("\"registered_at\" : \"2026-05-05T08:00:00+08:00\"");
  }

  /** 'help', a subcommand's -V, and an unknown command named as typed, wherever the shell's options put it. */
  @Test
  void helpVersionAndUnknownCommandsSpeakPlainly() {
    CliRun help = CliRun.in(dir, "help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: salesflow ").contains("overdue", "check");
    assertThat(CliRun.in(dir, "help", "log").out()).startsWith("Usage: salesflow log ");
    CliRun version = CliRun.in(dir, "log", "-V");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("salesflow ");
    for (String[] args : List.of(new String[] {"lgo"}, new String[] {"-w", ws.toString(), "--no-color", "lgo"})) {
      CliRun unknown = CliRun.in(dir, args);
      assertThat(unknown.code()).isEqualTo(2);
      assertThat(unknown.err()).startsWith("salesflow: unknown command 'lgo'").doesNotContain("index");
    }
    assertThat(CliRun.in(dir, "overdeu").err()).startsWith("salesflow: unknown command 'overdeu'; did you mean 'overdue'");
    CliRun extra = CliRun.in(dir, "-w", ws.toString(), "list", "extra");
    assertThat(extra.code()).isEqualTo(2);
    assertThat(extra.err()).startsWith("salesflow: unexpected argument 'extra'");
  }

  /** Without --now or SALESFLOW_NOW the clock's time is written in whole seconds, as a person would type it. */
  @Test
  void theRealTimeIsWrittenInWholeSeconds() throws Exception {
    CliRun r = CliRun.in(dir, "-w", ws.toString(), "register", "--company", "Nordic Pumps AB", "--industry", "pumps",
        "--contact-name", "Erik", "--email", "erik@nordicpumps.se", "--source", "online", "--priority", "B", "--owner", "li.na");
    assertThat(r.code()).as("%s", r).isZero();
    String id = r.out().strip();
    assertThat(CliRun.in(dir, "-w", ws.toString(), "log", id, "note", "--note", "first call").code()).isZero();
    String file = Files.readString(ws.resolve("cases/" + id + ".yaml"));
    java.util.regex.Matcher times = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+[+-]\\d{2}:\\d{2}").matcher(file);
    int seen = 0;
    while (times.find()) {
      seen++;
      assertThat(times.group()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
    }
    assertThat(seen).as(file).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aMalformedCaseFileFailsWithItsPlaceAndExit3AndNothingIsWritten() throws Exception {
    String id = register();
    Path file = ws.resolve("cases/" + id + ".yaml");
    String broken = Files.readString(file).replace("priority: A", "priority: D\ncolour: red");
    Files.writeString(file, broken);
    CliRun r = sf("log", id, "note", "--note", "hello");
    assertThat(r.code()).isEqualTo(3);
    Path shown = ws.getParent().relativize(file); // relative to the working folder, as check shows it
    assertThat(r.err()).contains(shown + ":10:11: error: priority must be A, B or C, got 'D' [SF104 bad-value]")
        .contains(shown + ":11:1: error: unknown field 'colour'")
        .contains("  priority: D\n            ^");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(Files.readString(file)).isEqualTo(broken);
  }

  @Test
  void aBadWorkspaceConfigIsAUsageErrorNamingTheField() throws Exception {
    Files.writeString(ws.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\napproval_treshold: 5\n");
    CliRun r = sf("list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("salesflow.yaml:2:1: error: unknown field 'approval_treshold' (known: ")
        .contains("approval_threshold");
  }

  @Test
  void stackTracesOnlyWithVerbose() throws Exception {
    String id = register();
    Files.writeString(ws.resolve("cases/" + id + ".yaml"), "id: [unclosed\n", StandardCharsets.UTF_8);
    assertThat(sf("show", id).err()).doesNotContain("\tat ");
    assertThat(sf("--verbose", "show", id).err()).contains("\tat ");
  }

  @Test
  void overdueExitsOneOnlyWhenSomethingIsBreached() throws Exception {
    String id = register();
    assertThat(sf("log", id, "meeting", "--at", "2026-11-03T14:00").code()).isZero();
    CliRun early = CliRun.in(dir, "-w", ws.toString(), "--now", "2026-11-04T11:00:00+08:00", "overdue", "--due-within", "4h", "--format", "json");
    assertThat(early.code()).as(early.err()).isZero();
    JsonNode soon = JSON.readTree(early.out());
    assertThat(soon).hasSize(1);
    assertThat(soon.get(0).get("state").asText()).isEqualTo("due_soon");
    assertThat(soon.get(0).get("due_at").asText()).isEqualTo("2026-11-04T14:00:00+08:00");
    CliRun late = sf("overdue", "--format", "json");
    assertThat(late.code()).isEqualTo(1);
    JsonNode breached = JSON.readTree(late.out()).get(0);
    assertThat(breached.get("case").asText()).isEqualTo(id);
    assertThat(breached.get("rule").asText()).isEqualTo("needs-record");
    assertThat(breached.get("state").asText()).isEqualTo("breached");
    assertThat(breached.get("overdue_by").asText()).isEqualTo("PT380H");
    assertThat(sf("overdue", "--rule", "no-such-rule").code()).isEqualTo(2);
    assertThat(sf("overdue", "--due-within", "soon").code()).isEqualTo(2);
  }
}
