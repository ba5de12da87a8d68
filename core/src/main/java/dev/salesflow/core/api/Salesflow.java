package dev.salesflow.core.api;

import dev.salesflow.core.calendar.CalendarListing;
import dev.salesflow.core.check.Checker;
import dev.salesflow.core.check.Pairings;
import dev.salesflow.core.forms.Attachments;
import dev.salesflow.core.forms.FilledForms;
import dev.salesflow.core.forms.MissingFields;
import dev.salesflow.core.forms.FormInput;
import dev.salesflow.core.git.GitSetup;
import dev.salesflow.core.leads.LeadImport;
import dev.salesflow.core.leads.Registrar;
import dev.salesflow.core.merge.MergeDriver;
import dev.salesflow.core.model.CalendarDay;
import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.CalendarYear;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.CheckOptions;
import dev.salesflow.core.model.CheckReport;
import dev.salesflow.core.model.ClockSheet;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.FilledForm;
import dev.salesflow.core.model.MissingFormField;
import dev.salesflow.core.model.ImportOptions;
import dev.salesflow.core.model.ImportResult;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.LeadRow;
import dev.salesflow.core.model.MergeOutcome;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.Migration;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.OverdueQuery;
import dev.salesflow.core.model.NotifyReport;
import dev.salesflow.core.model.OverdueReport;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.Progress;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.RegistrationProblem;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.model.ReportQuery;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.SalesProcess;
import dev.salesflow.core.model.TextCharacters;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.report.KeptOrReplayed;
import dev.salesflow.core.report.ReportPlan;
import dev.salesflow.core.report.Reports;
import dev.salesflow.core.sla.OverdueFinder;
import dev.salesflow.core.sla.SlaEngine;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.StoreSpec;
import dev.salesflow.core.team.ApprovalPayload;
import dev.salesflow.core.team.Authority;
import dev.salesflow.core.team.People;
import dev.salesflow.core.team.SshKeygenSigner;
import dev.salesflow.core.notify.FileSentLog;
import dev.salesflow.core.notify.Notifier;
import dev.salesflow.core.notify.NotifySettings;
import dev.salesflow.core.store.SentLog;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A workspace's cases and the operations on them: register, record an event, advance, read,
 * replay, compute SLA clocks, list overdue follow-ups, report, import leads and migrate; and, as
 * static methods, find, create and check a workspace.
 *
 * <p>Every write is judged by the process's state machine against the case as stored at that
 * moment, under the store's write lock, so two processes writing at once never lose an event or
 * act on a stale case. Values in and out are immutable records; failures are the unchecked
 * subclasses of {@link dev.salesflow.core.model.SalesflowException}: {@link InvalidRequestException} for a bad request,
 * {@link RefusedException} when the process refuses a move (with every unmet requirement), {@link
 * dev.salesflow.core.model.CaseNotFoundException}, {@link dev.salesflow.core.model.DiagnosticsException} when a file cannot be read (with its
 * diagnostics and their locations), {@link dev.salesflow.core.model.StoreException} for I/O and {@link
 * dev.salesflow.core.model.WorkspaceNotFoundException}.
 *
 * <pre>{@code
 * try (Salesflow flow = Salesflow.open(Path.of("examples"))) {
 *   OffsetDateTime at = OffsetDateTime.parse("2026-11-26T18:00:00+08:00");
 *   for (OverdueItem item : flow.overdue(new OverdueQuery(null, null, null, null), at).items()) {
 *     System.out.println(item.caseId() + " " + item.clock().rule() + " " + item.clock().overdueBy());
 *   }
 * }
 * }</pre>
 *
 * <p>An instance holds the store open (a SQLite connection for a SQLite store); close it. It may be
 * used from several threads.
 */
public final class Salesflow implements AutoCloseable {
  private final Workspace workspace;
  private final CaseStore store;
  private final StateMachine machine;
  private final Pairings pairings;
  private final SlaEngine sla;
  private final StoreSpec storeSpec;
  /** Whether {@link #close} closes the store: false for a {@link #keptOpen} handle. */
  private final boolean closesStore;

  private Salesflow(Workspace workspace, StoreSpec storeSpec, CaseStore store) {
    this(workspace, storeSpec, store, workspace.stateMachine(), Pairings.of(workspace.process()), workspace.slaEngine(), true);
  }

  private Salesflow(Workspace workspace, StoreSpec storeSpec, CaseStore store, StateMachine machine, Pairings pairings,
      SlaEngine sla, boolean closesStore) {
    this.workspace = workspace;
    this.storeSpec = storeSpec;
    this.store = store;
    this.machine = machine;
    this.pairings = pairings;
    this.sla = sla;
    this.closesStore = closesStore;
  }

  /**
   * A handle on this open workspace and store whose {@link #close} leaves the store open, for a
   * caller that runs many commands on one store (one opened SQLite connection for a whole batch).
   * The store closes when this instance (the one that opened it) is closed.
   *
   * @return a handle sharing this instance's workspace and store
   */
  public Salesflow keptOpen() {
    return new Salesflow(workspace, storeSpec, store, machine, pairings, sla, false);
  }

  /**
   * Opens the workspace at {@code root} with its own store ({@code store:} in its settings, else
   * its {@code cases/} folder), reading and checking its settings, process and calendar.
   *
   * @param root the folder holding {@code salesflow.yaml}
   * @return the open workspace; close it
   * @throws dev.salesflow.core.model.WorkspaceNotFoundException when {@code root} holds no {@code salesflow.yaml}
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings, process or calendar are invalid (with locations)
   * @throws dev.salesflow.core.model.StoreException when the store cannot be opened
   * @throws InvalidRequestException when its {@code store:} names no known kind of store
   */
  public static Salesflow open(Path root) {
    Workspace workspace = Workspace.open(root);
    return new Salesflow(workspace, workspace.storeSpec(), workspace.openStore());
  }

  /**
   * Opens the workspace at {@code root} with another store.
   *
   * @param root the folder holding {@code salesflow.yaml}
   * @param storeSpec {@code sqlite:FILE} or a folder of case files ({@code ./NAME} for a name with a
   *     {@code :}); null means the workspace's own
   * @param base the folder a relative {@code storeSpec} is resolved against
   * @return the open workspace; close it
   * @throws dev.salesflow.core.model.WorkspaceNotFoundException when {@code root} holds no {@code salesflow.yaml}
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings, process or calendar are invalid (with locations)
   * @throws dev.salesflow.core.model.StoreException when the store cannot be opened, or is not a salesflow database
   * @throws InvalidRequestException when {@code storeSpec}, or the workspace's {@code store:}, names no known kind of store
   */
  public static Salesflow open(Path root, String storeSpec, Path base) {
    return open(root, storeSpec, base, OpenMode.CREATE);
  }

  /**
   * As {@link #open(Path, String, Path)}, choosing whether a missing database may be created: a
   * caller that only reads, or changes cases that must exist, passes {@link OpenMode#EXISTING}.
   *
   * @param root the folder holding {@code salesflow.yaml}
   * @param storeSpec {@code sqlite:FILE} or a folder of case files ({@code ./NAME} for a name with a
   *     {@code :}); null means the workspace's own
   * @param base the folder a relative {@code storeSpec} is resolved against
   * @param mode {@link OpenMode#EXISTING} to refuse a missing database, {@link OpenMode#CREATE} to create it
   * @return the open workspace; close it
   * @throws dev.salesflow.core.model.WorkspaceNotFoundException when {@code root} holds no {@code salesflow.yaml}
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings, process or calendar are invalid (with locations)
   * @throws dev.salesflow.core.model.StoreException when the store cannot be opened, is missing under {@code EXISTING}, or is
   *     not a salesflow database
   * @throws InvalidRequestException when {@code storeSpec}, or the workspace's {@code store:}, names no known kind of store
   */
  public static Salesflow open(Path root, String storeSpec, Path base, OpenMode mode) {
    Workspace workspace = Workspace.open(root);
    StoreSpec spec = storeSpec == null ? workspace.storeSpec() : StoreSpec.parse(storeSpec, base);
    return new Salesflow(workspace, spec, workspace.openStore(spec, mode));
  }

  /**
   * What writing {@code file} would overwrite of this workspace, if anything: its settings, its
   * folder of case files or a file in it, or its database (with its journal files). An export is
   * refused there: a CSV among the case files breaks every command.
   *
   * @param file a file about to be written, relative to the working folder or absolute
   * @return e.g. {@code the folder of case files}; empty when {@code file} is none of those
   */
  public Optional<String> ownPartAt(Path file) {
    Path target = real(file);
    if (target.equals(real(workspace.root().resolve("salesflow.yaml")))) {
      return Optional.of("the workspace's settings");
    }
    return switch (storeSpec.kind()) {
      case FOLDER -> target.startsWith(real(storeSpec.location())) ? Optional.of("the folder of case files") : Optional.empty();
      case SQLITE -> {
        Path db = real(storeSpec.location());
        String name = db.getFileName().toString();
        String written = target.getFileName() == null ? "" : target.getFileName().toString();
        yield java.util.Objects.equals(target.getParent(), db.getParent())
            && (written.equals(name) || written.startsWith(name + "-"))
            ? Optional.of("the database") : Optional.empty();
      }
      case POSTGRESQL -> Optional.empty();
    };
  }

  /** {@code file} absolute, with the links of its folder resolved (the file itself need not exist). */
  private static Path real(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
    } catch (java.io.IOException e) {
      return absolute;
    }
  }

  /**
   * The nearest workspace at or above {@code start}: the first folder holding {@code
   * salesflow.yaml}, as git finds {@code .git}.
   *
   * @param start the folder to search from
   * @return the workspace root, or empty when there is none up to the file-system root
   */
  public static Optional<Path> findWorkspace(Path start) {
    return Workspace.find(start);
  }

  /**
   * Creates a workspace in {@code dir}: a commented {@code salesflow.yaml} with every default, an
   * empty {@code cases/} folder and a {@code .gitattributes} that has git merge case files with
   * {@link #gitMerge}. Never overwrites anything.
   *
   * @param dir the folder to initialise; created when missing
   * @return the absolute, normalised workspace root
   * @throws InvalidRequestException when {@code dir} already holds a {@code salesflow.yaml}
   * @throws dev.salesflow.core.model.StoreException when the folder or files cannot be written
   */
  public static Path initWorkspace(Path dir) {
    return Workspace.init(dir);
  }

  /**
   * git's merge driver for case files: merges {@code ours} and {@code theirs}, both changed from
   * {@code base}, into {@code ours}. Events appended on either side become one log in time order
   * (on equal times ours first; an event both appended kept once), the registration merges field by
   * field, and the result is replayed through the process of the workspace holding the file. A
   * clean result is byte for byte what recording the events in that order on the base would have
   * written. A conflict (a field changed differently on both sides, or merged events that are no
   * legal history) is written with git's markers around only that part. A file that is no case file,
   * or cannot be read as one, is merged as text by {@code git merge-file}.
   *
   * @param base the common version ({@code %O}); empty or missing when both sides added the file
   * @param ours our version ({@code %A}), replaced by the result
   * @param theirs their version ({@code %B})
   * @param name the file's path in the repository ({@code %P}), or null
   * @param cwd the folder git runs the driver in; {@code name} is relative to it
   * @return how the file was merged, and the conflicts left in it
   * @throws dev.salesflow.core.model.StoreException when a version cannot be read or the result written
   */
  public static MergeOutcome gitMerge(Path base, Path ours, Path theirs, String name, Path cwd) {
    return MergeDriver.run(base, ours, theirs, name, cwd);
  }

  /**
   * Defines the case-file merge driver in the settings of the git repository holding {@code dir}
   * ({@code merge.salesflow.name} and {@code merge.salesflow.driver}), and adds the line that sends
   * case files to it to the {@code .gitattributes} of the workspace holding {@code dir}, if any and
   * when missing.
   *
   * @param dir a folder in the repository
   * @param launcher the command that runs salesflow, as the shell should run it (an absolute path,
   *     so that merges work without salesflow on the PATH)
   * @return each setting made, key to value, in the order made
   * @throws InvalidRequestException when {@code dir} is in no git repository or git fails
   */
  public static Map<String, String> gitSetup(Path dir, String launcher) {
    Map<String, String> settings = GitSetup.configure(dir, launcher);
    Workspace.find(dir).ifPresent(GitSetup::writeAttributes);
    return settings;
  }

  /**
   * As {@link #check(Path, List, CheckOptions, Progress)} for a pull request: the workspace's own
   * files and only the case files git lists as changed since {@code ref} (in commits, staged or
   * not); every case file when a settings, process or calendar file changed.
   *
   * @param root the workspace root, in a git repository
   * @param ref a revision, e.g. {@code origin/main}
   * @param options the instant clocks are judged at, the SLA mode and the number of threads
   * @param progress told the number of case files done, of how many, from any thread
   * @return every finding, ordered by file and position
   * @throws InvalidRequestException when the workspace is in no git repository, git does not know
   *     {@code ref}, or the cases are kept in a database
   */
  public static CheckReport checkChangedSince(Path root, String ref, CheckOptions options, Progress progress) {
    return Checker.checkChangedSince(root, ref, options, progress);
  }

  /**
   * The time zone of the workspace at {@code root}, or the default zone ({@value
   * dev.salesflow.core.workspace.WorkspaceConfig#DEFAULT_TIMEZONE}) when its settings cannot be
   * read; for reading local times given to {@link #check} before the workspace is validated.
   *
   * @param root a workspace root
   * @return its zone, never null
   */
  public static ZoneId zoneOf(Path root) {
    try {
      return Workspace.zoneOf(root);
    } catch (RuntimeException broken) {
      return ZoneId.of(dev.salesflow.core.workspace.WorkspaceConfig.DEFAULT_TIMEZONE);
    }
  }

  /**
   * Checks case files and the workspace settings without writing anything: syntax and fields, the
   * process (every event legal in its stage), ids, and optionally the SLA clocks.
   *
   * @param root the workspace root; its settings are checked too
   * @param targets files or folders to check; empty means the workspace's store
   * @param options the instant clocks are judged at, the SLA mode and the number of threads
   * @param progress told the number of case files done, of how many, from any thread
   * @return every finding, ordered by file and position
   */
  public static CheckReport check(Path root, List<Path> targets, CheckOptions options, Progress progress) {
    return Checker.check(root, targets, options, progress);
  }

  /**
   * As {@link #check(Path, List, CheckOptions, Progress)}, with no targets checking the store
   * {@code storeSpec} names: a folder of case files, or a SQLite database, whose cases get every
   * check but those of the file format; their findings name the database, with the case id first in
   * the message.
   *
   * @param root the workspace root; its settings are checked too
   * @param storeSpec {@code sqlite:FILE} or a folder of case files ({@code ./NAME} for a name with a
   *     {@code :}); null means the workspace's own
   * @param base the folder a relative {@code storeSpec} is resolved against
   * @param targets files or folders to check instead of the store; empty means the store
   * @param options the instant clocks are judged at, the SLA mode and the number of threads
   * @param progress told the number of cases done, of how many, from any thread
   * @return every finding, ordered by file and position
   * @throws dev.salesflow.core.model.StoreException when the database is missing (it is never created) or not a salesflow one
   * @throws InvalidRequestException when {@code storeSpec}, or the workspace's {@code store:}, names no known kind of store
   */
  public static CheckReport check(Path root, String storeSpec, Path base, List<Path> targets, CheckOptions options,
      Progress progress) {
    return Checker.check(root, storeSpec, base, targets, options, progress);
  }

  /**
   * The holidays and makeup working days of one year of a workspace's calendar, each with where it
   * comes from (official built-in schedule, loaded schedule file, statutory rule, the workspace's own
   * days); the store is not opened.
   *
   * @param root the workspace root
   * @param year the year
   * @return the year's days and its source
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings or calendar are invalid
   */
  public static CalendarYear calendarYear(Path root, int year) {
    Workspace ws = Workspace.open(root);
    return CalendarListing.year(ws.calendar(), ws.calendarProvenance(), year);
  }

  /**
   * Whether a date is a working day of a workspace's calendar, and why; the store is not opened.
   *
   * @param root the workspace root
   * @param date the date
   * @return the date's standing and its source
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings or calendar are invalid
   */
  public static CalendarDay calendarDay(Path root, LocalDate date) {
    Workspace ws = Workspace.open(root);
    return CalendarListing.day(ws.calendar(), ws.calendarProvenance(), date);
  }

  /**
   * The first working day strictly after a date on a workspace's calendar, and why it is one.
   *
   * @param root the workspace root
   * @param date the date
   * @return that working day
   * @throws dev.salesflow.core.model.DiagnosticsException when the settings or calendar are invalid
   */
  public static CalendarDay nextWorkingDay(Path root, LocalDate date) {
    Workspace ws = Workspace.open(root);
    return CalendarListing.day(ws.calendar(), ws.calendarProvenance(), ws.calendar().nextWorkingDayAfter(date));
  }

  /**
   * Where this workspace's calendar gets a year from: for the years a report lists as without an
   * official schedule, {@link CalendarSource#STATUTORY} (holidays by rule, makeup working days
   * unknown) or {@link CalendarSource#WEEKLY} (the weekly pattern alone).
   *
   * @param year the year
   * @return its source
   */
  public CalendarSource yearSource(int year) {
    return CalendarListing.sourceOf(workspace.calendar(), workspace.calendarProvenance(), year);
  }

  /**
   * {@link #yearSource(int)} for the workspace at {@code root}, without opening its store.
   *
   * @param root the workspace root
   * @param year the year
   * @return its source
   */
  public static CalendarSource yearSource(Path root, int year) {
    Workspace ws = Workspace.open(root);
    return CalendarListing.sourceOf(ws.calendar(), ws.calendarProvenance(), year);
  }

  /**
   * The workspace root.
   *
   * @return the folder holding {@code salesflow.yaml}
   */
  public Path root() {
    return workspace.root();
  }

  /**
   * The workspace's time zone, in which local times are read and deadlines fall.
   *
   * @return the zone of {@code timezone:} in the settings
   */
  public ZoneId zone() {
    return workspace.zone();
  }

  /**
   * The process the workspace follows.
   *
   * @return its stages, event types, sources and rules with their labels
   */
  public SalesProcess process() {
    return workspace.process();
  }

  /**
   * The store in use, described for messages.
   *
   * @return e.g. {@code case folder examples/cases}
   */
  public String describeStore() {
    return store.describe();
  }

  /**
   * Every case id in the store.
   *
   * @return the ids, sorted
   */
  public List<String> ids() {
    return store.ids();
  }

  /**
   * The case with {@code id} as stored, without replaying it; {@link #show} replays it too.
   *
   * @param id a case id
   * @return the case
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is none
   * @throws dev.salesflow.core.model.DiagnosticsException when its file or row cannot be read
   */
  public Case load(String id) {
    return store.load(id);
  }

  /**
   * Registers a new case in the lead stage. Without an id in {@code r} the next free one is chosen
   * under the store's write lock ({@code PREFIX-YEAR-NNN}).
   *
   * @param r the registration; {@link #registrationProblems} lists what would make it refused
   * @param now the current time, used when {@code r} has no registration time
   * @return the stored case
   * @throws InvalidRequestException listing every missing or bad field at once (its {@link
   *     InvalidRequestException#problems() problems} are {@link RegistrationProblem}s), or when the id is taken
   */
  public Case register(Registration r, OffsetDateTime now) {
    List<RegistrationProblem> problems = registrationProblems(r);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("cannot register", problems);
    }
    Case draft = draft(r, now, List.of());
    if (r.id() != null) {
      store.create(draft);
      return draft;
    }
    return createNumbered(draft);
  }

  /**
   * Judges a registration as {@link #register} would, writing nothing.
   *
   * @param r the registration
   * @param now the current time, used when {@code r} has no registration time
   * @return the case that would be registered; without an id in {@code r} its id is the prefix and
   *     year followed by {@code ?} (the number is chosen when it is written)
   * @throws InvalidRequestException as {@link #register} does, except for a taken id (that is
   *     known only under the write lock)
   */
  public Case registerDryRun(Registration r, OffsetDateTime now) {
    List<RegistrationProblem> problems = registrationProblems(r);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("cannot register", problems);
    }
    Case draft = draft(r, now, List.of());
    return r.id() != null ? draft : withId(draft, workspace.config().idPrefix() + "-"
        + draft.registeredAt().atZoneSameInstant(workspace.zone()).getYear() + "-?");
  }

  /**
   * The cases already registered for a company and contact person, by the duplicate rule {@code
   * import} applies to rows without an id (names compared after Unicode folding, blanks and case).
   *
   * @param company the company name
   * @param contactName the contact person's name
   * @return the ids of the cases whose current registration has them, sorted
   */
  public List<String> registeredAs(String company, String contactName) {
    String person = dev.salesflow.core.leads.LeadImport.person(company, contactName);
    List<String> ids = new ArrayList<>();
    java.util.function.Consumer<Case> match = c -> {
      Case current = c.current();
      if (person.equals(dev.salesflow.core.leads.LeadImport.person(current.customer().company(),
          current.customer().contact().name()))) {
        ids.add(current.id());
      }
    };
    if (!store.forEachStanding(java.util.EnumSet.of(RegistrationField.COMPANY, RegistrationField.CONTACT_NAME),
        s -> match.accept(s.value()))) {
      // a folder: only the files whose text holds every word of both names are read as cases
      store.forEachCase(dev.salesflow.core.leads.LeadImport.mayName(company, contactName), match);
    }
    return ids;
  }

  private static Case draft(Registration r, OffsetDateTime now, List<Event> events) {
    return new Case(
        r.id() == null ? "pending" : r.id(),
        new Customer(r.company(), r.industry(), r.size(), new Contact(r.contactName(), r.contactTitle(), r.phone(), r.email())),
        r.source(), Priority.parse(r.priority()).orElseThrow(), r.owner(), r.at() != null ? r.at() : now, r.need(), events);
  }

  private Case createNumbered(Case draft) {
    String prefix = workspace.config().idPrefix() + "-" + draft.registeredAt().atZoneSameInstant(workspace.zone()).getYear() + "-";
    return store.createNumbered(prefix, id -> withId(draft, id));
  }

  private static Case withId(Case c, String id) {
    return new Case(id, c.customer(), c.source(), c.priority(), c.owner(), c.registeredAt(), c.need(), c.events());
  }

  /**
   * Records an event on a case (stage changes go through {@link #advance}), after checking its
   * fields and that the process allows it in the case's current stage.
   *
   * @param id the case id
   * @param event the event; its time may not be after {@code now}
   * @param now the current time
   * @param dryRun judge the event as if recording it, but write nothing
   * @return the case with the event appended
   * @throws InvalidRequestException for an unknown type or field, a value of the wrong kind, or a time after {@code now}
   * @throws RefusedException when the process does not allow the event now, or, with {@code forms:
   *     required}, its form lacks a required field
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public Case record(String id, Event event, OffsetDateTime now, boolean dryRun) {
    if (event.isAdvance()) {
      throw new InvalidRequestException("stage changes are recorded with 'advance', not 'log'");
    }
    if (event.isCorrection() || event.isReopened()) {
      throw new InvalidRequestException("'" + event.type() + "' is recorded with 'salesflow "
          + (event.isReopened() ? "reopen" : Event.REASSIGNED.equals(event.type()) ? "reassign" : "edit") + "', not 'log'");
    }
    requireRecordable(id, event);
    return write(id, event, now, dryRun);
  }

  /** What {@code log} refuses of an event before looking at the case: unknown fields, an incomplete required form. */
  private void requireRecordable(String id, Event event) {
    Map<String, String> problems = workspace.process().fieldProblems(event);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", problems.values()));
    }
    if (workspace.formsRequired()) {
      Map<String, Message> missing = workspace.process().formProblemTexts(event);
      if (!missing.isEmpty()) {
        List<Message> lines = new ArrayList<>();
        for (Message m : missing.values()) {
          lines.add(Message.of(MessageKey.FORM_PROBLEM, event.type(), m,
              " [" + DiagnosticCode.FORM_INCOMPLETE.id() + " " + DiagnosticCode.FORM_INCOMPLETE.slug() + "]"));
        }
        throw new RefusedException(Message.of(MessageKey.CANNOT_RECORD_FORMS, event.type()), lines, id);
      }
    }
  }

  /**
   * The fields that a form file fills in for an event of {@code type}: a YAML or JSON mapping of
   * the form's field ids to values, a list of items as a sequence of {@code {model, quantity,
   * price}} mappings (stored as {@code ID.1.model}, {@code ID.1.quantity}, ...).
   *
   * @param type an event type with a form
   * @param file the form file
   * @return the event fields, in the file's order
   * @throws InvalidRequestException when the type has no form or the file cannot be read
   * @throws dev.salesflow.core.model.DiagnosticsException listing every unknown field and bad value
   *     with its file, line and column (of kind {@code FORM})
   */
  public Map<String, String> readForm(String type, Path file) {
    return FormInput.read(workspace.process(), type, file);
  }

  /**
   * The forms of case {@code id}'s events of {@code type}, filled in with what they carry.
   *
   * @param id the case id
   * @param type an event type with a form, e.g. {@code delivery_accepted}
   * @param lang {@code en} or {@code zh}, for the labels
   * @return one filled form per such event, oldest first; empty when the case has none
   * @throws InvalidRequestException when the type has no form
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public List<FilledForm> forms(String id, String type, String lang) {
    return FilledForms.of(workspace.process(), store.load(id), type, lang);
  }

  /**
   * Attaches a file to a case: stores it by its SHA-256 under the workspace's {@code attachments/}
   * folder (for every kind of store) and records an {@code attached} event with {@code sha256},
   * {@code size}, {@code name} and {@code kind}. The event is judged first, so a refused one stores
   * nothing.
   *
   * @param id the case id
   * @param file the file to attach
   * @param kind what it is, e.g. {@code contract_scan}; may be null
   * @param at when; null means {@code now}
   * @param by who, or null
   * @param note free text, or null
   * @param now the current time
   * @return the case with the event appended
   * @throws InvalidRequestException when the file is missing or too large, or the process has no {@code attached} events
   * @throws RefusedException when the process does not allow the event now
   */
  public Case attach(String id, Path file, String kind, OffsetDateTime at, String by, String note, OffsetDateTime now) {
    if (!workspace.process().eventTypes().containsKey(Attachments.TYPE)) {
      throw new InvalidRequestException("the process declares no '" + Attachments.TYPE + "' event type to record attachments");
    }
    Attachments attachments = new Attachments(workspace.root());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("sha256", "0".repeat(64));
    fields.put("size", "0");
    fields.put("name", file.getFileName().toString());
    if (kind != null) {
      fields.put("kind", kind);
    }
    record(id, new Event(at != null ? at : now, Attachments.TYPE, by, note, fields), now, true);
    Attachments.Stored stored = attachments.store(file);
    fields.put("sha256", stored.sha256());
    fields.put("size", Long.toString(stored.size()));
    return record(id, new Event(at != null ? at : now, Attachments.TYPE, by, note, fields), now, false);
  }

  /**
   * What a person at a terminal is asked before an event of {@code type} with {@code fields} is
   * recorded: the required fields of its form not filled in, once the workspace requires forms
   * ({@code forms: required}); a list of items without any asks for its first item.
   *
   * @param type the event type
   * @param fields the fields given so far
   * @param lang {@code en} or {@code zh}, for the labels
   * @return the fields to ask for, in form order; empty without {@code forms: required}, for a type
   *     without a form, or when nothing is missing
   */
  public List<MissingFormField> missingFormFields(String type, Map<String, String> fields, String lang) {
    return workspace.formsRequired() ? MissingFields.of(workspace.process(), type, fields, lang) : List.of();
  }

  /**
   * Why {@code value} cannot be the field {@code key} of an event of {@code type}, e.g. a date that
   * is no date or a value that is none of an enum's.
   *
   * @param type the event type
   * @param key the field, e.g. {@code result} or {@code items.1.quantity}
   * @param value the value
   * @return the problem, e.g. {@code field 'result' must be one of accepted, ...}, or null when it fits
   */
  public String fieldValueProblem(String type, String key, String value) {
    return workspace.process().valueProblem(type, key, value);
  }

  /**
   * Whether the workspace requires forms ({@code forms: required} in {@code salesflow.yaml}).
   *
   * @return true when every form's required fields must be filled in
   */
  public boolean formsRequired() {
    return workspace.formsRequired();
  }

  /**
   * Moves case {@code id} to stage {@code to}: forward when the stage's guards hold (records that
   * must exist, an approval above the contract threshold), back one stage for rework, or to lost
   * with a reason.
   *
   * @param id the case id
   * @param to the target stage id
   * @param reason why (required by the process for lost); may be null
   * @param at when the move happened; null means {@code now}
   * @param by who moved it; may be null
   * @param now the current time
   * @param dryRun judge the move, but write nothing
   * @return the case with the stage change appended
   * @throws InvalidRequestException for an unknown stage or a time after {@code now}
   * @throws RefusedException with every unmet requirement
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public Case advance(String id, String to, String reason, OffsetDateTime at, String by, OffsetDateTime now, boolean dryRun) {
    requireStage(to);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", to);
    if (reason != null) {
      fields.put("reason", reason);
    }
    return write(id, new Event(at != null ? at : now, Event.ADVANCE, by, null, fields), now, dryRun);
  }

  /**
   * Corrects registration fields of case {@code id} with an appended {@code registration_edited}
   * event carrying each changed field's new value; the header stays as first written. The values
   * are judged as {@link #register} judges them.
   *
   * @param id the case id
   * @param changes the new values by field ({@link RegistrationField#editable()} ones); a blank
   *     value removes an optional field
   * @param reason why, or null
   * @param at when; null means {@code now}
   * @param by who, or null
   * @param now the current time
   * @param dryRun judge the correction, but write nothing
   * @return the case with the event appended; its {@link Case#current()} has the new values
   * @throws InvalidRequestException listing every bad value ({@link RegistrationProblem}s), for a
   *     field that cannot be edited, when nothing would change, or when the process declares no
   *     {@code registration_edited} events
   * @throws RefusedException when the team's rules do not allow it
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public Case edit(String id, Map<RegistrationField, String> changes, String reason, OffsetDateTime at, String by,
      OffsetDateTime now, boolean dryRun) {
    requireDeclared(Event.REGISTRATION_EDITED, "edit");
    for (RegistrationField f : changes.keySet()) {
      if (!f.editable()) {
        throw new InvalidRequestException("'" + f.flag() + "' cannot be edited"
            + (f == RegistrationField.OWNER ? " (use 'salesflow reassign')" : "") + " (editable: " + editableFlags() + ")");
      }
    }
    Case current = store.load(id).current();
    Map<RegistrationField, String> values = new java.util.EnumMap<>(RegistrationField.class);
    for (RegistrationField f : RegistrationField.values()) {
      values.put(f, f.valueIn(current));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<RegistrationField, String> change : changes.entrySet()) {
      String value = change.getValue() == null || change.getValue().isBlank() ? null : change.getValue().strip();
      if (value != null && change.getKey() == RegistrationField.PRIORITY) {
        value = Priority.parse(value).map(Priority::name).orElse(value);
      }
      if (!java.util.Objects.equals(value, values.get(change.getKey()))) {
        values.put(change.getKey(), value);
        fields.put(change.getKey().path(), value == null ? "" : value);
      }
    }
    if (fields.isEmpty()) {
      throw new InvalidRequestException("nothing to change: case " + id + " already has these values");
    }
    List<RegistrationProblem> problems = new ArrayList<>();
    for (RegistrationProblem problem : registrationProblems(registrationOf(values))) {
      if (fields.containsKey(problem.field().path())) {
        problems.add(problem); // what was wrong before the correction is not its business
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("cannot edit " + id, problems);
    }
    if (reason != null && !reason.isBlank()) {
      fields.put("reason", reason);
    }
    return write(id, new Event(at != null ? at : now, Event.REGISTRATION_EDITED, by, null, fields), now, dryRun);
  }

  private static String editableFlags() {
    List<String> flags = new ArrayList<>();
    for (RegistrationField f : RegistrationField.values()) {
      if (f.editable()) {
        flags.add(f.flag());
      }
    }
    return String.join(", ", flags);
  }

  private static Registration registrationOf(Map<RegistrationField, String> v) {
    return new Registration(v.get(RegistrationField.ID), v.get(RegistrationField.COMPANY), v.get(RegistrationField.INDUSTRY),
        v.get(RegistrationField.SIZE), v.get(RegistrationField.CONTACT_NAME), v.get(RegistrationField.CONTACT_TITLE),
        v.get(RegistrationField.PHONE), v.get(RegistrationField.EMAIL), v.get(RegistrationField.SOURCE),
        v.get(RegistrationField.PRIORITY), v.get(RegistrationField.OWNER), v.get(RegistrationField.NEED), null);
  }

  /**
   * Gives case {@code id} to another owner with an appended {@code reassigned} event ({@code to},
   * {@code from}, {@code reason}); lists, {@code overdue} and the reports by owner follow it.
   *
   * @param id the case id
   * @param to the new owner
   * @param reason why, or null
   * @param allowUnknown accept an owner who is neither a person of the team nor the owner of any case
   * @param at when; null means {@code now}
   * @param by who, or null
   * @param now the current time
   * @param dryRun judge the change, but write nothing
   * @return the case with the event appended; its {@link Case#current()} has the new owner
   * @throws InvalidRequestException for an unknown owner (without {@code allowUnknown}), the owner
   *     the case already has, or a process that declares no {@code reassigned} events
   * @throws RefusedException when the team's rules do not allow it
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public Case reassign(String id, String to, String reason, boolean allowUnknown, OffsetDateTime at, String by,
      OffsetDateTime now, boolean dryRun) {
    requireDeclared(Event.REASSIGNED, "reassign");
    if (to == null || to.isBlank()) {
      throw new InvalidRequestException("missing --to (the new owner)");
    }
    String from = store.load(id).current().owner();
    if (to.equals(from)) {
      throw new InvalidRequestException("case " + id + " is already owned by '" + to + "'");
    }
    if (!allowUnknown && !knownOwner(to)) {
      var team = workspace.team() == null ? null : workspace.team().team();
      throw new InvalidRequestException("unknown owner '" + to + "': no case has that owner"
          + (team == null ? "" : " and the team has no such person") + " (a typo? --allow-unknown accepts it)");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", to);
    if (from != null) {
      fields.put("from", from);
    }
    if (reason != null && !reason.isBlank()) {
      fields.put("reason", reason);
    }
    return write(id, new Event(at != null ? at : now, Event.REASSIGNED, by, null, fields), now, dryRun);
  }

  /**
   * Takes a lost case back to the stage it was lost from with an appended {@code reopened} event.
   *
   * @param id the case id
   * @param reason why (required)
   * @param at when; null means {@code now}
   * @param by who, or null
   * @param now the current time
   * @param dryRun judge it, but write nothing
   * @return the case with the event appended
   * @throws InvalidRequestException without a reason, or for a process that declares no {@code reopened} events
   * @throws RefusedException when the case is not lost
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public Case reopen(String id, String reason, OffsetDateTime at, String by, OffsetDateTime now, boolean dryRun) {
    requireDeclared(Event.REOPENED, "reopen");
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("missing --reason (why the case is reopened)");
    }
    Case current = store.load(id);
    String to = machine.reopensIn(current).orElseThrow(() -> new RefusedException(id, "cannot reopen",
        List.of("only a " + workspace.process().lost().id() + " case can be reopened; this one is in stage "
            + machine.replay(current).stage())));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", to);
    fields.put("reason", reason);
    return write(id, new Event(at != null ? at : now, Event.REOPENED, by, null, fields), now, dryRun);
  }

  private void requireDeclared(String type, String command) {
    if (!workspace.process().eventTypes().containsKey(type)) {
      throw new InvalidRequestException("the process declares no '" + type + "' event type, which 'salesflow " + command
          + "' records (add it under event_types, see the README's \"Correcting mistakes\")");
    }
  }

  private Case write(String id, Event event, OffsetDateTime now, boolean dryRun) {
    if (event.fields().containsKey(Event.RECORDED_AT)) {
      throw new InvalidRequestException("'" + Event.RECORDED_AT + "' is written by salesflow, for an event recorded late");
    }
    requireWritable(id, event, now);
    if (dryRun) {
      Case current = store.load(id);
      Event stamped = stampLate(current, event, now);
      judge(current, stamped);
      return current.withEvent(stamped);
    }
    return store.append(id, current -> {
      Event stamped = stampLate(current, event, now);
      judge(current, stamped);
      return stamped;
    });
  }

  /**
   * {@code event} with {@code recorded_at} = {@code now} when it is recorded late: earlier than an
   * event the case already has. It is still appended at the end of the log; replay puts it where
   * it happened.
   */
  private static Event stampLate(Case current, Event event, OffsetDateTime now) {
    for (Event e : current.events()) {
      if (event.at().isBefore(e.at())) {
        return event.recordedAt(now);
      }
    }
    return event;
  }

  /**
   * Throws what {@code log} or {@code advance} would refuse of {@code event} as the next event of
   * {@code current}, judged in the same order: the event alone, then the case's state machine.
   */
  private void admit(Case current, Event event, OffsetDateTime now) {
    if (event.isAdvance()) {
      requireStage(event.field("to").orElseThrow(() -> new InvalidRequestException("an advance needs 'to'")));
    } else {
      requireRecordable(current.id(), event);
    }
    requireWritable(current.id(), event, now);
    judge(current, event);
  }

  /**
   * What every write refuses of an event before looking at the case: hidden characters, a time
   * after {@code now}, a person the team's rules do not allow.
   */
  private void requireWritable(String id, Event event, OffsetDateTime now) {
    List<String> hidden = hiddenCharacters(event);
    if (!hidden.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", hidden));
    }
    if (event.at().isAfter(now)) {
      throw new InvalidRequestException("event time " + Timestamps.format(event.at()) + " is after now (" + Timestamps.format(now) + ")");
    }
    authorize(id, event);
  }

  /**
   * Why {@code event} cannot be recorded for the characters it holds: none that drives a terminal
   * or hides itself in who recorded it, its type or a field name; free text (note, field values)
   * may hold tab and line feed.
   */
  private static List<String> hiddenCharacters(Event event) {
    List<String> problems = new ArrayList<>();
    TextCharacters.problem("type", event.type(), false).ifPresent(problems::add);
    TextCharacters.problem("--by", event.by(), false).ifPresent(problems::add);
    TextCharacters.problem("--note", event.note(), true).ifPresent(problems::add);
    event.fields().forEach((name, value) -> {
      TextCharacters.problem("field name", name, false).ifPresent(problems::add);
      TextCharacters.problem(name, value, true).ifPresent(problems::add);
    });
    return problems;
  }

  /**
   * Refuses an event that the team's rules do not allow: an unknown person (a usage error), someone
   * without the role, an approval that is unsigned where signatures are required, or whose
   * signature is unreadable, by an unlisted key or over other values.
   */
  private void authorize(String id, Event event) {
    Authority authority = workspace.authority();
    if (authority == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Authority.Finding f : authority.findings(id, event)) {
      if (f.code() == DiagnosticCode.UNKNOWN_PERSON) {
        throw new InvalidRequestException(f.message());
      }
      problems.add(f.message() + " [" + f.code().id() + " " + f.code().slug() + "]");
    }
    if (!problems.isEmpty()) {
      throw new RefusedException(refusal(event), problems.stream().map(Message::literal).toList(), id);
    }
  }

  /**
   * Who is recording: with a team, the person {@code by} names, else {@code envUser} ({@code
   * SALESFLOW_USER}), else the person whose e-mail is git's {@code user.email} in the workspace;
   * without a team, {@code by} (free-form), else {@code envUser}, else null.
   *
   * @param by the person given on the command line, or null
   * @param envUser the value of {@code SALESFLOW_USER}, or null
   * @return the person's id, or null without a team and without either value
   * @throws InvalidRequestException naming the team's people when none is found
   */
  public String currentPerson(String by, String envUser) {
    return People.current(workspace.team(), by, envUser, workspace.root());
  }

  /**
   * The text an approval's signature covers, as the README documents it: the case id, role,
   * amount, time (as a UTC instant) and approver, one {@code key: value} line each.
   *
   * @param caseId the case id
   * @param role the approving role, e.g. {@code general_manager}
   * @param amount the amount approved
   * @param at when the approval is recorded
   * @param by the approver's id
   * @return the canonical text, ending in a line feed
   */
  public static String approvalPayload(String caseId, String role, String amount, OffsetDateTime at, String by) {
    return ApprovalPayload.text(caseId, role, amount, at, by);
  }

  /**
   * Signs {@code payload} with OpenSSH's {@code ssh-keygen -Y sign -n salesflow} and the private key
   * {@code key}: null means git's {@code user.signingkey}, else {@code ~/.ssh/id_ed25519}.
   *
   * @param payload the text to sign, from {@link #approvalPayload}
   * @param key the private key file, or null
   * @param home the user's home folder, for {@code ~/.ssh/id_ed25519}; may be null
   * @param terminal whether a person is at a terminal, where ssh-keygen may ask for a passphrase
   * @return the armored signature
   * @throws InvalidRequestException for a missing, public or unreadable key, a passphrase-protected
   *     key without a terminal, or when ssh-keygen cannot sign; nothing is written
   */
  public String signApproval(String payload, Path key, Path home, boolean terminal) {
    return SshKeygenSigner.sign(SshKeygenSigner.key(key, workspace.root(), home), payload, terminal);
  }

  /**
   * The text of a signature file, as {@code ssh-keygen -Y sign} writes it.
   *
   * @param file the {@code .sig} file
   * @return its text
   * @throws InvalidRequestException when it is missing, unreadable or too large to be a signature
   */
  public static String readSignature(Path file) {
    return SshKeygenSigner.readSignature(file);
  }

  /**
   * Records a signed approval: an {@code approval} event with {@code role}, {@code amount} and
   * {@code signature}. The signature must be readable and in the {@code salesflow} namespace and
   * must verify over {@link #approvalPayload} of these values; with allowed signers, by a key
   * listed for the approver's e-mail; with a team, the approver must hold the role.
   *
   * @param id the case id
   * @param role the approving role
   * @param amount the amount approved
   * @param at when; null means {@code now}
   * @param by the approver's id
   * @param signature the armored signature, or null (refused where signatures are required)
   * @param note free text, or null
   * @param now the current time
   * @return the case with the approval appended
   * @throws InvalidRequestException for a bad amount or role, an unreadable signature, one that does
   *     not match these values, or an unknown person; nothing is written
   * @throws RefusedException when the approver may not approve, or the process does not allow it now
   */
  public Case approve(String id, String role, String amount, OffsetDateTime at, String by, String signature, String note,
      OffsetDateTime now) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("role", role);
    fields.put("amount", amount);
    if (signature != null) {
      fields.put(Authority.SIGNATURE, signature.replace("\r\n", "\n").strip() + "\n");
    }
    Event event = new Event(at != null ? at : now, "approval", by, note, fields);
    Map<String, String> problems = workspace.process().fieldProblems(event);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(String.join("; ", problems.values()));
    }
    if (signature != null) {
      Authority authority = new Authority(workspace.process(), workspace.team());
      for (Authority.Finding f : authority.findings(id, event)) {
        if (f.code() == DiagnosticCode.BAD_SIGNATURE
            || f.code() == DiagnosticCode.EDITED_AFTER_SIGNING) {
          throw new InvalidRequestException(f.code() == DiagnosticCode.BAD_SIGNATURE
              ? f.message() : "the signature does not cover this approval (case " + id + ", role " + role + ", amount "
                  + amount + ", at " + Timestamps.format(event.at()) + ", by " + by + "): sign the text that"
                  + " --payload-only prints with these same values");
        }
      }
    }
    return write(id, event, now, false);
  }

  private void judge(Case current, Event event) {
    Optional<Replay.Violation> violation = machine.judgeNext(current, event);
    if (violation.isEmpty()) {
      judgePairing(current, event);
      return;
    }
    Replay.Violation v = violation.get();
    Message what = refusal(event);
    if (v.eventIndex() < current.events().size()) {
      if (machine.replay(current).illegal().isEmpty()) {
        // recorded late, the event would change what happened after it
        Event later = current.events().get(v.eventIndex());
        throw new RefusedException(Message.of(MessageKey.REFUSED_AT, what, Timestamps.format(event.at())),
            List.of(Message.of(MessageKey.WOULD_MAKE_LATER_ILLEGAL, v.eventIndex() + 1, later.type()
                + (later.isAdvance() ? " to " + later.field("to").orElse("?") : ""),
                Timestamps.format(later.at()), v.text())), current.id());
      }
      throw new RefusedException(Message.of(MessageKey.ALREADY_ILLEGAL, v.eventIndex() + 1, v.text()), v.texts(),
          current.id());
    }
    throw new RefusedException(what, v.texts(), current.id());
  }

  /** What refusing {@code event} refuses: {@code cannot advance to X} or {@code cannot record 'type'}. */
  private static Message refusal(Event event) {
    return event.isAdvance()
        ? Message.of(MessageKey.CANNOT_ADVANCE_TO, event.field("to").orElse("?"))
        : Message.of(MessageKey.CANNOT_RECORD, event.type());
  }

  /** What {@code check} would report as an error of the new event and the state machine does not judge. */
  private void judgePairing(Case current, Event event) {
    List<Event> before = current.timeline().stream().filter(e -> !e.at().isAfter(event.at())).toList();
    pairings.unpairedNext(before, event).ifPresent(problem -> {
      DiagnosticCode code = DiagnosticCode.UNPAIRED_ISSUE;
      throw new RefusedException(Message.of(MessageKey.CANNOT_RECORD, event.type()),
          List.of(Message.literal(problem + " [" + code.id() + " " + code.slug() + "]")), current.id());
    });
  }

  /**
   * The case {@code id} replayed through the process: its stage, its stage history and the first
   * event the process does not allow, if any.
   *
   * @param id the case id
   * @return the case with its replay
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   * @throws dev.salesflow.core.model.DiagnosticsException when its file or row cannot be read
   */
  public CaseView show(String id) {
    return replay(store.load(id));
  }

  /**
   * Every case passing {@code filter}, replayed; all held in memory ({@link #forEach} streams).
   *
   * @param filter stage, priority and owner to match; {@link CaseFilter#ALL} for every case
   * @return the cases, sorted by id
   * @throws InvalidRequestException for an unknown stage in the filter
   */
  public List<CaseView> list(CaseFilter filter) {
    if (filter.stage() != null) {
      requireStage(filter.stage());
    }
    return readableCases().filter(filter::matches).toList();
  }

  /** Every case the store can read, replayed, in parallel; an unreadable one goes to the {@link #skipUnreadableTo} sink. */
  private java.util.stream.Stream<CaseView> readableCases() {
    return store.ids().parallelStream().map(store::loadReadable).flatMap(Optional::stream).map(this::replay);
  }

  /**
   * Gives every case passing {@code filter}, replayed, to {@code action} in id order without holding
   * them all in memory.
   *
   * @param filter stage, priority and owner to match; {@link CaseFilter#ALL} for every case
   * @param action called once per case, on the calling thread
   * @throws InvalidRequestException for an unknown stage in the filter
   */
  public void forEach(CaseFilter filter, java.util.function.Consumer<CaseView> action) {
    if (filter.stage() != null) {
      requireStage(filter.stage());
    }
    store.forEachCase(c -> {
      CaseView view = replay(c);
      if (filter.matches(view)) {
        action.accept(view);
      }
    });
  }

  /**
   * Gives where every case passing {@code filter} stands to {@code action} in id order, without
   * holding them all in memory: a SQLite store answers from one query on the stages it keeps,
   * reading no event; a folder of case files is read and replayed case by case.
   *
   * @param filter stage, priority and owner to match; {@link CaseFilter#ALL} for every case
   * @param fields the registration fields {@code action} reads; the others may be null
   * @param action called once per case, on the calling thread; the case it is given may lack its events
   * @throws InvalidRequestException for an unknown stage in the filter
   */
  public void forEachStanding(CaseFilter filter, java.util.Set<RegistrationField> fields,
      java.util.function.Consumer<CaseStanding> action) {
    if (filter.stage() != null) {
      requireStage(filter.stage());
    }
    java.util.function.Consumer<CaseStanding> matching = standing -> {
      if (filter.matches(standing)) {
        action.accept(standing);
      }
    };
    java.util.Set<RegistrationField> read = java.util.EnumSet.of(RegistrationField.PRIORITY, RegistrationField.OWNER);
    read.addAll(fields); // and what the filter matches
    if (!store.forEachStanding(read, matching)) {
      store.forEachCase(c -> matching.accept(CaseStanding.of(replay(c))));
    }
  }

  /**
   * Gives every stored case, with its events and not replayed, to {@code action} in id order
   * without holding them all in memory.
   *
   * @param action called once per case, on the calling thread
   */
  public void forEachStored(java.util.function.Consumer<Case> action) {
    store.forEachCase(action);
  }

  /**
   * Refuses a filter that names nothing (a typo that would print "nothing overdue"): a stage the
   * process does not have, or an owner who is neither a person of the team nor the owner of any
   * case.
   *
   * @param stage the stage filter, or null
   * @param owner the owner filter, or null
   * @throws InvalidRequestException naming the unknown value (and the stages, or the team)
   */
  public void requireKnownFilter(String stage, String owner) {
    if (stage != null) {
      requireStage(stage);
    }
    if (owner != null && !knownOwner(owner)) {
      throw new InvalidRequestException("no case has the owner '" + owner + "'"
          + (workspace.team() == null || workspace.team().team() == null ? "" : " and the team has no such person")
          + " (a typo? --allow-unknown accepts it)");
    }
  }

  /** Whether {@code owner} is a person of the team or the current owner of some case. */
  private boolean knownOwner(String owner) {
    var team = workspace.team() == null ? null : workspace.team().team();
    return team != null && team.person(owner).isPresent() || store.anyOwnedBy(owner);
  }

  private void requireStage(String stage) {
    if (!workspace.process().isStage(stage)) {
      throw new InvalidRequestException("unknown stage '" + stage + "' (stages: " + String.join(", ", process().allStageIds()) + ")");
    }
  }

  /**
   * Replays a case through the process without storing it, e.g. to judge a case built in memory.
   *
   * @param c the case
   * @return the case as its corrections leave it ({@link Case#current()}), with its stage, stage
   *     history and the first event the process does not allow
   */
  public CaseView replay(Case c) {
    return new CaseView(c.current(), machine.replay(c));
  }

  /**
   * The SLA clocks of case {@code id} judged at an instant; see {@link #clocks(CaseView, OffsetDateTime)}.
   *
   * @param id the case id
   * @param at the instant the clocks are judged at
   * @return the clocks and the years the calendar did not know
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is no such case
   */
  public ClockSheet clocks(String id, OffsetDateTime at) {
    return clocks(show(id), at);
  }

  /**
   * The SLA clocks of a replayed case judged at an instant: each rule's start, due time on the
   * business calendar and state (met, met late, open, due soon or breached).
   *
   * @param view the case and its replay, from {@link #show}, {@link #list} or {@link #replay}
   * @param now the instant the clocks are judged at
   * @return the clocks and the years the calendar did not know
   */
  public ClockSheet clocks(CaseView view, OffsetDateTime now) {
    return sla.clocks(view.value(), view.replay(), now.toInstant(), Duration.ZERO);
  }

  /**
   * The running clocks of open cases that are breached at {@code now}, or due within {@code
   * query.dueWithin()}: what a cron job flags. A SQLite store answers from its index of running
   * clocks; a folder of case files replays every case.
   *
   * @param query owner, priority and rule to match, and the due-soon window (null: breached only)
   * @param now the instant the clocks are judged at
   * @return the clocks, sorted by owner and then most overdue first
   * @throws InvalidRequestException for an unknown rule
   */
  public OverdueReport overdue(OverdueQuery query, OffsetDateTime now) {
    return new OverdueFinder(sla, workspace.process()).find(query, now, store, this::readableCases);
  }

  /**
   * Tells each owner, in their language, of their breached and soon-due follow-ups not yet told
   * (soon: within {@code dueWithin} or their rule's warning window), and escalates a clock breached
   * longer than its rule's {@code escalate_after} to the owner's manager, then after each further
   * interval to the next manager up. Channels are {@code notify:} of {@code salesflow.yaml}; the
   * notices delivered are recorded in the sent-log (a table of a SQLite store, else {@code
   * .salesflow/notify-sent.jsonl} in the workspace) and never sent again.
   *
   * @param dueWithin also tell of clocks due within this window; null: each rule's warning window only
   * @param dryRun send and record nothing, only say what would be sent
   * @param env the environment: {@code SALESFLOW_SMTP_PASSWORD}, {@code SALESFLOW_WEBHOOK_SECRET}
   * @param now the instant the clocks are judged at
   * @return the messages, each with its failure when it could not be sent
   * @throws InvalidRequestException when no channel is configured and this is not a dry run
   * @throws dev.salesflow.core.model.DiagnosticsException when {@code notify:} is invalid (with locations)
   */
  public NotifyReport notify(Duration dueWithin, boolean dryRun, Map<String, String> env, OffsetDateTime now) {
    NotifySettings settings = NotifySettings.load(workspace.root().resolve(Workspace.CONFIG_FILE));
    OverdueReport due = overdue(new OverdueQuery(dueWithin == null ? Duration.ZERO : dueWithin, null, null, null), now);
    SentLog log = store.sentLog().orElseGet(() -> new FileSentLog(workspace.root()));
    return new Notifier(settings, workspace.team().team(), sla.rules(), sla.calendar(), env).run(due, now.toInstant(), log, dryRun);
  }

  /**
   * Sends what the store skips without failing to {@code sink}, one message each (e.g. {@code
   * cases/X.yaml is a FIFO, not a regular file; …; skipped}): names among the case files that are
   * no case file, which {@code check} reports as findings.
   *
   * @param sink told each warning once
   * @return this workspace
   */
  public Salesflow warnTo(java.util.function.Consumer<String> sink) {
    store.warnTo(sink);
    return this;
  }

  /**
   * Makes the reads of many cases ({@link #list}, {@link #forEach}, {@link #forEachStanding},
   * {@link #forEachStored}, {@link #overdue}, {@link #reports}, {@link #notify} and the filters'
   * checks) skip a case that cannot be read, giving it with its diagnostics to {@code sink}, so
   * one broken case file never hides the others. A read of that one case ({@link #show}, {@link
   * #record}, {@link #advance}) and {@link #migrateTo} still fail on it.
   *
   * @param sink told of each unreadable case (from several threads); a case may be told more than
   *     once when a command reads the store more than once
   * @return this instance
   */
  public Salesflow skipUnreadableTo(java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> sink) {
    store.skipUnreadableTo(sink);
    return this;
  }

  /**
   * Copies every case of this workspace's store into the store named by {@code storeSpec} ({@code
   * sqlite:FILE} or a folder, created when missing), which must hold no case: events, fields and
   * their order are kept. The target is marked unfinished until its last case is stored, and every
   * other command refuses it while it is; a migration into a target that an earlier one left
   * unfinished (killed, say) replaces what that one wrote.
   *
   * @param storeSpec the target store
   * @param base the folder a relative {@code storeSpec} is resolved against
   * @param progress told the number of cases stored in the target so far, of how many
   * @return how many cases were copied, and from and to where
   * @throws InvalidRequestException when the target already holds cases, or {@code storeSpec} names no known kind
   *     of store (then nothing is created)
   * @throws dev.salesflow.core.model.StoreException when the target cannot be created or written; a target this call created
   *     (a database with its journal files, or a folder) is removed again, so a retry finds none, and
   *     one that existed is emptied again. So is it when {@code progress} throws (the caller was
   *     interrupted, say), and that exception is rethrown.
   */
  public Migration migrateTo(String storeSpec, Path base, Progress progress) {
    StoreSpec spec = StoreSpec.parse(storeSpec, base);
    boolean existed = Files.exists(spec.location(), LinkOption.NOFOLLOW_LINKS);
    try (CaseStore target = workspace.createStore(spec)) {
      return new Migration(copyInto(target, progress, existed), store.describe(), target.describe());
    } catch (RuntimeException e) {
      if (!existed) {
        spec.removeCreated();
      }
      throw e;
    }
  }

  /**
   * Copies every case into {@code target}, which must be empty or hold an unfinished migration
   * (replaced), between its marks; returns how many. On a failure a target that {@code existed} is
   * emptied again here (one made by this migration is removed whole by the caller).
   */
  /**
   * What {@link #migrateTo} would do, writing nothing: the cases it would copy and whether the
   * target can take them. A folder or SQLite target that exists is opened as it stands (a missing
   * one would be created); a PostgreSQL target is not connected to.
   *
   * @param storeSpec the target, as for {@link #migrateTo}
   * @param base the folder a relative target is resolved from
   * @return the cases that would be copied, this store and the target described
   * @throws InvalidRequestException for a spec naming no kind of store, or a target that already holds cases
   */
  public Migration migratePlan(String storeSpec, Path base) {
    StoreSpec spec = StoreSpec.parse(storeSpec, base);
    int cases = store.ids().size();
    if (spec.kind() == StoreSpec.Kind.POSTGRESQL) {
      return new Migration(cases, store.describe(), spec + " (not checked in a dry run)");
    }
    if (!Files.exists(spec.location(), LinkOption.NOFOLLOW_LINKS)) {
      return new Migration(cases, store.describe(), spec.location() + " (would be created)");
    }
    try (CaseStore target = workspace.openStore(spec, OpenMode.EXISTING)) {
      if (!target.unfinishedMigration() && !target.ids().isEmpty()) {
        throw new InvalidRequestException(target.describe() + " already holds cases; migrate only into an empty store");
      }
      return new Migration(cases, store.describe(), target.describe());
    }
  }

  private int copyInto(CaseStore target, Progress progress, boolean existed) {
    if (!target.unfinishedMigration() && !target.ids().isEmpty()) {
      throw new InvalidRequestException(target.describe() + " already holds cases; migrate only into an empty store");
    }
    target.beginMigration();
    int copied;
    try {
      copied = copyCases(target, progress);
    } catch (RuntimeException e) {
      if (existed) {
        try {
          target.discardMigration();
        } catch (RuntimeException alsoFailed) {
          e.addSuppressed(alsoFailed); // the mark stays: the target stays recognisably unfinished
        }
      }
      throw e;
    }
    target.finishMigration();
    return copied;
  }

  private int copyCases(CaseStore target, Progress progress) {
    List<String> ids = store.ids();
    int batch = 256;
    // the source is read a batch at a time in parallel: reading case files is as costly as writing them
    target.createAll(java.util.stream.IntStream.iterate(0, from -> from < ids.size(), from -> from + batch)
        .mapToObj(from -> ids.subList(from, Math.min(ids.size(), from + batch)).parallelStream().map(store::load).toList())
        .flatMap(List::stream)
        .iterator(), stored -> progress.update(stored, ids.size()));
    return ids.size();
  }

  /**
   * Every problem that makes {@link #register} refuse {@code r}, found without writing anything:
   * first the required fields left blank, then the values that cannot be registered.
   *
   * @param r the registration
   * @return one problem per missing or bad field; empty when {@code r} would be accepted
   */
  public List<RegistrationProblem> registrationProblems(Registration r) {
    List<RegistrationProblem> problems = new ArrayList<>();
    for (RegistrationField field : RegistrationField.requiredFields()) {
      String value = field.valueIn(r);
      if (value == null || value.isBlank()) {
        problems.add(new RegistrationProblem.Missing(field));
      }
    }
    if (r.source() != null && !process().sources().containsKey(r.source())) {
      problems.add(new RegistrationProblem.Invalid(RegistrationField.SOURCE, "unknown source '" + r.source() + "' (known: "
          + String.join(", ", process().sources().keySet()) + ")"));
    }
    if (r.priority() != null && Priority.parse(r.priority()).isEmpty()) {
      problems.add(new RegistrationProblem.Invalid(RegistrationField.PRIORITY, Priority.notAPriority(r.priority())));
    }
    List<RegistrationField> hidden = new ArrayList<>();
    for (RegistrationField field : RegistrationField.values()) {
      if (field == RegistrationField.ID) {
        continue; // the id has its own, stricter rule: ASCII letters, digits, '-' and '_'
      }
      // the need is free text: it may hold tab and line breaks; nothing else may hold a control or bidi character
      TextCharacters.firstHidden(field.valueIn(r), field == RegistrationField.NEED).ifPresent(cp -> {
        problems.add(new RegistrationProblem.HiddenCharacter(field, cp));
        hidden.add(field);
      });
    }
    if (r.email() != null && !hidden.contains(RegistrationField.EMAIL) && !r.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new RegistrationProblem.Invalid(RegistrationField.EMAIL, "email '" + r.email() + "' is not an e-mail address"));
    }
    if (r.id() != null && !CaseIds.isValid(r.id())) {
      problems.add(new RegistrationProblem.Invalid(RegistrationField.ID, "invalid id '" + r.id() + "': " + CaseIds.rule()));
    }
    return problems;
  }

  /**
   * The pipeline reports (funnel, SLA, aging, owners) over every case as it stands at an instant: a
   * SQLite store answers them with SQL aggregates over what it keeps (but for a period of reaching a
   * stage, which it replays), a folder of case files replays every case.
   *
   * @param now the instant clocks are judged and ages measured at
   * @return the reports, each computed when asked for
   */
  public Reporting reports(OffsetDateTime now) {
    Supplier<Reporting> replay =
        () -> new Reports(workspace.process(), workspace.zone(), list(CaseFilter.ALL), view -> clocks(view, now), now);
    return store.reports(ReportPlan.of(workspace.process(), workspace.zone()), now)
        .<Reporting>map(kept -> new KeptOrReplayed(kept, replay))
        .orElseGet(replay);
  }

  /**
   * Whether a case falls in a report's period: its registration, its end, or its first entry into
   * the query's stage, as the query's period is of (the owner aside).
   *
   * @param query the report's query
   * @param view the case, replayed
   * @return true when the reports over {@code query} cover the case
   */
  public boolean inPeriod(ReportQuery query, CaseView view) {
    return Reports.inPeriod(query, view, workspace.process(), workspace.zone());
  }

  /**
   * Registers the cases of a lead list (an exhibition's CSV): rows are checked first, duplicates
   * of existing cases (same company and contact) are skipped and reported.
   *
   * @param rows the rows, with their line numbers for messages
   * @param options whether to skip invalid rows, a dry run, and default values for missing columns
   * @param now the registration time of rows without one
   * @param progress told each row done
   * @return what was registered, skipped as a duplicate or refused
   */
  public ImportResult importLeads(List<LeadRow> rows, ImportOptions options, OffsetDateTime now, Progress progress) {
    return Leads.importLeads(this, rows, null, options, now, progress);
  }

  /**
   * Registers the cases of a lead list with their whole event logs from an event file (what {@code
   * export} and {@code export --events} write): each case is written once, with every event, after
   * each event was judged as {@link #record} and {@link #advance} judge it (time order, fields,
   * guards, the team's rules). A case with an invalid event is invalid as a whole; events of a case
   * the list does not hold are invalid too (a stored case's log is never appended to). Otherwise as
   * {@link #importLeads(List, ImportOptions, OffsetDateTime, Progress)}.
   *
   * @param rows the rows of the case list, with their line numbers for messages
   * @param events the event file's events
   * @param options whether to skip invalid cases, a dry run, and default values for missing columns
   * @param now the registration time of rows without one; no event may be after it
   * @param progress told each case stored
   * @return what was registered, skipped as a duplicate or refused, and how many events
   */
  public ImportResult importCases(List<LeadRow> rows, dev.salesflow.core.model.EventLog events, ImportOptions options,
      OffsetDateTime now, Progress progress) {
    return Leads.importLeads(this, rows, events, options, now, progress);
  }

  /**
   * This facade as the lead import sees it, in a class of its own that only an import loads: made
   * in {@link #importLeads} itself, it would have every command load {@link Registrar} to verify
   * that method.
   */
  private static final class Leads implements Registrar {
    private final Salesflow flow;

    private Leads(Salesflow flow) {
      this.flow = flow;
    }

    static ImportResult importLeads(Salesflow flow, List<LeadRow> rows, dev.salesflow.core.model.EventLog events,
        ImportOptions options, OffsetDateTime now, Progress progress) {
      return new LeadImport(new Leads(flow)).run(rows, events, options, now, progress);
    }

    @Override
    public ZoneId zone() {
      return flow.zone();
    }

    @Override
    public SalesProcess process() {
      return flow.process();
    }

    @Override
    public List<CaseView> list(CaseFilter filter) {
      return flow.list(filter);
    }

    @Override
    public List<RegistrationProblem> registrationProblems(Registration r) {
      return flow.registrationProblems(r);
    }

    @Override
    public Case register(Registration r, OffsetDateTime now) {
      return flow.register(r, now);
    }

    @Override
    public Case draft(Registration r, OffsetDateTime now, List<Event> events) {
      return Salesflow.draft(r, now, events);
    }

    @Override
    public Optional<String> problem(Case c, Event next) {
      Map<String, String> problems = flow.workspace.process().fieldProblems(next);
      if (!problems.isEmpty()) {
        return Optional.of(String.join("; ", problems.values()));
      }
      return flow.machine.judgeNext(c, next).map(v -> String.join("; ", v.problems()));
    }

    @Override
    public Optional<String> refusal(Case current, Event next, OffsetDateTime now) {
      try {
        flow.admit(current, next, now);
        return Optional.empty();
      } catch (RefusedException e) {
        String summary = e.getMessage().substring(current.id().length() + 2);
        return Optional.of(e.problems().isEmpty() ? summary : summary + ": " + String.join("; ", e.problems()));
      } catch (InvalidRequestException e) {
        return Optional.of(e.getMessage());
      }
    }

    @Override
    public void createAll(List<Case> cases, java.util.function.IntConsumer stored) {
      flow.store.createAll(cases.iterator(), stored);
    }

    @Override
    public Case createNumbered(Case draft) {
      return flow.createNumbered(draft);
    }
  }

  /**
   * Closes the store (a SQLite connection); the instance is unusable afterwards. A {@link
   * #keptOpen} handle closes nothing.
   */
  @Override
  public void close() {
    if (!closesStore) {
      return;
    }
    store.close();
  }
}
