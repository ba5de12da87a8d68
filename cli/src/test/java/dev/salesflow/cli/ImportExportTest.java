package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} and {@code export} on real files. */
class ImportExportTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final String HEADER = "公司名称,行业,联系人,职务,电话,邮箱,来源,优先级,负责人,需求\n";

  @TempDir Path dir;
  Path ws;

  @BeforeEach
  void init() {
    ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
  }

  private CliRun sf(Path workspace, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", workspace.toString(), "--now", NOW));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  private static String lead(int i) {
    return "公司" + i + "有限公司,manufacturing,联系人" + i + ",采购经理,+86 512 5555 " + String.format("%04d", i)
        + ",buyer" + i + "@example.cn,展会,B,zhang.wei,需求 " + i + "\n";
  }

  private long caseFiles(Path workspace) throws IOException {
    try (Stream<Path> files = Files.list(workspace.resolve("cases"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).count();
    }
  }

  @Test
  void aThousandRowsWithThreeBadOnesNameAllThreeAndWriteNothing() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 1000; i++) {
      String line = lead(i);
      if (i == 17) {
        line = line.replace(",B,", ",D,");            // row 18: bad priority
      } else if (i == 502) {
        line = line.substring(line.indexOf(','));     // row 503: no company
      } else if (i == 1000) {
        line = line.replace("@example.cn", "");       // row 1001: bad e-mail
      }
      csv.append(line);
    }
    Path file = dir.resolve("leads.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    CliRun strict = sf(ws, "import", file.toString());
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err().lines().filter(l -> l.contains(": row ")).toList()).containsExactly(
        file + ": row 18: priority must be A, B or C, got 'D'",
        file + ": row 503: missing company",
        file + ": row 1001: email 'buyer1000' is not an e-mail address");
    assertThat(strict.out()).contains("Nothing registered: 3 invalid rows");
    assertThat(caseFiles(ws)).isZero();

    long started = System.nanoTime();
    CliRun skip = sf(ws, "import", "--skip-invalid", file.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(skip.code()).isEqualTo(1);
    assertThat(skip.out()).contains("Registered 997 cases (SF-2026-001 … SF-2026-997) from 1000 rows; 3 invalid.");
    assertThat(caseFiles(ws)).isEqualTo(997);
    System.out.println("import of 997 rows took " + millis + " ms");

    CliRun again = sf(ws, "import", "--skip-invalid", file.toString());
    assertThat(again.out()).contains("Registered no cases from 1000 rows; 997 already registered; 3 invalid.");
    assertThat(caseFiles(ws)).isEqualTo(997);
  }

  @Test
  void rowsWithIdsAreEachTheirOwnCaseAndOnlyRowsWithoutOneAreMatchedByCompanyAndContact() throws IOException {
    StringBuilder csv = new StringBuilder("id,company,industry,contact_name,source,priority,owner\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("DEAL-").append(i).append(",Acme Ltd,retail,Li Na,online,B,ann\n"); // one account, five deals
    }
    csv.append(",Acme Ltd,retail,Li Na,online,B,ann\n");                             // row 7: no id
    Path file = dir.resolve("deals.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    CliRun first = sf(ws, "import", file.toString());
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(caseFiles(ws)).isEqualTo(5);
    assertThat(first.out()).contains("row 7: Acme Ltd / Li Na repeats row 2; skipped", "Registered 5 cases");
    CliRun again = sf(ws, "import", file.toString());
    assertThat(again.code()).isZero();
    assertThat(caseFiles(ws)).isEqualTo(5);
    assertThat(again.out()).contains("row 2: Acme Ltd / Li Na is already registered as DEAL-1", "row 7: Acme Ltd / Li Na is already"
        + " registered as DEAL-1", "Registered no cases from 6 rows; 6 already registered");
  }

  @Test
  void importSaysOncePerKindWhatItAssumedOfBlankDatesAndDatesWithoutATime() throws IOException {
    StringBuilder csv = new StringBuilder("company,industry,contact_name,source,priority,owner,registered_at\n");
    for (int i = 1; i <= 6; i++) {
      String when = i <= 3 ? "" : i <= 5 ? "2026-11-0" + i : "2026-11-06 09:30";
      csv.append("Co ").append(i).append(",retail,P ").append(i).append(",online,B,ann,").append(when).append('\n');
    }
    Path file = dir.resolve("leads.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    CliRun run = sf(ws, "import", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err().lines().filter(l -> l.startsWith("salesflow: note:")).toList()).containsExactly(
        "salesflow: note: " + file + ": 3 rows (the first row 2) have no registered_at: registered at now, 2026-11-26T18:00:00+08:00",
        "salesflow: note: " + file + ": 2 rows (the first row 5) give registered_at as a date only: read as 00:00 in Asia/Shanghai",
        "salesflow: note: " + file + ": row 7 gives registered_at without an offset: read in Asia/Shanghai");
    assertThat(sf(ws, "-q", "import", "--dry-run", file.toString()).err()).doesNotContain("note:");
  }

  @Test
  void mapValueReplacesValuesOfOneColumnAndRefusesAColumnTheFileLacks() throws IOException {
    Path file = dir.resolve("crm.csv");
    Files.writeString(file, "company,industry,contact_name,channel,rating,owner\n"
        + "Co 1,retail,P 1,Web,High,ann\nCo 2,retail,P 2,Fair,Low,ann\nCo 3,retail,P 3,Web,B,ann\n", StandardCharsets.UTF_8);
    CliRun run = sf(ws, "import", "--map", "channel=source", "--map", "rating=priority", "--map-value", "rating:High=A",
        "--map-value", "rating:Low=C", "--map-value", "channel:Web=online", "--map-value", "Channel:Fair=exhibition", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    CliRun csv = sf(ws, "export", "-");
    assertThat(csv.out()).contains("Co 1,retail,", "online,A,ann").contains("exhibition,C,ann").contains("online,B,ann");
    CliRun missing = sf(ws, "import", "--map-value", "stage:Won=closed", file.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("has no column 'stage'; the file's columns: company, industry, contact_name, channel, rating, owner");
    assertThat(sf(ws, "import", "--map-value", "Won=closed", file.toString()).err()).contains("needs COLUMN:VALUE=VALUE");
  }

  @Test
  void exportThenImportIntoAnEmptyWorkspaceKeepsEveryRegistrationField() throws IOException {
    Path examples = dir.resolve("examples");
    TestWorkspaces.examplesAt(examples);
    Path file = dir.resolve("cases.csv");
    CliRun export = sf(examples, "export", file.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.err()).contains("Wrote 14 cases");
    CliRun imported = sf(ws, "import", file.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.err()).isEmpty();
    assertThat(registrations(ws)).hasSize(14).isEqualTo(registrations(examples));
    String before = sf(examples, "export", "-").out();
    String after = sf(ws, "export", "-").out();
    assertThat(withoutStage(after)).isEqualTo(withoutStage(before));
  }

  @Test
  void formulaLikeCellsAreQuotedOnExportAndRestoredOnImport() throws IOException {
    CliRun reg = sf(ws, "register", "--company", "=HYPERLINK(\"http://evil.example\",\"click\")", "--industry", "-manufacturing",
        "--contact-name", "@王磊", "--contact-title", "'=quoted", "--phone", "+86 512 5555 0101", "--source", "exhibition",
        "--priority", "A", "--owner", "zhang.wei", "--need", "\tindented need", "--at", "2026-11-02T09:30:00+08:00");
    assertThat(reg.code()).as(reg.err()).isZero();
    String csv = sf(ws, "export", "-").out();
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", ",'-manufacturing,",
        ",'@王磊,", ",''=quoted,", ",'+86 512 5555 0101,", "'\tindented need");
    Path file = dir.resolve("out.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Path other = dir.resolve("other");
    assertThat(CliRun.in(dir, "init", other.toString()).code()).isZero();
    assertThat(sf(other, "import", file.toString()).code()).isZero();
    assertThat(registrations(other)).isEqualTo(registrations(ws));
  }

  @Test
  void gbkFilesNeedTheirCharsetAndAByteOrderMarkIsFine() throws IOException {
    Path gbk = dir.resolve("gbk.csv");
    Files.write(gbk, (HEADER + lead(1)).getBytes(Charset.forName("GBK")));
    CliRun wrong = sf(ws, "import", gbk.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains(gbk + ":1: not valid UTF-8", "--charset GBK");
    CliRun right = sf(ws, "import", "--charset", "GBK", gbk.toString());
    assertThat(right.code()).as(right.err()).isZero();
    Path bom = dir.resolve("bom.csv");
    Files.writeString(bom, "\uFEFF" + HEADER + lead(2), StandardCharsets.UTF_8);
    assertThat(sf(ws, "import", bom.toString()).code()).isZero();
    assertThat(registrations(ws).values()).extracting(c -> c.customer().company()).containsExactly("公司1有限公司", "公司2有限公司");
  }

  @Test
  void otherHeadersAreMappedWithMapAndUnknownColumnsAreNamed() throws IOException {
    Path file = dir.resolve("expo.csv");
    Files.writeString(file, "客户,行业,联系人,电话,级别,展位号\n宁波东海,auto parts,陈刚,0574-5555,A,B12\n", StandardCharsets.UTF_8);
    CliRun unmapped = sf(ws, "import", file.toString());
    assertThat(unmapped.code()).isEqualTo(2);
    assertThat(unmapped.err()).contains("no column gives company", "no column gives priority", "no column gives source");
    CliRun mapped = sf(ws, "import", "--map", "客户=company", "--map", "级别=priority", "--default", "source=exhibition",
        "--default", "owner=li.na", file.toString());
    assertThat(mapped.code()).as(mapped.err()).isZero();
    assertThat(mapped.err()).contains("column '展位号' is not imported");
    Case c = registrations(ws).values().iterator().next();
    assertThat(c.customer().contact().phone()).isEqualTo("0574-5555");
    assertThat(c.source()).isEqualTo("exhibition");
    assertThat(c.owner()).isEqualTo("li.na");
  }

  @Test
  void dryRunWritesNothingAndJsonTellsEveryRow() throws IOException {
    Path file = dir.resolve("two.csv");
    Files.writeString(file, HEADER + lead(1) + lead(1) + lead(2), StandardCharsets.UTF_8);
    CliRun dry = sf(ws, "import", "--dry-run", file.toString());
    assertThat(dry.code()).isZero();
    assertThat(dry.out()).contains("row 3: 公司1有限公司 / 联系人1 repeats row 2; skipped", "Dry run: would register 2 cases");
    assertThat(caseFiles(ws)).isZero();
    CliRun json = sf(ws, "import", "--format", "json", file.toString());
    assertThat(json.out()).contains("\"written\" : true", "\"id\" : \"SF-2026-002\"", "\"existing\" : \"row 2\"");
  }

  @Test
  void exportWithBomAndEventsToStdout() throws IOException {
    Path examples = dir.resolve("examples");
    TestWorkspaces.examplesAt(examples);
    Path file = dir.resolve("bom.csv");
    assertThat(sf(examples, "export", "--bom", file.toString()).code()).isZero();
    assertThat(Files.readAllBytes(file)).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(sf(ws, "import", file.toString()).code()).isZero();
    String events = sf(examples, "export", "--events", "-").out();
    assertThat(events.lines().findFirst().orElseThrow())
        .isEqualTo("case,at,type,by,to,reason,amount,issue,result,role,route,channel,model,quantity,signature,source,note,recorded_at");
    long total;
    try (Salesflow flow = Salesflow.open(examples)) {
      total = flow.list(CaseFilter.ALL).stream().mapToLong(v -> v.value().events().size()).sum();
    }
    assertThat(events.lines().count() - 1).as("rows, none spanning lines").isEqualTo(total);
    assertThat(sf(examples, "--format", "json", "export", "-").code()).isEqualTo(2);
  }

  private static Map<String, Case> registrations(Path workspace) {
    try (Salesflow flow = Salesflow.open(workspace)) {
      return flow.list(CaseFilter.ALL).stream().map(v -> v.value())
          .map(c -> new Case(c.id(), c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), List.of()))
          .collect(Collectors.toMap(Case::id, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
    }
  }

  private static String withoutStage(String csv) {
    return csv.lines().map(l -> l.replaceAll(",[a-z_]+,[^,]*$", "")).collect(Collectors.joining("\n"));
  }

}
