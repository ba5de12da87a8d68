package dev.salesflow.core.workspace;

import dev.salesflow.core.calendar.BusinessCalendar;
import dev.salesflow.core.calendar.CalendarProvenance;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import dev.salesflow.core.process.ApprovalRules;
import dev.salesflow.core.process.ApprovalTier;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.sla.SlaRule;
import dev.salesflow.core.sla.SlaRuleValidator;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.StoreSpec;
import dev.salesflow.core.store.postgres.PostgresStore;
import dev.salesflow.core.store.sqlite.SqliteStore;
import dev.salesflow.core.store.yaml.YamlDirectoryStore;
import dev.salesflow.core.team.Authority;
import dev.salesflow.core.team.TeamSettings;
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
    CalendarProvenance calendarProvenance, List<Path> calendarFiles, TeamSettings team, boolean formsRequired) {
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
    ProcessDefinition process = withWorkspaceRules(
        WorkspaceSources.extend(loadProcess(root, s.config(), s.file(), s.tree()), s.tree(), s.file()), s.config(), s.file(), s.tree());
    CalendarLoader.Loaded calendar = CalendarLoader.load(root, s.config().calendar(), s.zone(), s.file(), s.tree(), "calendar");
    return new Workspace(root, s.config(), s.zone(), process, calendar.calendar(), calendar.provenance(),
        calendar.files(), teamSettings(root, s, process), formsRequired(s));
  }

  /**
   * {@code forms: required} makes the required fields of every event's form mandatory ({@code log}
   * refuses, {@code check} reports); {@code optional}, the default, keeps older case files valid.
   */
  private static boolean formsRequired(Settings s) {
    YamlNode.Entry forms = s.tree().entries().get("forms");
    if (forms == null || dev.salesflow.core.yaml.TreeBinding.isNull(forms.value())) {
      return false;
    }
    if (forms.value() instanceof YamlNode.Scalar v && ("required".equals(v.text()) || "optional".equals(v.text()))) {
      return "required".equals(v.text());
    }
    throw configError(s.file(), DiagnosticCode.BAD_VALUE, forms.value().position(),
        Message.of(MessageKey.FORMS_REQUIRED_OR_OPTIONAL, forms.value() instanceof YamlNode.Scalar v
            ? Message.of(MessageKey.CONCAT, ProcessLoader.kind(v), " '" + v.text() + "'") : ProcessLoader.kind(forms.value())));
  }

  private static TeamSettings teamSettings(Path root, Settings s, ProcessDefinition process) {
    for (String key : TeamSettings.KEYS) {
      if (s.tree().entries().containsKey(key)) {
        return TeamSettings.load(root, s.tree(), s.file(), process, s.config().approvalThreshold());
      }
    }
    return new TeamSettings(null, List.of(new ApprovalTier(ApprovalRules.GENERAL_MANAGER, s.config().approvalThreshold())),
        false, null, List.of());
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
      throw new WorkspaceNotFoundException("no " + CONFIG_FILE + " in " + root, root);
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
          Message.of(MessageKey.UNKNOWN_TIME_ZONE, config.timezone()));
    }
    if (config.approvalThreshold().signum() < 0) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("approval_threshold"),
          Message.of(MessageKey.MUST_NOT_BE_NEGATIVE, "approval_threshold"));
    }
    String threshold = thresholdText(tree);
    // an amount, as the contracts it is compared with: 1e999 would pass every contract unapproved
    if (threshold != null && dev.salesflow.core.model.Amounts.parse(threshold.replace("_", "")).isEmpty()) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("approval_threshold"),
          "approval_threshold " + dev.salesflow.core.model.Amounts.problem(threshold));
    }
    if (!CaseIds.isValid(config.idPrefix() + "-2026-001")) {
      throw configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("id_prefix"),
          Message.of(MessageKey.BAD_ID_PREFIX, config.idPrefix(), CaseIds.rule()));
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
    String text = SettingsFile.read(root, config.process(), "process file",
        reason -> configError(configFile, DiagnosticCode.BAD_VALUE, tree.valuePositionOf("process"), reason));
    return ProcessLoader.parse(text, root.resolve(config.process()).normalize());
  }

  /** {@code approval_threshold} as written in the settings, or null when it is not a plain value there. */
  private static String thresholdText(YamlNode tree) {
    if (tree instanceof YamlNode.Mapping m && m.entries().get("approval_threshold") != null
        && m.entries().get("approval_threshold").value() instanceof YamlNode.Scalar scalar) {
      return scalar.text();
    }
    return null;
  }

  private static DiagnosticsException configError(Path file, DiagnosticCode code, SourcePosition at, String message) {
    return configError(file, code, at, Message.literal(message));
  }

  private static DiagnosticsException configError(Path file, DiagnosticCode code, SourcePosition at, Message message) {
    return new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(code, file, at, message)));
  }

  /** The folder of case files. */
  public Path casesDir() {
    return root.resolve("cases");
  }

  /**
   * The state machine of this workspace's process and approval matrix; with a team or signatures,
   * an approval counts only when {@link #authority()} finds nothing wrong with it.
   */
  public StateMachine stateMachine() {
    Authority authority = authority();
    return new StateMachine(process, new ApprovalRules(team.tiers(),
        authority == null ? ApprovalRules.EVERY_APPROVAL : authority));
  }

  /** Who may record what in this workspace, or null when it has no team, signers or required signatures. */
  public Authority authority() {
    return team.active() ? new Authority(process, team) : null;
  }

  /** The workspace's store, created when it is a database that does not exist yet. */
  public CaseStore openStore() {
    return openStore(OpenMode.CREATE);
  }

  /** The workspace's store ({@link #storeSpec()}). */
  public CaseStore openStore(OpenMode mode) {
    return openStore(storeSpec(), mode);
  }

  /**
   * The store of this workspace's {@code store:} setting, relative to the workspace folder, or its
   * {@code cases/} folder.
   *
   * @throws dev.salesflow.core.model.InvalidRequestException when the setting names no known kind of store
   */
  public StoreSpec storeSpec() {
    return config.store() == null ? new StoreSpec.Folder(casesDir()) : StoreSpec.parse(config.store(), root);
  }

  /** The store that {@code spec} names ({@link StoreSpec#parse}), relative to {@code base}; a missing database is created. */
  public CaseStore openStore(String spec, Path base) {
    return openStore(spec, base, OpenMode.CREATE);
  }

  /** As {@link #openStore(String, Path)}, a missing database being created or refused as {@code mode} says. */
  public CaseStore openStore(String spec, Path base, OpenMode mode) {
    return openStore(StoreSpec.parse(spec, base), mode);
  }

  /**
   * The store {@code spec} names, a missing database created or refused as {@code mode} says: the
   * one place a store is chosen, so a new kind of store is one more case here.
   */
  public CaseStore openStore(StoreSpec spec, OpenMode mode) {
    return switch (spec.kind()) {
      case FOLDER -> YamlDirectoryStore.open(spec.location(), process, zone, mode);
      case SQLITE -> SqliteStore.open(spec.location(), zone, new WorkspaceClockIndexer(this), mode);
      case POSTGRESQL -> PostgresStore.open((StoreSpec.Postgres) spec, zone, new WorkspaceClockIndexer(this), mode,
          System.getenv());
    };
  }

  /**
   * The store {@code spec} names as a migration target: a folder is created when missing, a SQLite
   * file is created by opening it; one that an earlier migration left unfinished is opened too.
   */
  public CaseStore createStore(StoreSpec spec) {
    spec.prepareTarget();
    return openStore(spec, OpenMode.MIGRATION);
  }

  /**
   * Creates a workspace in {@code dir} (made when missing): {@code salesflow.yaml} with every
   * default, {@code cases/} and its {@code .gitignore}, and the {@code .gitattributes} line that
   * has git merge case files with salesflow. Never overwrites anything.
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
      dev.salesflow.core.git.GitSetup.writeAttributes(target);
    } catch (IOException e) {
      throw new StoreException("cannot create workspace in " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

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
        # Lead sources added to the process's (exhibition, online, referral, research, other), e.g.
        # sources:
        #   cold_call: {en: Cold Call, zh: 陌生电话}
        """;
  }
}
