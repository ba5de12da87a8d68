package dev.salesflow.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exit codes, SLA modes, what {@code check PATH} covers, workspace files, and that check never writes. */
class CheckBehaviourTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOW = TestWorkspaces.NOW;

  @TempDir Path tmp;

  private Path corpus() throws IOException {
    Path ws = tmp.resolve("corpus");
    Trees.copyCorpus(ws);
    return ws;
  }

  private Path examples() throws IOException {
    Path ws = tmp.resolve("examples");
    Trees.copy(Trees.EXAMPLES, ws);
    return ws;
  }

  private static JsonNode json(CliRun run) throws IOException {
    return JSON.readTree(run.out());
  }

  // ---------------------------------------------------------------- exit codes

  @Test
  void theExamplesPassWithWarningsOnly() throws IOException {
    Path ws = examples();
    CliRun run = CliRun.in(ws, "check", "--now", NOW, "--format", "json");
    assertThat(run.code()).as("%s", run).isZero();
    JsonNode json = json(run);
    assertThat(json.get("errors").asInt()).isZero();
    assertThat(json.get("warnings").asInt()).isPositive();
    // also from elsewhere, with -w, and in text
    CliRun text = CliRun.in(tmp, "-w", "examples", "check", "--now", NOW);
    assertThat(text.code()).as("%s", text).isZero();
    assertThat(text.out()).contains(": warning: ").doesNotContain(": error: ");
    assertThat(text.err()).isEqualTo("Checked " + json.get("files").asInt() + " files: 0 errors, "
        + json.get("warnings").asInt() + " warnings\n");
  }

  /**
   * Under {@code 2>&1} (one stream for both, as a CI log has it) the summary comes after the
   * findings: the message stream of the real process flushes the buffered output first.
   */
  @Test
  void theSummaryFollowsTheFindingsInOneStream() throws IOException {
    Path ws = corpus();
    java.io.StringWriter both = new java.io.StringWriter();
    java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(both, 1 << 16), false);
    java.io.PrintWriter err = dev.salesflow.cli.Main.messagesAfter(out, both);
    int code = dev.salesflow.cli.Main.run(new dev.salesflow.cli.CliContext(out, err, Map.of("LANG", "en_US.UTF-8"), ws),
        "check", "--now", NOW);
    assertThat(code).isEqualTo(1);
    List<String> lines = both.toString().lines().toList();
    assertThat(lines.size()).isGreaterThan(2);
    assertThat(lines.get(lines.size() - 1)).startsWith("Checked ");
    assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).doesNotStartWith("Checked "));
  }

  @Test
  void strictFailsOnWarningsAlone() throws IOException {
    Path ws = examples();
    assertThat(CliRun.in(ws, "check", "--now", NOW, "--strict").code()).isEqualTo(1);
    assertThat(CliRun.in(ws, "check", "--now", NOW, "--strict", "--sla", "off").code()).isZero();
    Path corpus = corpus();
    assertThat(CliRun.in(corpus, "check", "--now", NOW, "--strict", "cases/clean-closed.yaml").code()).isZero();
    assertThat(CliRun.in(corpus, "check", "--now", NOW, "--strict", "cases/sla-late.yaml").code()).isEqualTo(1);
    assertThat(CliRun.in(corpus, "check", "--now", NOW, "cases/sla-late.yaml").code()).isZero();
  }

  @Test
  void errorsExitOne() throws IOException {
    Path ws = corpus();
    CliRun run = CliRun.in(ws, "check", "--now", NOW);
    assertThat(run.code()).isEqualTo(1);
    assertThat(CliRun.in(ws, "check", "--now", NOW, "cases/priority-d.yaml").code()).isEqualTo(1);
    assertThat(CliRun.in(ws, "check", "--now", NOW, "cases/clean-lead.yaml", "cases/clean-closed.yaml").code()).isZero();
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("check", "--now", NOW, "cases/no-such-case.yaml"), "no such file or folder"),
        Arguments.of(List.of("check", "--now", NOW, "no-such-folder"), "no such file or folder"),
        Arguments.of(List.of("check", "--now", NOW, "--format", "csv"), "--format csv is not supported here"),
        Arguments.of(List.of("check", "--now", NOW, "--sla", "sometimes"), "--sla"),
        Arguments.of(List.of("check", "--now", NOW, "--jobs", "0"), "--jobs must be from 1 to 256, got 0"),
        Arguments.of(List.of("check", "--now", "yesterday"), "--now: 'yesterday' is not"),
        Arguments.of(List.of("check", "--now", NOW, "--no-such-option"), "--no-such-option"),
        Arguments.of(List.of("-w", "no-such-workspace", "check", "--now", NOW), "does not exist"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorsExitTwoAndPrintNothingOnStdout(List<String> args, String message) throws IOException {
    Path ws = corpus();
    CliRun run = CliRun.in(ws, args.toArray(String[]::new));
    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message);
  }

  // ---------------------------------------------------------------- SLA modes

  @Test
  void slaOffHidesSlaFindingsAndNothingElse() throws IOException {
    Path ws = corpus();
    List<String> warn = Corpus.headlines(CliRun.in(ws, "check", "--now", NOW));
    CliRun off = CliRun.in(ws, "check", "--now", NOW, "--sla", "off");
    List<String> withoutSla = warn.stream().filter(l -> !l.matches(".*\\[SF30\\d [a-z-]+\\]$")).toList();
    assertThat(withoutSla).hasSize(warn.size() - 2);
    assertThat(Corpus.headlines(off)).containsExactlyElementsOf(withoutSla);
    assertThat(off.code()).isEqualTo(1);

    Path examples = examples();
    CliRun quiet = CliRun.in(examples, "check", "--now", NOW, "--sla", "off", "--format", "json");
    assertThat(json(quiet).get("findings").size()).isZero();
    assertThat(json(quiet).get("warnings").asInt()).isZero();
  }

  @Test
  void slaErrorMakesLateAndBreachedClocksErrors() throws IOException {
    Path ws = corpus();
    CliRun breached = CliRun.in(ws, "check", "--now", NOW, "--sla", "error", "cases/sla-breached.yaml");
    assertThat(breached.code()).isEqualTo(1);
    assertThat(Corpus.headlines(breached)).containsExactly(
        "cases/sla-breached.yaml:10:16: error: SLA first-contact breached: due 2026-11-18T23:59:59+08:00, still open [SF301 sla-breached]");
    CliRun late = CliRun.in(ws, "check", "--now", NOW, "--sla", "ERROR", "cases/sla-late.yaml");
    assertThat(late.code()).isEqualTo(1);
    assertThat(Corpus.headlines(late)).containsExactly(
        "cases/sla-late.yaml:14:5: error: SLA needs-record met late: due 2026-11-03T14:00:00+08:00, done 2026-11-03T20:00:00+08:00 [SF302 sla-late]");
    CliRun warn = CliRun.in(ws, "check", "--now", NOW, "--sla", "warn", "cases/sla-late.yaml");
    assertThat(warn.code()).isZero();
    assertThat(Corpus.headlines(warn)).singleElement().asString().contains(": warning: SLA needs-record met late");

    Path examples = examples();
    JsonNode json = json(CliRun.in(examples, "check", "--now", NOW, "--sla", "error", "--format", "json"));
    JsonNode warnJson = json(CliRun.in(examples, "check", "--now", NOW, "--format", "json"));
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(json.get("errors").asInt()).isEqualTo(warnJson.get("warnings").asInt()).isPositive();
    assertThat(CliRun.in(examples, "check", "--now", NOW, "--sla", "error").code()).isEqualTo(1);
  }

  @Test
  void slaClocksAreJudgedAtNow() throws IOException {
    Path ws = corpus();
    // first-contact of a priority C case registered 2026-11-09 is due on 2026-11-18 at 23:59:59
    assertThat(Corpus.headlines(CliRun.in(ws, "check", "--now", "2026-11-18T23:59:00+08:00", "cases/sla-breached.yaml"))).isEmpty();
    assertThat(Corpus.headlines(CliRun.in(ws, "check", "--now", "2026-11-19T00:00:00+08:00", "cases/sla-breached.yaml")))
        .singleElement().asString().contains("[SF301 sla-breached]");
  }

  // ---------------------------------------------------------------- paths

  @Test
  void checkOneFileChecksTheWorkspaceSettingsAndThatFile() throws IOException {
    Path ws = corpus();
    CliRun run = CliRun.in(ws, "check", "--now", NOW, "--format", "json", "cases/priority-d.yaml");
    JsonNode json = json(run);
    assertThat(json.get("files").asInt()).isEqualTo(2);
    assertThat(json.get("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("file").asText()).isEqualTo("cases/priority-d.yaml");
      assertThat(f.get("code").asText()).isEqualTo("SF104");
    });
    // from inside cases/, the path is as the user gave it
    CliRun inside = CliRun.in(ws.resolve("cases"), "check", "--now", NOW, "priority-d.yaml");
    assertThat(Corpus.headlines(inside)).containsExactly(
        "priority-d.yaml:8:11: error: priority must be A, B or C, got 'D' [SF104 bad-value]");
  }

  @Test
  void checkAFolderChecksTheYamlFilesUnderIt() throws IOException {
    Path ws = corpus();
    Files.writeString(ws.resolve("cases/more/README.txt"), "not a case file: ignored\n");
    Files.createDirectories(ws.resolve("cases/more/.hidden"));
    Files.writeString(ws.resolve("cases/more/.hidden/junk.yaml"), "::: not yaml\n");
    CliRun run = CliRun.in(ws, "check", "--now", NOW, "--format", "json", "cases/more");
    assertThat(run.code()).as("%s", run).isZero();
    assertThat(json(run).get("files").asInt()).isEqualTo(2); // salesflow.yaml and cases/more/dup-id.yaml
    assertThat(json(run).get("findings").size()).isZero();
    // paths in two places holding the same id: the duplicate is found across them, on the later one given
    CliRun both = CliRun.in(ws, "check", "--now", NOW, "cases/more", "cases/dup-id.yaml");
    assertThat(Corpus.headlines(both)).containsExactly("cases/dup-id.yaml:2:5: error: id 'dup-id' is also used by "
        + ws.resolve("cases/more/dup-id.yaml") + " [SF112 duplicate-id]");
    CliRun swapped = CliRun.in(ws, "check", "--now", NOW, "cases/dup-id.yaml", "cases/more");
    assertThat(Corpus.headlines(swapped)).containsExactly("cases/more/dup-id.yaml:2:5: error: id 'dup-id' is also used by "
        + ws.resolve("cases/dup-id.yaml") + " [SF112 duplicate-id]");
  }

  @Test
  void checkWithoutPathsChecksTheWorkspaceCasesFromAnySubfolder() throws IOException {
    Path ws = corpus();
    CliRun fromRoot = CliRun.in(ws, "check", "--now", NOW, "--format", "json");
    CliRun fromSub = CliRun.in(ws.resolve("cases/more"), "check", "--now", NOW, "--format", "json");
    assertThat(json(fromSub).get("files")).isEqualTo(json(fromRoot).get("files"));
    assertThat(json(fromSub).get("findings").size()).isEqualTo(json(fromRoot).get("findings").size());
    assertThat(json(fromSub).get("findings").get(0).get("file").asText()).startsWith(ws.toString());
  }

  // ---------------------------------------------------------------- workspace files

  private Path workspace(String config, Map<String, String> files) throws IOException {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Files.writeString(ws.resolve("salesflow.yaml"), config, StandardCharsets.UTF_8);
    for (var e : files.entrySet()) {
      Files.createDirectories(ws.resolve(e.getKey()).getParent());
      Files.writeString(ws.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(ws.resolve("cases"));
    Files.copy(Corpus.CASES.resolve("clean-lead.yaml"), ws.resolve("cases/clean-lead.yaml"));
    Files.copy(Corpus.CASES.resolve("priority-d.yaml"), ws.resolve("cases/priority-d.yaml"));
    return ws;
  }

  @Test
  void aBrokenSalesflowYamlIsReportedAndNoCaseFileIsChecked() throws IOException {
    Path ws = workspace("timezone: Asia/Shanghai\napproval_treshold: 500000\n", Map.of());
    CliRun run = CliRun.in(ws, "check", "--now", NOW);
    assertThat(run.code()).as("%s", run).isEqualTo(1);
    // the known fields are named (their list grows with the settings, so only its ends are pinned)
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0))
        .startsWith("salesflow.yaml:2:1: error: unknown field 'approval_treshold' (known: approval_threshold, calendar, id_prefix, process, ")
        .endsWith(", timezone) [SF101 unknown-field]");
    assertThat(run.outLines().subList(1, 3)).containsExactly("  approval_treshold: 500000", "  ^");
    assertThat(run.err()).isEqualTo("Checked 1 file: 1 error, 0 warnings\n");
    Files.writeString(ws.resolve("salesflow.yaml"), "timezone: Mars/Olympus\n");
    assertThat(Corpus.headlines(CliRun.in(ws, "check", "--now", NOW))).containsExactly(
        "salesflow.yaml:1:11: error: unknown time zone 'Mars/Olympus' (use a region id such as Asia/Shanghai) [SF104 bad-value]");
    Files.writeString(ws.resolve("salesflow.yaml"), "timezone: [Asia/Shanghai\n");
    CliRun syntax = CliRun.in(ws, "check", "--now", NOW, "--format", "json");
    assertThat(syntax.code()).isEqualTo(1);
    assertThat(json(syntax).get("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("file").asText()).isEqualTo("salesflow.yaml");
      assertThat(f.get("code").asText()).isEqualTo("SF100");
      assertThat(f.get("case").isNull()).isTrue();
    });
  }

  private static final String PROCESS = """
      id: two-stage
      sources:
        web: {en: Web, zh: 网络}
      event_fields:
        to: {kind: stage}
        reason: {kind: text}
      event_types:
        contacted: {labels: {en: Contacted, zh: 联系}}
        quoted: {labels: {en: Quoted, zh: 报价}}
      generic_events: [contacted]
      stages:
        - id: lead
          labels: {en: Lead, zh: 线索}
          events: []
          exit:
            - {require: event, type: contacted}
        - id: offer
          labels: {en: Offer, zh: 报价}
          events: [quoted]
          exit:
            - {require: event, type: quoted}
      closed: {id: closed, labels: {en: Closed, zh: 结案}}
      lost: {id: lost, labels: {en: Lost, zh: 丢单}}
      sla:
        - id: quote-fast
          start: contacted
          during: [lead, offer]
          stop: [quoted]
          target: 3 days
      """;

  @Test
  void aCustomProcessIsCheckedAndCasesAreCheckedAgainstIt() throws IOException {
    Path ws = workspace("process: two-stage.yaml\n", Map.of("two-stage.yaml", PROCESS));
    CliRun run = CliRun.in(ws, "check", "--now", NOW, "--format", "json");
    JsonNode json = json(run);
    assertThat(json.get("files").asInt()).isEqualTo(4); // salesflow.yaml, two-stage.yaml and two case files
    List<String> lines = new ArrayList<>();
    json.get("findings").forEach(f -> lines.add(f.get("file").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt()
        + " " + f.get("code").asText() + " " + f.get("message").asText()));
    // 'exhibition' is a source of the default process, not of this one
    assertThat(lines).contains("cases/clean-lead.yaml:7:9 SF104 unknown source 'exhibition' (known: web)");
    assertThat(run.code()).isEqualTo(1);
  }

  @Test
  void aBrokenProcessIsReportedAtItsPlaces() throws IOException {
    String broken = PROCESS.replace("- {require: event, type: quoted}", "- {require: event, type: quote_sent}")
        .replace("during: [lead, offer]", "during: [lead, nowhere]");
    Path ws = workspace("process: two-stage.yaml\n", Map.of("two-stage.yaml", broken));
    CliRun run = CliRun.in(ws, "check", "--now", NOW);
    assertThat(run.code()).as("%s", run).isEqualTo(1);
    assertThat(Corpus.headlines(run)).containsExactly(
        "two-stage.yaml:21:26: error: unknown event type 'quote_sent' (declare it under event_types) [SF104 bad-value]",
        "two-stage.yaml:27:5: error: rule quote-fast: 'during' names no stage: 'nowhere' [SF104 bad-value]");

    Files.writeString(ws.resolve("two-stage.yaml"), PROCESS.replace("target: 3 days", "target: 3 fortnights"));
    CliRun target = CliRun.in(ws, "check", "--now", NOW, "--format", "junit");
    assertThat(target.code()).isEqualTo(1);
    assertThat(target.out()).contains("<testcase classname=\"salesflow.check\" name=\"two-stage.yaml\">")
        .contains("<failure type=\"SF104\" message=\"1 error(s); first: rule quote-fast: target: Invalid SLA target &apos;3 fortnights&apos;");
    assertThat(Corpus.headlines(CliRun.in(ws, "check", "--now", NOW))).singleElement().asString()
        .startsWith("two-stage.yaml:29:5: error: rule quote-fast: target: Invalid SLA target '3 fortnights'");

    Files.delete(ws.resolve("two-stage.yaml"));
    assertThat(Corpus.headlines(CliRun.in(ws, "check", "--now", NOW))).singleElement().asString()
        .startsWith("salesflow.yaml:1:10: error: process file ").endsWith("two-stage.yaml does not exist [SF104 bad-value]");
  }

  @Test
  void aCalendarFileIsCheckedAndListed() throws IOException {
    Path ws = workspace("calendar: company-calendar.yaml\n",
        Map.of("company-calendar.yaml", "# company days off\nextends: cn\nholidays: [2026-12-24, 2026-13-01]\n"));
    CliRun run = CliRun.in(ws, "check", "--now", NOW);
    assertThat(run.code()).isEqualTo(1);
    assertThat(Corpus.headlines(run)).containsExactly(
        "company-calendar.yaml:3:24: error: holidays: '2026-13-01' is not a date (YYYY-MM-DD) [SF104 bad-value]");
    Files.writeString(ws.resolve("company-calendar.yaml"), "# company days off\nextends: cn\nholidays: [2026-12-24]\n");
    CliRun junit = CliRun.in(ws, "check", "--now", NOW, "--format", "junit");
    assertThat(junit.out()).contains("<testcase classname=\"salesflow.check\" name=\"company-calendar.yaml\"/>");
    assertThat(json(CliRun.in(ws, "check", "--now", NOW, "--format", "json")).get("files").asInt())
        .isEqualTo(4); // salesflow.yaml, the calendar and two case files
  }

  // ---------------------------------------------------------------- time zone of --now

  @Test
  void aNowWithoutOffsetIsReadInTheWorkspaceTimeZone() throws IOException {
    Path ws = workspace("timezone: Europe/Berlin\ncalendar: weekly\n", Map.of());
    Files.delete(ws.resolve("cases/priority-d.yaml"));
    Files.writeString(ws.resolve("cases/clean-lead.yaml"),
        Files.readString(ws.resolve("cases/clean-lead.yaml")).replace("+08:00", "+01:00")
            + "  - {at: 2026-11-26T12:00:00+01:00, type: note, by: zhang.wei}\n");
    CliRun after = CliRun.in(ws, "check", "--now", "2026-11-26T12:30");
    assertThat(after.code()).as("%s", after).isZero();
    assertThat(after.out()).isEmpty();
    CliRun before = CliRun.in(ws, "check", "--now", "2026-11-26T11:30");
    assertThat(Corpus.headlines(before)).containsExactly(
        "cases/clean-lead.yaml:14:5: error: event #2 is at 2026-11-26T12:00:00+01:00, after now (2026-11-26T11:30:00+01:00) [SF204 future-event]");
    CliRun env = CliRun.in(ws, Map.of("SALESFLOW_NOW", "2026-11-26T11:30"), "check");
    assertThat(Corpus.headlines(env)).isEqualTo(Corpus.headlines(before));
  }

  // ---------------------------------------------------------------- never writes

  @Test
  void checkNeverWrites() throws IOException {
    Path ws = corpus();
    Files.writeString(ws.resolve("cases/more/ACME-1.yaml.lock"), ""); // a stray file is left alone too
    FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    try (Stream<Path> all = Files.walk(ws)) {
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, past);
      }
    }
    var before = Trees.snapshot(ws);
    List<List<String>> runs = List.of(
        List.of("check", "--now", NOW),
        List.of("check", "--now", NOW, "--format", "json"),
        List.of("check", "--now", NOW, "--format", "junit"),
        List.of("check", "--now", NOW, "--format", "sarif"),
        List.of("check", "--now", NOW, "--format", "github"),
        List.of("check", "--now", NOW, "--strict", "--sla", "error", "--jobs", "3"),
        List.of("check", "--now", NOW, "cases/priority-d.yaml", "cases/more"),
        List.of("check", "--now", NOW, "cases/no-such.yaml"));
    for (List<String> args : runs) {
      CliRun run = CliRun.in(ws, args.toArray(String[]::new));
      assertThat(run.code()).as("%s: %s", args, run).isIn(1, 2);
    }
    assertThat(Trees.snapshot(ws)).isEqualTo(before);
  }
}
