package dev.salesflow.core.check;

import dev.salesflow.core.git.Git;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.forms.Attachments;
import dev.salesflow.core.model.CheckOptions;
import dev.salesflow.core.model.CheckReport;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.Progress;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.Severity;
import dev.salesflow.core.model.SlaMode;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.StoreSpec;
import dev.salesflow.core.store.UnfinishedMigration;
import dev.salesflow.core.store.yaml.YamlDirectoryStore;
import dev.salesflow.core.store.yaml.CaseFile;
import dev.salesflow.core.store.yaml.CaseFileReader;
import dev.salesflow.core.team.Authority;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Validates a workspace and its cases without writing anything: the settings and process first,
 * then each case file (syntax, fields, types, values), duplicate ids across files, the replay of
 * every event, events after now, unpaired stop events, and SLA clocks; or the cases of a database.
 */
public final class Checker {
  private final Workspace workspace;
  private final CheckOptions options;
  private final CaseFileReader reader;
  private final StateMachine machine;
  private final SlaEngine sla;
  private final Pairings pairings;
  private final Authority authority;
  /** The years without an official schedule that the SLA clocks' deadlines needed (from any thread). */
  private final Set<Integer> unknownYears = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Cases checked that an import opened mid-process; files are checked in parallel. */
  private final java.util.concurrent.atomic.LongAdder imported = new java.util.concurrent.atomic.LongAdder();

  private Checker(Workspace workspace, CheckOptions options) {
    this.workspace = workspace;
    this.options = options;
    this.reader = new CaseFileReader(workspace.process(), workspace.zone());
    this.machine = workspace.stateMachine();
    this.sla = workspace.slaEngine();
    this.pairings = Pairings.of(workspace.process());
    this.authority = workspace.authority();
  }

  /**
   * Checks the workspace at {@code root} and the case files under {@code targets} (files or
   * folders; empty: the workspace's store).
   *
   * @param progress told the number of case files done, of how many, after each batch (from any thread)
   */
  public static CheckReport check(Path root, List<Path> targets, CheckOptions options, Progress progress) {
    return check(root, null, root, targets, options, progress);
  }

  /**
   * As {@link #check(Path, List, CheckOptions, Progress)}, with no targets checking the store that
   * {@code storeSpec} names (null: the workspace's own, from its {@code store:} setting): a folder's
   * case files, or the cases in a SQLite database. A database's cases get the checks a case file's
   * parsed content gets (replay, events after now, unpaired events, SLA clocks; its schema rules out
   * the rest); their findings name the database as their file, at 1:1, with the case id first in
   * the message. A missing database is refused, never created.
   *
   * @param base the folder a relative {@code storeSpec} is resolved against
   * @throws StoreException when the database is missing or not a salesflow one
   */
  public static CheckReport check(Path root, String storeSpec, Path base, List<Path> targets, CheckOptions options,
      Progress progress) {
    return check(root, storeSpec, base, targets, null, options, progress);
  }

  /**
   * Checks the workspace at {@code root} and only its case files that git lists as changed since
   * {@code ref} (see {@link Git#changedSince}), for a pull request; every case file when one of the
   * workspace's own files (settings, process, calendar) changed, since any case may be judged
   * differently then.
   *
   * @throws InvalidRequestException when the workspace is not in a git repository, git does not
   *     know {@code ref}, or the workspace keeps its cases in a database
   */
  public static CheckReport checkChangedSince(Path root, String ref, CheckOptions options, Progress progress) {
    return check(root, null, root, List.of(), ref, options, progress);
  }

  private static CheckReport check(Path root, String storeSpec, Path base, List<Path> targets, String changedSince,
      CheckOptions options, Progress progress) {
    Path config = root.resolve(Workspace.CONFIG_FILE);
    Workspace workspace;
    try {
      workspace = Workspace.open(root);
    } catch (DiagnosticsException e) {
      List<Path> files = new ArrayList<>(new LinkedHashSet<>(
          Stream.concat(Stream.of(config), e.diagnostics().stream().map(Diagnostic::file)).toList()));
      return new CheckReport(files, sorted(e.diagnostics()));
    }
    List<Path> files = new ArrayList<>();
    files.add(config);
    if (workspace.config().process() != null) {
      files.add(root.resolve(workspace.config().process()));
    }
    files.addAll(workspace.calendarFiles());
    files.addAll(workspace.team().files());
    Checker checker = new Checker(workspace, options);
    List<Path> caseFiles;
    if (targets.isEmpty()) {
      StoreSpec spec = storeSpec != null ? StoreSpec.parse(storeSpec, base) : workspace.storeSpec();
      if (!(spec instanceof StoreSpec.Folder)) {
        if (changedSince != null) {
          throw new InvalidRequestException("--changed-since checks case files in git; this workspace keeps its cases in "
              + spec.location() + " (run check without it)");
        }
        files.add(spec.location());
        return new CheckReport(files, checker.checkDatabase(spec, progress), checker.unknownYears,
            checker.imported.intValue());
      }
      caseFiles = expand(List.of(spec.location()));
      if (changedSince != null && !changed(root, files, changedSince)) {
        Set<Path> changed = new HashSet<>();
        new Git(spec.location()).changedSince(changedSince).forEach(p -> changed.add(p.normalize()));
        caseFiles = caseFiles.stream().filter(p -> changed.contains(p.normalize())).toList();
      }
    } else {
      caseFiles = expand(targets);
    }
    files.addAll(caseFiles);
    List<Diagnostic> findings = checker.checkFiles(caseFiles, progress);
    return new CheckReport(files, findings, checker.unknownYears, checker.imported.intValue());
  }

  /** Whether git lists one of {@code files} (under {@code root}) as changed since {@code ref}. */
  private static boolean changed(Path root, List<Path> files, String ref) {
    Set<Path> changed = new HashSet<>();
    new Git(root).changedSince(ref).forEach(p -> changed.add(p.normalize()));
    return files.stream().anyMatch(f -> changed.contains(f.normalize()));
  }

  /** The findings of every case in the database {@code spec} names, in id order; they name its file. */
  private List<Diagnostic> checkDatabase(StoreSpec spec, Progress progress) {
    Path location = spec.location();
    List<Diagnostic> findings = new ArrayList<>();
    try (CaseStore store = workspace.openStore(spec, OpenMode.EXISTING)) {
      // a row another program wrote that no case can be read from is a finding, as a broken case file is
      store.skipUnreadableTo(badRow -> findings.addAll(badRow.diagnostics()));
      int total = store.ids().size();
      int[] done = {0};
      store.forEachCase(c -> {
        if (!CaseIds.isValid(c.id())) {
          // another program wrote it: list, export and migrate refuse it, so check says so first
          findings.add(Diagnostic.error(DiagnosticCode.BAD_ID, location, SourcePosition.START,
              "invalid case id '" + c.id().replaceAll("[\\p{Cc}\\p{Cf}]", "?") + "': " + CaseIds.rule()));
          return;
        }
        findings.addAll(caseFindings(c, location, null));
        if (++done[0] % 256 == 0 || done[0] == total) {
          progress.update(done[0], total);
        }
      });
    }
    return findings;
  }

  /** The .yaml files under each target, sorted; hidden files and folders are skipped. */
  static List<Path> expand(List<Path> targets) {
    List<Path> files = new ArrayList<>();
    for (Path target : targets) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target)) {
        files.add(target); // checkFile tells a FIFO, a device or a link from a case file without opening it
      } else if (Files.isDirectory(target)) {
        if (YamlDirectoryStore.hasMark(target)) {
          throw UnfinishedMigration.refusal(target);
        }
        try (Stream<Path> walk = Files.walk(target)) {
          // every X.yaml but the folder named: a FIFO, a folder or a link named so is a finding
          walk.filter(p -> !p.equals(target) && p.getFileName().toString().endsWith(".yaml"))
              .filter(p -> !isHidden(target.relativize(p)))
              .sorted()
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new StoreException("cannot list " + target + ": " + e.getMessage(), e);
        }
      } else {
        throw new InvalidRequestException("no such file or folder: " + target);
      }
    }
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks files a batch at a time ({@code jobs} in parallel), keeping only findings and the first
   * file of each id, so memory follows the findings, not the number of files.
   */
  private List<Diagnostic> checkFiles(List<Path> files, Progress progress) {
    List<Diagnostic> findings = new ArrayList<>();
    Map<String, Path> firstFileOfId = new HashMap<>();
    java.util.concurrent.ForkJoinPool pool = options.jobs() == 1 ? null : new java.util.concurrent.ForkJoinPool(options.jobs());
    try {
      int batch = 256 * options.jobs();
      for (int from = 0; from < files.size(); from += batch) {
        List<Path> slice = files.subList(from, Math.min(files.size(), from + batch));
        List<FileResult> results = pool == null
            ? slice.stream().map(this::checkFile).toList()
            : pool.submit(() -> slice.parallelStream().map(this::checkFile).toList()).get();
        for (FileResult r : results) {
          findings.addAll(r.findings());
          if (r.id() != null) {
            Path first = firstFileOfId.putIfAbsent(r.id(), r.file());
            if (first != null) {
              findings.add(new Diagnostic(DiagnosticCode.DUPLICATE_ID, Severity.ERROR, r.file(), r.idPosition(),
                  Message.of(MessageKey.DUPLICATE_ID, r.id(), first), r.id()));
            }
          }
        }
        progress.update(from + slice.size(), files.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("check interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return sorted(findings);
  }

  private static List<Diagnostic> sorted(List<Diagnostic> findings) {
    return findings.stream()
        .sorted(Comparator.comparing((Diagnostic d) -> String.valueOf(d.file()))
            .thenComparing(d -> d.position().line())
            .thenComparing(d -> d.position().column()))
        .toList();
  }

  private record FileResult(Path file, String id, SourcePosition idPosition, List<Diagnostic> findings) {}

  private FileResult checkFile(Path file) {
    if (Files.isSymbolicLink(file)) {
      return new FileResult(file, null, null, List.of(Diagnostic.error(DiagnosticCode.SYMLINK, file, SourcePosition.START,
          Message.of(MessageKey.SYMLINK))));
    }
    java.util.Optional<String> notACaseFile = CaseFileReader.notACaseFile(file);
    if (notACaseFile.isPresent()) {
      return new FileResult(file, null, null, List.of(Diagnostic.error(DiagnosticCode.NOT_A_CASE_FILE, file,
          SourcePosition.START, notACaseFile.get())));
    }
    byte[] bytes;
    try {
      bytes = CaseFileReader.readBounded(file);
    } catch (IOException e) {
      return new FileResult(file, null, null, List.of(Diagnostic.error(DiagnosticCode.YAML_SYNTAX, file,
          SourcePosition.START, "cannot read the file: " + e.getMessage())));
    } catch (DiagnosticsException e) {
      return new FileResult(file, null, null, e.diagnostics());
    }
    CaseFile caseFile;
    try {
      caseFile = reader.read(file, bytes);
    } catch (DiagnosticsException e) {
      return new FileResult(file, null, null, e.diagnostics());
    }
    return new FileResult(file, caseFile.value().id(), caseFile.tree().valuePositionOf("id"),
        caseFindings(caseFile.value(), file, caseFile));
  }

  /**
   * What is wrong with a case whatever stores it: an illegal event, events after now, unpaired
   * events, late or breached SLA clocks. {@code source} places them in the case's file; without one
   * (a database) they are at the start of {@code file}, the case id leading the message.
   */
  private List<Diagnostic> caseFindings(Case c, Path file, CaseFile source) {
    List<Diagnostic> findings = new ArrayList<>();
    if (c.opening().isPresent()) {
      imported.increment();
    }
    Replay replay = machine.replay(c);
    Replay.Violation v = replay.illegal().orElse(null);
    if (v != null) {
      findings.add(error(codeOf(v.kind()), c, file, eventPosition(source, v.eventIndex()),
          Message.of(MessageKey.EVENT_FINDING, v.eventIndex() + 1, describe(c.events().get(v.eventIndex())),
              Message.of(MessageKey.CONCAT, v.text(), reordering(c, file, source, v.eventIndex()))), source));
    }
    List<Event> events = c.events();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (e.recordedAt().filter(recorded -> recorded.isBefore(e.at())).isPresent()) {
        findings.add(error(DiagnosticCode.TIME_ORDER, c, file, source == null ? SourcePosition.START
                : source.tree().positionOf("events", i, Event.RECORDED_AT),
            Message.of(MessageKey.RECORDED_BEFORE_IT_HAPPENED, i + 1, describe(e), e.fields().get(Event.RECORDED_AT),
                Timestamps.format(e.at())), source));
      }
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).at().toInstant().isAfter(options.now())) {
        findings.add(error(DiagnosticCode.FUTURE_EVENT, c, file, eventPosition(source, i),
            Message.of(MessageKey.EVENT_AFTER_NOW, i + 1, Timestamps.format(events.get(i).at()),
                Timestamps.format(options.now().atZone(workspace.zone()).toOffsetDateTime())), source));
      }
    }
    unpaired(c, file, source, findings);
    Attachments attachments = new Attachments(workspace.root());
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type().equals(Attachments.TYPE)) {
        String problem = attachments.problem(events.get(i));
        if (problem != null) {
          findings.add(error(DiagnosticCode.BAD_ATTACHMENT, c, file, eventPosition(source, i), Message.of(
              MessageKey.ATTACHMENT_FINDING, i + 1, events.get(i).fields().getOrDefault("name", "?"), problem), source));
        }
      }
    }
    if (workspace.formsRequired()) {
      for (int i = 0; i < events.size(); i++) {
        Map<String, Message> missing = workspace.process().formProblemTexts(events.get(i));
        if (!missing.isEmpty()) {
          findings.add(error(DiagnosticCode.FORM_INCOMPLETE, c, file, eventPosition(source, i), Message.of(
              MessageKey.FORM_FINDING, i + 1, describe(events.get(i)), events.get(i).type(),
              new Message.Joined("; ", List.copyOf(missing.values()))), source));
        }
      }
    }
    if (authority != null) {
      for (int i = 0; i < events.size(); i++) {
        for (Authority.Finding f : authority.findings(c.id(), events.get(i))) {
          SourcePosition at = source == null ? SourcePosition.START
              : f.field() == null ? source.eventPosition(i) : source.tree().positionOf("events", i, f.field());
          findings.add(error(f.code(), c, file, at, Message.of(MessageKey.EVENT_FINDING, i + 1, describe(events.get(i)),
              f.message()), source));
        }
      }
    }
    if (options.sla() != SlaMode.OFF) {
      clocks(c, file, source, replay, findings);
    }
    return findings;
  }

  private static Diagnostic error(DiagnosticCode code, Case c, Path file, SourcePosition at, Message message, CaseFile source) {
    return finding(code, Severity.ERROR, c, file, at, message, source);
  }

  private static Diagnostic finding(DiagnosticCode code, Severity severity, Case c, Path file, SourcePosition at,
      Message message, CaseFile source) {
    return new Diagnostic(code, severity, file, at, source == null ? Message.of(MessageKey.CASE_PREFIX, c.id(), message)
        : message, c.id());
  }

  private static SourcePosition eventPosition(CaseFile source, int index) {
    return source == null ? SourcePosition.START : source.eventPosition(index);
  }

  private static DiagnosticCode codeOf(Replay.Violation.Kind kind) {
    return switch (kind) {
      case UNMET_GUARD -> DiagnosticCode.UNMET_GUARD;
      case TIME_ORDER -> DiagnosticCode.TIME_ORDER;
      case ILLEGAL_EVENT -> DiagnosticCode.ILLEGAL_EVENT;
    };
  }

  /**
   * What replaying in time order changed around the refused event {@code index}: the events on the
   * other side of it in the file than in time (e.g. the record a guard counted on, written above
   * the advance but dated after it), each with its place; empty when the file is in time order.
   */
  private static Object reordering(Case c, Path file, CaseFile source, int index) {
    int[] order = c.timelineIndexes();
    if (order == null || index >= c.events().size()) {
      return "";
    }
    Event refused = c.events().get(index);
    List<Message> moved = new ArrayList<>();
    for (int i = 0; i < c.events().size(); i++) {
      Event e = c.events().get(i);
      boolean aboveButAfter = i < index && e.at().isAfter(refused.at());
      boolean belowButBefore = i > index && e.at().isBefore(refused.at());
      if (aboveButAfter || belowButBefore) {
        String where = source == null ? "" : ", " + file.getFileName() + ":" + source.eventPosition(i).line();
        moved.add(Message.of(aboveButAfter ? MessageKey.ABOVE_BUT_AFTER : MessageKey.BELOW_BUT_BEFORE, i + 1, describe(e),
            Timestamps.format(e.at()), where));
      }
    }
    return moved.isEmpty() ? "" : Message.of(MessageKey.REPLAYED_IN_TIME_ORDER, new Message.Joined("; ", moved));
  }

  private static Object describe(Event e) {
    return e.isAdvance() ? Message.of(MessageKey.ADVANCE_TO, e.field("to").orElse("?")) : e.type();
  }

  private void unpaired(Case c, Path file, CaseFile source, List<Diagnostic> findings) {
    int[] order = c.timelineIndexes();
    for (Pairings.Unpaired u : pairings.unpaired(c.timeline())) {
      int index = order == null ? u.index() : order[u.index()];
      findings.add(error(DiagnosticCode.UNPAIRED_ISSUE, c, file, eventPosition(source, index),
          Message.of(MessageKey.UNPAIRED_FINDING, index + 1, u.message()), source));
    }
  }

  private void clocks(Case c, Path file, CaseFile source, Replay replay, List<Diagnostic> findings) {
    Severity severity = options.sla() == SlaMode.ERROR ? Severity.ERROR : Severity.WARNING;
    var sheet = sla.clocks(c, replay, options.now(), Duration.ZERO);
    unknownYears.addAll(sheet.unknownYears());
    for (var clock : sheet.clocks()) {
      String rule = clock.rule() + (clock.key() == null ? "" : " (" + clock.key() + ")");
      DiagnosticCode code;
      Message what;
      switch (clock.state()) {
        case BREACHED -> {
          code = DiagnosticCode.SLA_BREACHED;
          what = Message.of(MessageKey.SLA_BREACHED, rule, format(clock.dueAt()));
        }
        case MET_LATE -> {
          code = DiagnosticCode.SLA_LATE;
          what = Message.of(MessageKey.SLA_MET_LATE, rule, format(clock.dueAt()), format(clock.stoppedAt()));
        }
        default -> {
          continue;
        }
      }
      findings.add(finding(code, severity, c, file, startPosition(source, clock.startedAt()), what, source));
    }
  }

  private String format(java.time.Instant at) {
    return Timestamps.format(at.atZone(workspace.zone()).toOffsetDateTime());
  }

  /** The event a clock started at, in the case's file; the start of the file without one (a database). */
  private static SourcePosition startPosition(CaseFile f, java.time.Instant startedAt) {
    if (f == null) {
      return SourcePosition.START;
    }
    List<Event> events = f.value().events();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).at().toInstant().equals(startedAt)) {
        return f.eventPosition(i);
      }
    }
    return f.tree().valuePositionOf("registered_at");
  }
}
