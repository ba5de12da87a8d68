package dev.salesflow.core.workspace;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.CalendarProvenance;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.sla.SlaRuleValidator;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.sqlite.SqliteStore;
import dev.salesflow.core.store.yaml.YamlDirectoryStore;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder holding {@code salesflow.yaml} and {@code cases/}: its settings, its process and the
 * state machine built from them, its calendar, where the calendar's days come from and the calendar
 * and schedule files it was read from.
 */
public record Workspace(
    Path root, WorkspaceConfig config, ZoneId zone, ProcessDefinition process, BusinessCalendar calendar,
    CalendarProvenance calendarProvenance, List<Path> calendarFiles) {
  /** The file that marks a workspace. */
  public static final String CONFIG_FILE = "salesflow.yaml";

  /** The nearest folder at or above {@code start} holding {@code salesflow.yaml}, as git finds .git. */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
        return Optional.of(dir);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** Opens the workspace at {@code root}, reading and checking its settings and process. */
  public static Workspace open(Path root) {
    Settings s = readSettings(root);
    ProcessDefinition process =
        withWorkspaceRules(loadProcess(root, s.config(), s.file(), s.tree()), s.config(), s.file(), s.tree());
    CalendarLoader.Loaded calendar = CalendarLoader.load(root, s.config().calendar(), s.zone(), s.file(), s.tree(), "calendar");
    return new Workspace(root, s.config(), s.zone(), process, calendar.calendar(), calendar.provenance(),
        calendar.files());
  }

  /**
   * The time zone of the workspace at {@code root}, from its settings alone (the process and the
   * calendar are not read).
   *
   * @throws WorkspaceNotFoundException when there is no {@code salesflow.yaml}
   * @throws DiagnosticsException when the settings are invalid
   */
  public static ZoneId zoneOf(Path root) {
    return readSettings(root).zone();
  }

  /** {@code salesflow.yaml} read and checked: the file, its tree, the bound settings and the zone. */
  private record Settings(Path file, YamlNode.Mapping tree, WorkspaceConfig config, ZoneId zone) {}

  private static Settings readSettings(Path root) {
    Path configFile = root.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(configFile)) {
      throw new WorkspaceNotFoundException("no " + CONFIG_FILE + " in " + root
          + " (run 'salesflow init' to create a workspace, or pass --workspace DIR)");
    }
    String text;
    try {
      text = YamlTreeReader.decodeUtf8OrThrow(Files.readAllBytes(configFile), configFile);
    } catch (IOException e) {
      throw new StoreException("cannot read " + configFile + ": " + e.getMessage(), e);
    }
    YamlNode.Mapping tree;
    try {
      tree = YamlTreeReader.readMapping(text);
    } catch (YamlSyntaxException e) {
      throw configError(configFile, DiagnosticCode.ofSlug(e.code()), e.position(), e.getMessage());
    }
    WorkspaceConfig config = tree.entries().isEmpty() ? WorkspaceConfig.defaults() : ConfigTree.config(tree).orElse(null);
    if (config == null) {
      config = ProcessLoader.bind(ProcessLoader.mapper(), text, WorkspaceConfig.class, configFile, tree);
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(config.timezone());
    } catch (DateTimeException e) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("timezone"),
          "unknown time zone '" + config.timezone() + "' (use a region id such as Asia/Shanghai)");
    }
    if (config.approvalThreshold().signum() < 0) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("approval_threshold"),
          "approval_threshold must not be negative");
    }
    if (!CaseIds.isValid(config.idPrefix() + "-2026-001")) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("id_prefix"),
          "id_prefix '" + config.idPrefix() + "' would make invalid case ids: " + CaseIds.rule());
    }
    return new Settings(configFile, tree, config, zone);
  }


  /** The process's SLA rules with the workspace's added, or overriding by id the fields they set. */
  private static ProcessDefinition withWorkspaceRules(ProcessDefinition process, WorkspaceConfig config, Path configFile, YamlNode tree) {
    if (config.sla().isEmpty()) {
      return process;
    }
    List<SlaRule> merged = new ArrayList<>(process.sla());
    for (SlaRule rule : config.sla()) {
      int existing = -1;
      for (int i = 0; i < merged.size(); i++) {
        if (merged.get(i).id().equals(rule.id())) {
          existing = i;
        }
      }
      if (existing >= 0) {
        merged.set(existing, merged.get(existing).overriddenBy(rule));
      } else {
        merged.add(rule);
      }
    }
    List<String> ownIds = new ArrayList<>();
    for (SlaRule rule : config.sla()) {
      ownIds.add(rule.id());
    }
    List<Diagnostic> problems = new ArrayList<>();
    for (var problem : SlaRuleValidator.check(merged, process)) {
      String id = merged.get(problem.ruleIndex()).id();
      int own = ownIds.indexOf(id);
      problems.add(Diagnostic.error(DiagnosticCode.BAD_VALUE, configFile,
          own >= 0 ? tree.positionOf("sla", own, problem.field()) : tree.positionOf("sla"), problem.message()));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, problems);
    }
    return process.withSla(merged);
  }

  /** The SLA engine of this workspace's rules and calendar. */
  public SlaEngine slaEngine() {
    return new SlaEngine(process, process.sla(), calendar);
  }

  private static ProcessDefinition loadProcess(Path root, WorkspaceConfig config, Path configFile, YamlNode tree) {
    if (config.process() == null) {
      return ProcessLoader.defaultProcess();
    }
    Path file = root.resolve(config.process());
    if (!Files.isRegularFile(file)) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("process"),
          "process file " + file + " does not exist");
    }
    try {
      return ProcessLoader.load(file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static DiagnosticsException configError(Path file, DiagnosticCode code, SourcePosition at, String message) {
    return new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(code, file, at, message)));
  }

  /** The folder of case files. */
  public Path casesDir() {
    return root.resolve("cases");
  }

  /** The state machine of this workspace's process and approval threshold. */
  public StateMachine stateMachine() {
    return new StateMachine(process, config.approvalThreshold());
  }

  /** The workspace's store, created when it is a database that does not exist yet. */
  public CaseStore openStore() {
    return openStore(OpenMode.CREATE);
  }

  /** The workspace's store; its {@code store:} setting is relative to the workspace folder. */
  public CaseStore openStore(OpenMode mode) {
    return config.store() == null ? new YamlDirectoryStore(casesDir(), process, zone) : openStore(config.store(), root, mode);
  }

  /**
   * The store named by {@code spec}: {@code sqlite:FILE} or a folder of case files, either
   * relative to {@code base}; a missing database is created.
   */
  public CaseStore openStore(String spec, Path base) {
    return openStore(spec, base, OpenMode.CREATE);
  }

  /** As {@link #openStore(String, Path)}, a missing database being created or refused as {@code mode} says. */
  public CaseStore openStore(String spec, Path base, OpenMode mode) {
    Path location = storeLocation(spec, base);
    if (spec.startsWith(SQLITE_PREFIX)) {
      return SqliteStore.open(location, zone, new WorkspaceClockIndexer(this), mode);
    }
    return new YamlDirectoryStore(location, process, zone);
  }

  /** The database file or the folder that {@code spec} names, resolved against {@code base}. */
  public Path storeLocation(String spec, Path base) {
    if (spec.startsWith(SQLITE_PREFIX)) {
      String path = spec.substring(SQLITE_PREFIX.length());
      if (path.isBlank()) {
        throw new dev.salesflow.core.model.InvalidRequestException("store 'sqlite:' needs a file, e.g. sqlite:cases.db");
      }
      return base.resolve(path).normalize();
    }
    return base.resolve(spec).normalize();
  }

  /**
   * Removes a store that a failed migration created (a full disk, say), so nothing half-made is
   * left: the database with its -wal, -shm and -journal files, or the new folder. Best effort; the
   * migration's own error is what the caller reports.
   */
  public static void removeCreatedStore(String spec, Path location) {
    try {
      if (spec.startsWith(SQLITE_PREFIX)) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Files.deleteIfExists(location.resolveSibling(location.getFileName() + suffix));
        }
      } else if (Files.isDirectory(location, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (java.util.stream.Stream<Path> walk = Files.walk(location)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // a left-over target is refused as not empty by the next migration, which says so
    }
  }

  /**
   * The store named by {@code spec} as a migration target: a folder is created when missing, a
   * SQLite file is created by opening it.
   */
  public CaseStore createStore(String spec, Path base) {
    if (!spec.startsWith(SQLITE_PREFIX)) {
      Path dir = storeLocation(spec, base);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
      }
    }
    return openStore(spec, base);
  }

  /**
   * Creates a workspace in {@code dir} (made when missing): {@code salesflow.yaml} with every
   * default, {@code cases/} and its {@code .gitignore}. Never overwrites anything.
   *
   * @return the absolute, normalised root
   */
  public static Path init(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    Path config = target.resolve(CONFIG_FILE);
    if (Files.exists(config)) {
      throw new dev.salesflow.core.model.InvalidRequestException(config + " already exists; not overwriting it");
    }
    try {
      Files.createDirectories(target.resolve("cases"));
      Files.writeString(config, initialConfig(), java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
      Path ignore = target.resolve("cases/.gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# the case store's write lock and interrupted temporary files\n.salesflow.lock\n.*.tmp\n",
            java.nio.charset.StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create workspace in " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** The prefix of SQLite store specifications. */
  public static final String SQLITE_PREFIX = "sqlite:";

  /** The text of a new workspace's {@code salesflow.yaml}. */
  public static String initialConfig() {
    return """
        # salesflow workspace settings. Every key is optional; the values shown are the defaults.
        timezone: Asia/Shanghai
        # Contracts at or above this amount need the general manager's approval before signing.
        approval_threshold: 1000000
        # Generated case ids look like SF-2026-001.
        id_prefix: SF
        # process: my-process.yaml   # replaces the default six-stage process
        # Business calendar of SLA deadlines: cn (mainland China, with official holidays and makeup
        # working days), weekly (Mon-Fri), a FILE.yaml, or a map such as
        #   {extends: cn, working_hours: ["09:00-12:00", "13:00-18:00"], holidays: [2026-12-24], workdays: [2026-12-26]}
        calendar: cn
        # Where cases live: a folder of case files (default: cases) or sqlite:FILE.
        # store: sqlite:cases.db
        # SLA rules added to the process's, or overriding one by id, e.g.
        # sla:
        #   - {id: needs-record, target: 12h}
        """;
  }
}
