package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.output.ImportOutput;
import dev.salesflow.cli.output.ProgressBar;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.DealField;
import dev.salesflow.core.model.ImportOptions;
import dev.salesflow.core.model.ImportResult;
import dev.salesflow.core.model.ImportTimes;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "import", description = {
    "Register cases from a lead list in CSV (e.g. an exhibition's export).",
    "Headers in English or Chinese map by themselves (company/公司名称, industry/行业, contact_name/联系人,"
        + " contact_title/职务, phone/电话, email/邮箱, source/来源, priority/优先级, owner/负责人, need/需求,"
        + " size/规模, registered_at/登记时间, id/编号); --map maps others.",
    "Deals already in flight: --map COLUMN=stage (a stage id; --map-value maps the file's words, e.g."
        + " deal_stage:Won=closed), stage_at (when it got there; default registered_at), amount and reason (needed"
        + " for lost) open each case in its stage with an 'opened' first event, marked imported.",
    "Every row is checked first and each problem named with its row (the header is row 1); nothing is written"
        + " unless every row is valid. A row with an id is its own case (one row per deal); a row without one whose"
        + " company and contact are already registered, or appear in an earlier row, is reported naming that case or"
        + " row, and not registered again. Exit 1 when any row is invalid.",
    "Another salesflow's cases with their history: 'import CASES.csv --events EVENTS.csv' (or .jsonl), the two files"
        + " 'export' and 'export --events' write; every event is judged as log and advance would, and each case is"
        + " written once with its whole log."})
final class ImportCommand implements Callable<Integer>, Formatted {
  /** Rows without an id are numbered one durable write each, so a few hundred rows already take seconds. */
  private static final int IMPORT_BAR_ROWS = 100;
  @ParentCommand SalesflowCommand root;

  @Parameters(paramLabel = "FILE.csv", description = "The lead list.") Path file;
  @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "Read COLUMN as FIELD (or 'ignore' it).")
  Map<String, String> map = new LinkedHashMap<>();
  @Option(names = "--map-value", paramLabel = "COLUMN:VALUE=VALUE", description = "Read VALUE in COLUMN as the other"
      + " VALUE, e.g. --map-value priority:High=A (values as written, after surrounding blanks).")
  List<String> mapValues = List.of();
  @Option(names = "--default", paramLabel = "FIELD=VALUE", description = "Value of FIELD for rows that leave it blank,"
      + " e.g. source=exhibition or reason=unknown.") Map<String, String> defaults = new LinkedHashMap<>();
  @Option(names = "--charset", paramLabel = "NAME", description = "Encoding of the file: UTF-8 (default; a byte-order"
      + " mark is fine) or e.g. GBK.") String charset = "UTF-8";
  @Option(names = "--date-format", paramLabel = "PATTERN", description = "Read registered_at and stage_at in PATTERN"
      + " (java.time, English month names, [ ] around optional parts), e.g. \"d MMM, yyyy HH:mm:ss\" for"
      + " 15 Apr, 2021 00:03:00 (default: ISO-8601).")
  String dateFormat;
  @Option(names = "--timezone", paramLabel = "ZONE", description = "Read times without an offset (of the list and of"
      + " --events) in ZONE, e.g. Europe/Berlin or +01:00 (default: the workspace's timezone).") String timezone;
  @Option(names = "--events", paramLabel = "FILE.csv|FILE.jsonl", description = "Give the cases of the list their events"
      + " from FILE (what export --events writes), instead of starting them in lead; a case with an event the process"
      + " refuses is invalid as a whole.") Path events;
  @Option(names = "--skip-invalid", description = "Register the valid rows even when some are invalid (with --events: the"
      + " valid cases).") boolean skipInvalid;
  @Option(names = "--dry-run", description = "Check every row and report what would be registered; write nothing.") boolean dryRun;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    Format format = root.format(formats());
    Map<RegistrationField, String> fieldDefaults = new EnumMap<>(RegistrationField.class);
    Map<DealField, String> dealDefaults = new EnumMap<>(DealField.class);
    defaults.forEach((field, value) -> DealField.ofName(field).ifPresentOrElse(f -> dealDefaults.put(f, value),
        () -> fieldDefaults.put(RegistrationField.ofHeader(field).orElseThrow(() -> new InvalidRequestException(
            "--default " + field + ": unknown field (fields: " + String.join(", ", RegistrationField.columns()) + ", "
                + String.join(", ", DealField.columns()) + ")")), value)));
    // a bad --timezone or --date-format is a usage error before any file is read
    ImportOptions options = new ImportOptions(skipInvalid, dryRun, fieldDefaults, dealDefaults, dateFormat,
        timezone == null ? null : ImportTimes.zone(timezone), null);
    Charset encoding;
    try {
      encoding = Charset.forName(charset);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("--charset: unknown charset '" + charset + "' (e.g. UTF-8, GBK)");
    }
    // the list is read first and a dry run opens the store existing-only: neither creates a database
    LeadCsv.Read read = LeadCsv.read(file.toString(), bytes(root.context().cwd().resolve(file)), encoding, map, fieldDefaults.keySet(),
        valueMaps());
    dev.salesflow.core.model.EventLog log = events == null ? null
        : EventCsv.read(events.toString(), bytes(root.context().cwd().resolve(events)), encoding);
    try (Salesflow flow = dryRun ? root.openExisting() : root.open()) {
      if (!root.quiet()) {
        read.unusedColumns().forEach(c -> root.context().err().println("salesflow: warning: " + file + ": column '" + c
            + "' is not imported (--map '" + c + "=FIELD' imports it; fields: " + String.join(", ", RegistrationField.columns()) + ")"));
      }
      java.time.OffsetDateTime now = root.now(flow.zone());
      ImportResult result;
      try (ProgressBar progress = ProgressBar.over(root.context(), root.quiet(), "importing", "rows", IMPORT_BAR_ROWS)) {
        ImportOptions named = options.withHeaders(read.headers());
        result = log == null ? flow.importLeads(read.rows(), named, now, progress)
            : flow.importCases(read.rows(), log, named, now, progress);
      }
      result.errors().forEach(e -> root.context().err().println(file + ": row " + e.row() + ": " + e.message()));
      result.logErrors().forEach(e -> root.context().err().println(e));
      if (!root.quiet()) {
        ImportOutput.assumptions(result, options.zone() == null ? flow.zone() : options.zone(), now, flow.zone())
            .forEach(line -> root.context().err().println("salesflow: note: " + file + ": " + line));
      }
      root.context().out().print(format == Format.JSON ? CaseOutput.json(ImportOutput.json(result)) + "\n"
          : ImportOutput.text(result, dryRun, skipInvalid));
      return result.invalid() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
  }

  /** {@code --map-value COLUMN:FROM=TO}, by column; the column ends at the last colon before the first {@code =}. */
  private Map<String, Map<String, String>> valueMaps() {
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    for (String given : mapValues) {
      int eq = given.indexOf('=');
      int colon = eq < 0 ? -1 : given.lastIndexOf(':', eq);
      if (colon <= 0) {
        throw new InvalidRequestException("--map-value needs COLUMN:VALUE=VALUE (e.g. deal_stage:Won=closed), got '" + given + "'");
      }
      maps.computeIfAbsent(given.substring(0, colon), c -> new LinkedHashMap<>())
          .put(given.substring(colon + 1, eq).strip(), given.substring(eq + 1).strip());
    }
    return maps;
  }

  /** The most bytes a lead list may hold. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  /** A regular file's bytes, at most {@link #MAX_BYTES}: a FIFO, /dev/zero or a folder is refused unread. */
  private static byte[] bytes(Path path) {
    try {
      java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw new StoreException("cannot read " + path + ": " + (a.isDirectory() ? "a folder" : "a FIFO, device or socket")
            + ", not a regular file; a lead list is read from a regular file");
      }
      try (java.io.InputStream in = Files.newInputStream(path)) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new StoreException(String.format("cannot read %s: it holds more than %,d bytes (64 MiB), the most a lead"
              + " list may hold; split it", path, MAX_BYTES));
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw new StoreException("cannot read " + path + ": no such file");
    } catch (IOException e) {
      throw new StoreException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
