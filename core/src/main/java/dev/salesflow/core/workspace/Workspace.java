package dev.salesflow.core.workspace;

import dev.salesflow.core.api.StoreException;
import dev.salesflow.core.api.WorkspaceNotFoundException;
import dev.salesflow.core.check.DiagnosticCode;
import dev.salesflow.core.check.Diagnostic;
import dev.salesflow.core.check.DiagnosticsException;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.OpenMode;
import dev.salesflow.core.store.sqlite.SqliteStore;
import dev.salesflow.core.store.yaml.YamlDirectoryStore;
import dev.salesflow.core.yaml.SourcePosition;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.sla.SlaRuleValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder holding {@code salesflow.yaml} and {@code cases/}: its settings, its process and the
 * state machine built from them.
 */
public record Workspace(
    Path root, WorkspaceConfig config, ZoneId zone, ProcessDefinition process, BusinessCalendar calendar) {
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
    WorkspaceConfig config = tree.entries().isEmpty()
        ? WorkspaceConfig.defaults()
        : ProcessLoader.bind(ProcessLoader.MAPPER, text, WorkspaceConfig.class, configFile, tree);
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
    ProcessDefinition process = withWorkspaceRules(loadProcess(root, config, configFile, tree), config, configFile, tree);
    BusinessCalendar calendar = CalendarLoader.load(root, config.calendar(), zone, configFile, tree, "calendar");
    return new Workspace(root, config, zone, process, calendar);
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
    List<String> ownIds = config.sla().stream().map(SlaRule::id).toList();
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
    if (spec.startsWith(SQLITE_PREFIX)) {
      String path = spec.substring(SQLITE_PREFIX.length());
      if (path.isBlank()) {
        throw new dev.salesflow.core.api.InvalidRequestException("store 'sqlite:' needs a file, e.g. sqlite:cases.db");
      }
      return SqliteStore.open(base.resolve(path).normalize(), zone, new WorkspaceClockIndexer(this), mode);
    }
    return new YamlDirectoryStore(base.resolve(spec).normalize(), process, zone);
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
