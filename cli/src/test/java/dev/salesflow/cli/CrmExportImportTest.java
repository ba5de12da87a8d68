package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} of a real CRM export (a Zoho lead export: "Cold Call" sources, {@code 15 Apr, 2021
 * 00:03:00} times without an offset): {@code sources:} in salesflow.yaml, {@code --map-value} of the
 * source column, {@code --date-format} and {@code --timezone}.
 */
class CrmExportImportTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";
  private static final String ZOHO_TIME = "d MMM, yyyy HH:mm:ss";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The Zoho export's columns as salesflow reads them. */
  private static final List<String> ZOHO_MAP = List.of("--map", "Record Id=id", "--map", "Lead Owner=owner",
      "--map", "Last Name=contact_name", "--map", "Lead Source=source", "--map", "Rating=priority",
      "--map", "Created Time=registered_at", "--map", "Description=need", "--map", "First Name=ignore",
      "--map", "Lead Status=ignore", "--map", "Modified Time=ignore",
      "--map-value", "Rating:Hot=A", "--map-value", "Rating:Warm=B", "--map-value", "Rating:Cold=C");
  private static final String SOURCES = """
      sources:
        cold_call: {en: Cold Call, zh: 陌生电话}
        trade_show: {en: Trade Show, zh: 展会（外部）}
        web_download: {en: Web Download}
        employee_referral: {en: Employee Referral, zh: 员工推荐}
      """;

  @TempDir Path dir;
  Path ws;
  Path zoho;

  @BeforeEach
  void init() throws IOException {
    ws = dir.resolve("ws");
    assertThat(CliRun.in(dir, "init", ws.toString()).code()).isZero();
    zoho = dir.resolve("zoho-leads.csv");
    try (InputStream in = CrmExportImportTest.class.getResourceAsStream("/import/zoho-leads.csv")) {
      Files.copy(in, zoho);
    }
  }

  private CliRun sf(Path workspace, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", workspace.toString(), "--now", NOW));
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  /** {@code import zoho-leads.csv} with the export's mapping, then {@code more}. */
  private CliRun importZoho(String... more) {
    List<String> args = new ArrayList<>(List.of("import", zoho.toString()));
    args.addAll(ZOHO_MAP);
    args.addAll(List.of(more));
    return sf(ws, args.toArray(String[]::new));
  }

  private void addSettings(String yaml) throws IOException {
    Files.writeString(ws.resolve("salesflow.yaml"), yaml, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private List<Case> cases(Path workspace) {
    try (Salesflow flow = Salesflow.open(workspace)) {
      return flow.list(CaseFilter.ALL).stream().map(v -> v.value()).toList();
    }
  }

  private Map<String, String> field(Path workspace, java.util.function.Function<Case, String> f) {
    return cases(workspace).stream().collect(Collectors.toMap(Case::id, f, (a, b) -> a, TreeMap::new));
  }

  private long caseFiles() throws IOException {
    try (Stream<Path> files = Files.list(ws.resolve("cases"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).count();
    }
  }

  @Test
  void aZohoExportsColdCallIsRefusedNamingRowColumnTheSourcesAndBothFixes() throws IOException {
    CliRun run = importZoho("--date-format", ZOHO_TIME);
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith(zoho.toString())).toList()).containsExactly(
        zoho + ": row 2: unknown source 'Cold Call' (column 'Lead Source'); allowed: exhibition, online, referral,"
            + " research, other (or their English or Chinese labels); map it to one with --map-value"
            + " 'Lead Source:Cold Call=ID', or add it under sources: in salesflow.yaml",
        zoho + ": row 3: unknown source 'Trade Show' (column 'Lead Source'); allowed: exhibition, online, referral,"
            + " research, other (or their English or Chinese labels); map it to one with --map-value"
            + " 'Lead Source:Trade Show=ID', or add it under sources: in salesflow.yaml",
        zoho + ": row 4: unknown source 'Cold Call' (column 'Lead Source'); allowed: exhibition, online, referral,"
            + " research, other (or their English or Chinese labels); map it to one with --map-value"
            + " 'Lead Source:Cold Call=ID', or add it under sources: in salesflow.yaml",
        zoho + ": row 5: unknown source 'Web Download' (column 'Lead Source'); allowed: exhibition, online, referral,"
            + " research, other (or their English or Chinese labels); map it to one with --map-value"
            + " 'Lead Source:Web Download=ID', or add it under sources: in salesflow.yaml",
        zoho + ": row 6: unknown source 'Employee Referral' (column 'Lead Source'); allowed: exhibition, online, referral,"
            + " research, other (or their English or Chinese labels); map it to one with --map-value"
            + " 'Lead Source:Employee Referral=ID', or add it under sources: in salesflow.yaml");
    assertThat(caseFiles()).isZero();
    CliRun defaulted = sf(ws, "import", zoho.toString(), "--map", "Record Id=id", "--map", "Lead Owner=owner",
        "--map", "Last Name=contact_name", "--map", "Lead Source=ignore", "--default", "source=fax", "--default", "priority=B");
    assertThat(defaulted.err()).contains(": row 2: unknown source 'fax' (from --default source=fax); allowed: exhibition,"
        + " online, referral, research, other (or their English or Chinese labels); give --default source= one of them,"
        + " or add it under sources: in salesflow.yaml");
  }

  @Test
  void mapValueMapsTheSourceColumnsWordsToTheWorkspacesSources() {
    CliRun run = importZoho("--date-format", ZOHO_TIME, "--map-value", "Lead Source:Cold Call=other",
        "--map-value", "lead source:Trade Show=exhibition", "--map-value", "Lead Source:Web Download=online",
        "--map-value", "Lead Source:Employee Referral=referral");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(field(ws, Case::source)).containsExactly(Map.entry("zcrm_4876876000000331001", "other"),
        Map.entry("zcrm_4876876000000331002", "exhibition"), Map.entry("zcrm_4876876000000331003", "other"),
        Map.entry("zcrm_4876876000000331004", "online"), Map.entry("zcrm_4876876000000331005", "referral"));
  }

  @Test
  void sourcesInSalesflowYamlTakeTheExportAsItIsEverywhere() throws IOException {
    addSettings(SOURCES);
    CliRun run = importZoho("--date-format", ZOHO_TIME);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Registered 5 cases");
    assertThat(field(ws, Case::source)).containsValues("cold_call", "trade_show", "cold_call", "web_download", "employee_referral");
    // register, check, reports, show and completion know them too
    CliRun registered = sf(ws, "register", "--company", "Harbour Logistics", "--industry", "logistics", "--contact-name", "Kim",
        "--phone", "+852 5555 0101", "--source", "cold_call", "--priority", "B", "--owner", "li.na");
    assertThat(registered.code()).as(registered.toString()).isZero();
    CliRun unknown = sf(ws, "register", "--company", "Fax Co", "--industry", "retail", "--contact-name", "Fay",
        "--phone", "123456", "--source", "fax", "--priority", "B", "--owner", "li.na");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown source 'fax'", "cold_call, trade_show, web_download, employee_referral");
    CliRun check = sf(ws, "check");
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.err()).contains("0 errors");
    CliRun funnel = sf(ws, "report", "funnel", "--format", "json");
    assertThat(funnel.code()).as(funnel.toString()).isZero();
    assertThat(JSON.readTree(funnel.out()).get("cases").asInt()).isEqualTo(6);
    assertThat(sf(ws, "show", "zcrm_4876876000000331002").out()).contains("trade_show (Trade Show)");
    assertThat(sf(ws, "--lang", "zh", "show", "zcrm_4876876000000331001").out()).contains("cold_call (陌生电话)");
    assertThat(sf(ws, "__complete", "source").out().lines().toList())
        .containsExactly("exhibition", "online", "referral", "research", "other", "cold_call", "trade_show", "web_download",
            "employee_referral");
    // the same workspace on SQLite
    Path db = dir.resolve("leads.db");
    CliRun sqlite = sf(ws, "--store", "sqlite:" + db, "import", zoho.toString(), "--date-format", ZOHO_TIME);
    assertThat(sqlite.code()).as(sqlite.toString()).isEqualTo(2); // the mapping is needed there too
    List<String> args = new ArrayList<>(List.of("--store", "sqlite:" + db, "import", zoho.toString(), "--date-format", ZOHO_TIME));
    args.addAll(ZOHO_MAP);
    assertThat(sf(ws, args.toArray(String[]::new)).code()).isZero();
    assertThat(sf(ws, "--store", "sqlite:" + db, "export", "-").out()).contains(",cold_call,", ",employee_referral,");
    assertThat(sf(ws, "--store", "sqlite:" + db, "report", "funnel").code()).isZero();
  }

  @Test
  void badSourcesEntriesAreRefusedWithFileLineAndColumn() throws IOException {
    addSettings("""
        sources:
          Cold Call: {en: Cold Call}
          web: {en: Online}
          fax: {en: Fax, fr: Télécopie}
        """);
    Path yaml = ws.resolve("salesflow.yaml");
    int first = Files.readAllLines(yaml).indexOf("sources:") + 2;
    CliRun run = sf(ws, "list");
    yaml = ws.getParent().relativize(yaml); // shown relative to the working folder, as check shows it
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(
        yaml + ":" + first + ":3: error: source id 'Cold Call' must be lower-case letters, digits and _, starting with a letter",
        yaml + ":" + (first + 1) + ":13: error: label 'Online' of source 'web' also names source 'online'",
        yaml + ":" + (first + 2) + ":18: error: unknown field 'fr' of source 'fax' (known: en, zh)");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void dateFormatReadsZohoTimesInTheWorkspaceZoneWithEnglishMonthsWhateverTheLocale() throws IOException {
    addSettings(SOURCES);
    Locale before = Locale.getDefault();
    CliRun run;
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE); // a JVM on Chinese Windows: MMM is 4月 there
      run = importZoho("--date-format", ZOHO_TIME);
    } finally {
      Locale.setDefault(before);
    }
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(field(ws, c -> c.registeredAt().toString())).containsExactly(
        Map.entry("zcrm_4876876000000331001", "2021-04-15T00:03+08:00"), Map.entry("zcrm_4876876000000331002", "2021-04-15T09:41:17+08:00"),
        Map.entry("zcrm_4876876000000331003", "2021-05-02T14:05+08:00"), Map.entry("zcrm_4876876000000331004", "2021-05-28T23:59:59+08:00"),
        Map.entry("zcrm_4876876000000331005", "2021-06-01T08:30+08:00"));
    assertThat(Files.readString(ws.resolve("cases/zcrm_4876876000000331001.yaml"))).contains("registered_at: 2021-04-15T00:03:00+08:00");
    assertThat(run.err()).contains("salesflow: note: " + zoho + ": 5 rows (the first row 2) give registered_at without an"
        + " offset: read in Asia/Shanghai");
  }

  @Test
  void aValueNotInThePatternIsARowErrorNamingValueColumnAndPattern() throws IOException {
    addSettings(SOURCES);
    Files.writeString(zoho, Files.readString(zoho).replace("\"2 May, 2021 14:05:00\"", "2021-05-02T14:05:00"));
    CliRun run = importZoho("--date-format", ZOHO_TIME);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(zoho + ": row 4: registered_at '2021-05-02T14:05:00' (column 'Created Time') does not"
        + " match --date-format 'd MMM, yyyy HH:mm:ss' (e.g. 15 Apr, 2021 15:03:09)");
    assertThat(caseFiles()).isZero();
  }

  @Test
  void anInvalidPatternIsAUsageErrorBeforeAnythingIsRead() throws IOException {
    Path db = dir.resolve("never.db");
    CliRun run = sf(ws, "--store", "sqlite:" + db, "import", dir.resolve("missing.csv").toString(), "--date-format", "dd {");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("salesflow: --date-format 'dd {': not a date pattern (");
    CliRun noDate = sf(ws, "import", zoho.toString(), "--date-format", "HH:mm:ss");
    assertThat(noDate.code()).isEqualTo(2);
    assertThat(noDate.err()).contains("--date-format 'HH:mm:ss' cannot read back a date it writes ('15:03:09')");
    assertThat(db).doesNotExist();
  }

  @Test
  void aDateOnlyPatternGivesMidnightAsAnAssumptionAndOptionalPartsReadBoth() throws IOException {
    addSettings(SOURCES);
    Path deals = dir.resolve("deals.csv");
    Files.writeString(deals, """
        Deal Id,Account,Contact,Industry,Source,Priority,Owner,Created,Stage,Closing Date,Amount
        D-1,Alpha Ltd,Ann,retail,Cold Call,B,ann,"3 Mar, 2021",closed,"30 Apr, 2021 17:30:00",1200
        D-2,Beta Ltd,Bob,retail,Trade Show,C,bob,"4 Mar, 2021",lead,,
        """, StandardCharsets.UTF_8);
    CliRun run = sf(ws, "import", deals.toString(), "--map", "Deal Id=id", "--map", "Account=company", "--map", "Contact=contact_name",
        "--map", "Created=registered_at", "--map", "Stage=stage", "--map", "Closing Date=stage_at", "--map", "Amount=amount",
        "--date-format", "d MMM, yyyy[ HH:mm:ss]");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("salesflow: note: " + deals + ": 2 rows (the first row 2) give registered_at as a date only:"
        + " read as 00:00 in Asia/Shanghai");
    String d1 = Files.readString(ws.resolve("cases/D-1.yaml"));
    assertThat(d1).contains("registered_at: 2021-03-03T00:00:00+08:00", "{at: 2021-04-30T17:30:00+08:00, type: opened, to: closed");
    CliRun late = sf(ws, "import", deals.toString(), "--map", "Deal Id=id", "--map", "Account=company",
        "--map", "Contact=contact_name", "--map", "Created=registered_at", "--map", "Stage=stage", "--map", "Closing Date=stage_at",
        "--map", "Amount=amount", "--date-format", "d MMM, yyyy", "--dry-run");
    assertThat(late.err()).contains(deals + ": row 2: stage_at '30 Apr, 2021 17:30:00' (column 'Closing Date') does not match"
        + " --date-format 'd MMM, yyyy' (e.g. 15 Apr, 2021)");
  }

  @Test
  void timezoneReadsTimesWithoutAnOffsetInItAndKeepsTheOffsetsGiven() throws IOException {
    addSettings(SOURCES);
    Files.writeString(zoho, Files.readString(zoho).replace("\"2 May, 2021 14:05:00\"", "\"2 May, 2021 14:05:00 +08:00\""));
    CliRun run = importZoho("--date-format", "d MMM, yyyy HH:mm:ss[ XXX]", "--timezone", "Europe/London");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(field(ws, c -> c.registeredAt().toString())).containsEntry("zcrm_4876876000000331001", "2021-04-15T00:03+01:00")
        .containsEntry("zcrm_4876876000000331003", "2021-05-02T14:05+08:00");
    assertThat(run.err()).contains("4 rows (the first row 2) give registered_at without an offset: read in Europe/London");
    CliRun offset = importZoho("--date-format", "d MMM, yyyy HH:mm:ss[ XXX]", "--timezone", "+01:00", "--dry-run");
    assertThat(offset.code()).as(offset.toString()).isZero();
    assertThat(offset.err()).contains("give registered_at without an offset: read in +01:00");
    CliRun bad = sf(ws, "import", zoho.toString(), "--timezone", "Mars/Base");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("salesflow: --timezone: unknown time zone 'Mars/Base' (use a region id such as Asia/Shanghai"
        + " or Europe/Berlin, or an offset such as +08:00)\n");
  }

  @Test
  void withoutTimezoneTimesAreReadInTheWorkspacesTimezoneSetting() throws IOException {
    Files.writeString(ws.resolve("salesflow.yaml"), Files.readString(ws.resolve("salesflow.yaml"))
        .replace("timezone: Asia/Shanghai", "timezone: America/New_York") + SOURCES);
    CliRun run = importZoho("--date-format", ZOHO_TIME);
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(field(ws, c -> c.registeredAt().toString())).containsEntry("zcrm_4876876000000331001", "2021-04-15T00:03-04:00");
    assertThat(run.err()).contains("read in America/New_York");
  }

  @Test
  void timezoneAlsoReadsTheEventFilesTimesWithoutAnOffset() throws IOException {
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "id,company,industry,contact_name,phone,source,priority,owner,registered_at\n"
        + "C-1,Alpha Ltd,retail,Ann,123456,other,B,ann,2021-04-15T00:03:00+08:00\n", StandardCharsets.UTF_8);
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "case,at,type,by,note\nC-1,2021-04-16T09:00:00,contacted,ann,first call\n"
        + "C-1,2021-04-16T09:30:00+08:00,note,ann,kept\n", StandardCharsets.UTF_8);
    CliRun run = sf(ws, "import", cases.toString(), "--events", events.toString(), "--timezone", "Europe/Berlin");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(ws.resolve("cases/C-1.yaml")))
        .contains("at: 2021-04-16T09:00:00+02:00, type: contacted", "at: 2021-04-16T09:30:00+08:00, type: note");
  }
}
