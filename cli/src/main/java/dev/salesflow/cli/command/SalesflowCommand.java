package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.SkippedCases;
import dev.salesflow.cli.output.TerminalWriter;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Durations;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level command; its options are global (accepted before or after a subcommand). Its
 * subcommands are added by {@link CommandTree}.
 */
@Command(
    name = "salesflow",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs and checks the standard sales process: cases, stages, SLA deadlines.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Exit codes: 0 ok, 1 findings or refused, 2 usage error, 3 store or file unreadable/unwritable,"
        + " 4 internal error (a bug: please report it with the output of --verbose)."})
public final class SalesflowCommand implements Runnable {
  private final CliContext context;
  /** The cases skipped as unreadable, once a command opened the workspace. */
  private SkippedCases skipped;
  /** Set by {@link #readsOthersOnlyToAdvise}. */
  private boolean advisoryReads;

  @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Workspace folder (default: nearest folder upward holding salesflow.yaml).")
  Path workspace;

  @Option(names = "--store", paramLabel = "STORE", scope = ScopeType.INHERIT,
      description = "Where cases live: a folder of case files, sqlite:FILE or postgresql://USER@HOST:PORT/DB (default: the workspace's).")
  String store;

  @Option(names = "--now", paramLabel = "TIMESTAMP", scope = ScopeType.INHERIT,
      description = "Pretend the time is TIMESTAMP (also env SALESFLOW_NOW), for reproducible runs.")
  String now;

  /** Each subcommand's help and completion offer only its own formats ({@link CommandTree}). */
  @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, completionCandidates = Format.Labels.class,
      description = "Output format: ${COMPLETION-CANDIDATES}; each command's --help lists those it takes.")
  Format format;
  /** Set by {@link #failureAnswered}. */
  private boolean failureAnswered;

  @Option(names = "--lang", paramLabel = "en|zh", scope = ScopeType.INHERIT,
      description = "Language of labels (default: from the locale).")
  String lang;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only what scripts need.")
  boolean quiet;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
  public boolean verbose;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour output.")
  boolean noColor;

  public SalesflowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.MISSING_COMMAND).english());
  }

  public CliContext context() {
    return context;
  }

  public boolean verbose() {
    return verbose;
  }

  boolean quiet() {
    return quiet;
  }

  /** The workspace folder: {@code -w} or the nearest one upward from the working folder. */
  Path workspaceRoot() {
    if (workspace != null) {
      Path dir = context.cwd().resolve(workspace).normalize();
      if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
        throw new dev.salesflow.core.model.StoreException("workspace folder " + workspace
            + " is a symbolic link that leads nowhere (dangling, or a loop of links)");
      }
      if (!Files.isDirectory(dir)) {
        throw new WorkspaceNotFoundException("workspace folder " + workspace + " does not exist");
      }
      return dir;
    }
    Path found = Salesflow.findWorkspace(context.cwd()).orElse(null);
    if (found == null) {
      throw new WorkspaceNotFoundException("no salesflow.yaml in " + context.cwd().toAbsolutePath()
          + " or any folder above it (run 'salesflow init', or pass --workspace DIR)");
    }
    return found;
  }

  /**
   * Opens the workspace's cases for a command that adds cases: a missing database is created.
   * {@code --store} is relative to the working folder, {@code store:} to the workspace.
   */
  Salesflow open() {
    return open(OpenMode.CREATE);
  }

  /** Opens the workspace's cases for a command that only reads them or changes existing ones: creates nothing. */
  Salesflow openExisting() {
    return open(OpenMode.EXISTING);
  }

  /** In a batch, a handle on the workspace the batch keeps open; else the workspace opened anew. */
  private Salesflow open(OpenMode mode) {
    if (context.kept() != null) {
      return warned(context.kept().open(workspaceRoot(), store, context.cwd(), mode));
    }
    return warned(Salesflow.open(workspaceRoot(), store, context.cwd(), mode));
  }

  /**
   * {@code flow}, its store's warnings (a FIFO among the case files, say) printed on stderr, even
   * with -q, and each case it cannot read skipped by the reads of many cases and printed as check
   * prints it ({@link #withSkipped}).
   */
  private Salesflow warned(Salesflow flow) {
    // classes, not lambdas: no lambda is spun up on the start-up path of show (StartupPathTest)
    if (skipped == null) {
      skipped = new SkippedCases(context.err(), context.cwd(), new java.util.function.BooleanSupplier() {
        @Override
        public boolean getAsBoolean() {
          return format == Format.JSON;
        }
      });
    }
    return flow.warnTo(new java.util.function.Consumer<String>() {
      @Override
      public void accept(String warning) {
        context.err().println("salesflow: warning: " + warning);
      }
    }).skipUnreadableTo(skipped);
  }

  /**
   * The exit code of a command that returned {@code code}: at least {@link ExitCode#IO} when it
   * skipped a case it could not read (its output is short of that case), else {@code code}.
   */
  public int withSkipped(int code) {
    return skipped != null && skipped.count() > 0 && !advisoryReads ? Math.max(code, ExitCode.IO.code()) : code;
  }

  /**
   * The command reads other cases only to advise (register's duplicate warning, reassign's known
   * owners): a case it skipped is still printed, but its write decides the exit code, so a script
   * never retries a registration that was made.
   */
  void readsOthersOnlyToAdvise() {
    advisoryReads = true;
  }

  /** The current time: {@code --now}, env {@code SALESFLOW_NOW}, or the clock. */
  OffsetDateTime now(ZoneId zone) {
    String text = now != null ? now : context.env().get("SALESFLOW_NOW");
    if (text == null || text.isBlank()) {
      // whole seconds: what a person types and reads back (not 2026-12-03T17:38:38.201202129+08:00)
      return OffsetDateTime.now(zone).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
    return timestamp(now != null ? "--now" : "SALESFLOW_NOW", text, zone);
  }

  /** Parses a timestamp option such as {@code --at}. */
  static OffsetDateTime timestamp(String option, String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    OffsetDateTime parsed = Timestamps.parse(text, zone).orElse(null);
    if (parsed == null) {
      throw new InvalidRequestException(option + ": '" + text + "' is not " + Timestamps.accepted());
    }
    return parsed;
  }

  /** A window option such as {@code --due-within 36h}: null when not given; refuses text that is no duration. */
  static Duration window(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(option + ": " + e.getMessage());
    }
  }

  /** The {@code --priority} filter: null when not given; refuses text that names no priority. */
  static Priority priority(String text) {
    if (text == null) {
      return null;
    }
    Priority parsed = Priority.parse(text).orElse(null);
    if (parsed == null) {
      throw new InvalidRequestException("--" + Priority.notAPriority(text));
    }
    return parsed;
  }

  /** The output format (default text), refusing those the command does not support. */
  Format format(List<Format> supported) {
    Format chosen = format == null ? Format.TEXT : format;
    if (!supported.contains(chosen)) {
      throw new InvalidRequestException(dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.FORMAT_NOT_SUPPORTED,
          chosen.label(), String.join(", ", supported.stream().map(Format::label).toList())));
    }
    TerminalWriter.machineOutput(context.out(), chosen.isMachine());
    return chosen;
  }

  /** The format given with --format, or null. */
  Format explicitFormat() {
    return format;
  }

  /**
   * Whether a failure of {@code command} is answered on stdout with {@code ErrorJson}: it was run
   * with {@code --format json}, writes JSON, and has not printed its own answer to the failure.
   */
  public boolean failsInJson(Object command) {
    return format == Format.JSON && !failureAnswered && command instanceof Formatted f && f.formats().contains(Format.JSON);
  }

  /** The command has printed its own JSON answer to the failure it is about to throw. */
  void failureAnswered() {
    failureAnswered = true;
  }

  /** The language of failures: {@link #lang()}, or {@code en} when {@code --lang} itself is wrong. */
  public String messageLanguage() {
    try {
      return lang();
    } catch (InvalidRequestException e) {
      return "en";
    }
  }

  /** The label language: {@code --lang}, else {@code zh} for a Chinese locale, else {@code en}. */
  String lang() {
    if (lang != null) {
      if (!lang.equals("en") && !lang.equals("zh")) {
        throw new InvalidRequestException(dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.LANG_EN_OR_ZH, lang));
      }
      return lang;
    }
    String envLang = context.env().getOrDefault("LC_ALL", context.env().getOrDefault("LANG", ""));
    if (!envLang.isEmpty()) {
      return envLang.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }
    return Locale.getDefault().getLanguage().equals("zh") ? "zh" : "en";
  }
}
