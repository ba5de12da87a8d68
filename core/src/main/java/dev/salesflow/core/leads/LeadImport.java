package dev.salesflow.core.leads;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.CaseView;
import dev.salesflow.core.model.DealField;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.EventLog;
import dev.salesflow.core.model.ImportOptions;
import dev.salesflow.core.model.ImportResult;
import dev.salesflow.core.model.ImportTimes;
import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.LeadRow;
import dev.salesflow.core.model.Progress;
import dev.salesflow.core.model.Registration;
import dev.salesflow.core.model.RegistrationProblem;
import dev.salesflow.core.model.Timestamps;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registers the cases of a lead list. Every row is checked first, each problem named with its row;
 * unless asked to skip invalid rows, nothing is written when any row is invalid. A row with an id
 * is its own case (a CRM export has one row per deal, many per company): it is skipped only when
 * that id is already registered for the same company and contact. A row without an id whose
 * company and contact person are already registered (or appear in an earlier row) is reported,
 * naming that case or row, and not registered again; so importing the same list twice registers
 * nothing the second time.
 */
public final class LeadImport {
  /** The {@code source} of the {@code opened} events an import writes. */
  static final String SOURCE = "import";
  private static final Map<String, String> PRIORITY_WORDS = Map.of("高", "A", "中", "B", "低", "C");

  private final Registrar flow;

  public LeadImport(Registrar flow) {
    this.flow = flow;
  }

  /** A valid row: its registration and its first events (the {@code opened} event, or its events from an event file). */
  private record Valid(int row, Registration registration, List<Event> events) {}

  public ImportResult run(List<LeadRow> rows, ImportOptions options, OffsetDateTime now, Progress progress) {
    return run(rows, null, options, now, progress);
  }

  /**
   * As {@link #run(List, ImportOptions, OffsetDateTime, Progress)}, each case with its events from
   * {@code log} (or null for none) instead of an {@code opened} event: every event judged as {@code
   * log} and {@code advance} would judge it after the ones before, a case with an invalid event
   * invalid as a whole. Events of a case the list does not hold are invalid.
   */
  public ImportResult run(List<LeadRow> rows, EventLog log, ImportOptions options, OffsetDateTime now, Progress progress) {
    ImportTimes times = options.times(flow.zone());
    ZoneId zone = times.zone();
    EventFile events = log == null ? null : new EventFile(log, zone);
    Map<String, String> caseByPerson = new HashMap<>();
    Map<String, String> personById = new HashMap<>();
    for (CaseView view : flow.list(CaseFilter.ALL)) {
      Case c = view.value();
      String person = person(c.customer().company(), c.customer().contact().name());
      caseByPerson.putIfAbsent(person, c.id());
      personById.put(c.id(), person);
    }
    Map<String, Integer> rowByPerson = new HashMap<>();
    Map<String, Integer> rowById = new HashMap<>();
    List<Valid> valid = new ArrayList<>();
    List<ImportResult.Duplicate> duplicates = new ArrayList<>();
    List<ImportResult.RowError> errors = new ArrayList<>();
    Assumed assumed = new Assumed();
    for (LeadRow row : rows) {
      Map<RegistrationField, String> v = new EnumMap<>(RegistrationField.class);
      v.putAll(options.defaults());
      v.putAll(row.values());
      List<RegistrationProblem> problems = new ArrayList<>();
      String when = v.get(RegistrationField.REGISTERED_AT);
      Optional<ImportTimes.Reading> reading = times.read(when);
      Registration r = registration(v, reading, header(row, options, RegistrationField.REGISTERED_AT), times, now, problems);
      if (r.source() != null && !flow.process().sources().containsKey(r.source())) {
        problems.replaceAll(p -> p.field() == RegistrationField.SOURCE && p instanceof RegistrationProblem.Invalid
            ? unknownSource(r.source(), header(row, options, RegistrationField.SOURCE)) : p);
      }
      assumed.note(row.row(), when, r.at() != null ? reading.orElse(null) : null);
      String person = person(r.company(), r.contactName());
      String duplicateOf = null;
      if (problems.isEmpty() && r.id() != null) {
        if (personById.containsKey(r.id())) {
          if (personById.get(r.id()).equals(person)) {
            duplicateOf = r.id();
          } else {
            problems.add(new RegistrationProblem.Invalid(RegistrationField.ID,
                "id " + r.id() + " is already taken by a case of another company or contact"));
          }
        } else if (rowById.containsKey(r.id())) {
          problems.add(new RegistrationProblem.Invalid(RegistrationField.ID,
              "id " + r.id() + " is also given in row " + rowById.get(r.id())));
        }
      }
      if (problems.isEmpty() && duplicateOf == null && r.id() == null) {
        duplicateOf = caseByPerson.containsKey(person) ? caseByPerson.get(person)
            : rowByPerson.containsKey(person) ? "row " + rowByPerson.get(person) : null;
      }
      List<String> dealProblems = new ArrayList<>();
      List<Event> first = List.of();
      if (events != null) {
        List<EventFile.Line> lines = r.id() == null ? List.of() : events.take(r.id());
        if (problems.isEmpty() && duplicateOf == null) {
          first = history(r, row.deal(), events, lines, now, dealProblems);
        }
      } else if (problems.isEmpty()) {
        Event opened = opening(row.deal(), options.dealDefaults(), r, times,
            header(options, DealField.STAGE_AT.column(), row.deal().containsKey(DealField.STAGE_AT)), now, dealProblems);
        first = opened == null ? List.of() : List.of(opened);
      }
      if (!problems.isEmpty() || !dealProblems.isEmpty()) {
        errors.add(new ImportResult.RowError(row.row(), problems, dealProblems));
      } else if (duplicateOf != null) {
        duplicates.add(new ImportResult.Duplicate(row.row(), r.company(), r.contactName(), duplicateOf));
      } else {
        valid.add(new Valid(row.row(), r, first));
        rowByPerson.putIfAbsent(person, row.row());
        if (r.id() != null) {
          rowById.put(r.id(), row.row());
        }
      }
    }
    List<String> logErrors = events == null ? List.of() : events.leftOver(personById::containsKey);
    List<ImportResult.Registered> registered = new ArrayList<>();
    int eventCount = 0;
    for (Valid x : valid) {
      eventCount += events == null ? 0 : x.events().size();
    }
    if (options.dryRun() || ((!errors.isEmpty() || !logErrors.isEmpty()) && !options.skipInvalid())) {
      valid.forEach(x -> registered.add(new ImportResult.Registered(x.row(), x.registration().id(), x.registration().company())));
      return new ImportResult(rows.size(), options.dryRun() ? registered : List.of(), duplicates, errors, false, assumed.list(),
          options.dryRun() ? eventCount : 0, logErrors);
    }
    // rows with ids are stored in batches (a transaction each on a database); the others one by one, numbered
    List<Case> withIds = new ArrayList<>();
    Map<Integer, Case> stored = new HashMap<>();
    for (Valid x : valid) {
      Case draft = flow.draft(x.registration(), now, x.events());
      if (x.registration().id() != null) {
        withIds.add(draft);
        stored.put(x.row(), draft);
      }
    }
    flow.createAll(withIds, n -> progress.update(n, valid.size()));
    for (Valid x : valid) {
      if (!stored.containsKey(x.row())) {
        Case draft = flow.draft(x.registration(), now, x.events());
        stored.put(x.row(), flow.createNumbered(draft));
        progress.update(stored.size(), valid.size());
      }
      Case c = stored.get(x.row());
      registered.add(new ImportResult.Registered(x.row(), c.id(), c.customer().company()));
    }
    return new ImportResult(rows.size(), registered, duplicates, errors, !registered.isEmpty(), assumed.list(), eventCount,
        logErrors);
  }

  /**
   * The events of the case that registration {@code r} makes, from its {@code lines} of an event
   * file, each judged as {@code log} or {@code advance} would judge it after the ones before; null
   * when any line cannot be read (every such line is named) or is refused (the first is named, as
   * the later ones follow a history that did not happen), its problems added to {@code problems}.
   */
  private List<Event> history(Registration r, Map<DealField, String> deal, EventFile events, List<EventFile.Line> lines,
      OffsetDateTime now, List<String> problems) {
    deal.keySet().forEach(f -> problems.add(f.column() + ": with --events a case's events say where it stands"
        + " (leave out --map ...=" + f.column() + ")"));
    lines.stream().filter(l -> l.problem() != null).forEach(l -> problems.add(l.problem()));
    if (!problems.isEmpty()) {
      return null;
    }
    Case current = flow.draft(r, now, List.of());
    for (EventFile.Line l : lines) {
      Optional<String> refused = flow.refusal(current, l.event(), now);
      if (refused.isPresent()) {
        problems.add(events.where(l.line()) + "'" + l.event().type() + "' at " + Timestamps.format(l.event().at()) + ": "
            + refused.get());
        return null;
      }
      current = current.withEvent(l.event());
    }
    return current.events();
  }

  /**
   * The registration a row asks for; its problems are added to {@code problems}: the missing fields,
   * then a registration time that cannot be read or is in the future, then the other bad values.
   */
  private Registration registration(Map<RegistrationField, String> v, Optional<ImportTimes.Reading> parsed, String header,
      ImportTimes times, OffsetDateTime now, List<RegistrationProblem> problems) {
    List<RegistrationProblem> time = new ArrayList<>();
    OffsetDateTime at = null;
    String when = v.get(RegistrationField.REGISTERED_AT);
    if (when != null) {
      if (parsed.isEmpty()) {
        time.add(new RegistrationProblem.Invalid(RegistrationField.REGISTERED_AT,
            times.problem(RegistrationField.REGISTERED_AT.column(), header, when)));
      } else if (parsed.get().at().isAfter(now)) {
        time.add(new RegistrationProblem.Invalid(RegistrationField.REGISTERED_AT, "registered_at " + when + " is in the future"));
      } else {
        at = parsed.get().at();
      }
    }
    Registration r = new Registration(v.get(RegistrationField.ID), v.get(RegistrationField.COMPANY),
        v.get(RegistrationField.INDUSTRY), v.get(RegistrationField.SIZE), v.get(RegistrationField.CONTACT_NAME),
        v.get(RegistrationField.CONTACT_TITLE), v.get(RegistrationField.PHONE), v.get(RegistrationField.EMAIL),
        source(v.get(RegistrationField.SOURCE)), priority(v.get(RegistrationField.PRIORITY)), v.get(RegistrationField.OWNER),
        v.get(RegistrationField.NEED), at);
    List<RegistrationProblem> checked = flow.registrationProblems(r);
    for (RegistrationProblem p : checked) {
      if (p instanceof RegistrationProblem.Missing) {
        problems.add(p);
      }
    }
    problems.addAll(time);
    for (RegistrationProblem p : checked) {
      if (!(p instanceof RegistrationProblem.Missing)) {
        problems.add(p);
      }
    }
    return r;
  }

  /**
   * The {@code opened} event that starts a row's case where its deal stands, or null when the row
   * gives no stage or the first one ({@code defaults} fill the other fields only of a row with a later
   * stage); its problems, each naming its field, are added to {@code problems}.
   */
  private Event opening(Map<DealField, String> given, Map<DealField, String> defaults, Registration r, ImportTimes times,
      String stageAtHeader, OffsetDateTime now, List<String> problems) {
    Map<DealField, String> deal = new EnumMap<>(DealField.class);
    deal.putAll(defaults);
    deal.putAll(given);
    String stage = deal.get(DealField.STAGE);
    List<String> stages = flow.process().allStageIds();
    if (stage == null || stage.equals(stages.get(0))) {
      for (DealField f : List.of(DealField.STAGE_AT, DealField.AMOUNT, DealField.REASON)) {
        if (given.containsKey(f)) {
          problems.add(f.column() + " '" + given.get(f) + "' needs a stage after " + stages.get(0) + " (the stage column is "
              + (stage == null ? "blank" : stage) + ")");
        }
      }
      return null;
    }
    if (!stages.contains(stage)) {
      problems.add("stage '" + stage + "' is not a stage (stages: " + String.join(", ", stages)
          + "; --map-value COLUMN:VALUE=STAGE maps the file's words)");
      return null;
    }
    OffsetDateTime registered = r.at() != null ? r.at() : now;
    OffsetDateTime at = registered;
    String when = deal.get(DealField.STAGE_AT);
    if (when != null) {
      Optional<ImportTimes.Reading> parsed = times.read(when);
      if (parsed.isEmpty()) {
        problems.add(times.problem(DealField.STAGE_AT.column(), stageAtHeader, when));
        return null;
      }
      at = parsed.get().at();
      if (at.isAfter(now)) {
        problems.add("stage_at " + when + " is in the future");
        return null;
      }
      if (at.isBefore(registered)) {
        problems.add("stage_at " + when + " is before registered_at " + Timestamps.format(registered));
        return null;
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("to", stage);
    fields.put("source", SOURCE);
    if (deal.containsKey(DealField.AMOUNT)) {
      fields.put("amount", deal.get(DealField.AMOUNT));
    }
    if (deal.containsKey(DealField.REASON)) {
      fields.put("reason", deal.get(DealField.REASON));
    }
    Event opened = new Event(at, Event.OPENED, null, null, fields);
    flow.problem(flow.draft(r, now, List.of()), opened)
        .ifPresent(p -> problems.add("stage " + stage + (deal.containsKey(DealField.AMOUNT) ? ", amount " + deal.get(DealField.AMOUNT) : "")
            + ": " + p));
    return opened;
  }

  /** What the rows left unsaid about their registration time, counted per kind. */
  private static final class Assumed {
    private final Map<ImportResult.Assumption.Kind, int[]> counts = new EnumMap<>(ImportResult.Assumption.Kind.class);

    /** Notes what row {@code row}'s registration time {@code when}, {@code read} as it was (null when it was refused), left unsaid. */
    void note(int row, String when, ImportTimes.Reading read) {
      if (when == null) {
        add(ImportResult.Assumption.Kind.REGISTERED_NOW, row);
      } else if (read == null) {
        return; // an unreadable time is the row's error, not an assumption
      } else if (read.dateOnly()) {
        add(ImportResult.Assumption.Kind.DATE_ONLY, row);
      } else if (!read.offset()) {
        add(ImportResult.Assumption.Kind.NO_OFFSET, row);
      }
    }

    private void add(ImportResult.Assumption.Kind kind, int row) {
      counts.computeIfAbsent(kind, k -> new int[] {0, row})[0]++;
    }

    List<ImportResult.Assumption> list() {
      List<ImportResult.Assumption> all = new ArrayList<>();
      counts.forEach((kind, c) -> all.add(new ImportResult.Assumption(kind, c[0], c[1])));
      return all;
    }
  }

  /**
   * The file's header of the column that gave {@code row} its {@code field} (the field's own name when
   * the options name no header); null when the value is a default.
   */
  private static String header(LeadRow row, ImportOptions options, RegistrationField field) {
    return header(options, field.column(), row.values().containsKey(field));
  }

  /** The header of the column giving field {@code column}, when a cell gave it ({@code given}); else null. */
  private static String header(ImportOptions options, String column, boolean given) {
    return !given ? null : options.header(column) != null ? options.header(column) : column;
  }

  /**
   * An unknown source, with the workspace's and how to make the value one: a {@code --map-value} of
   * its column, or a {@code sources:} entry.
   */
  private RegistrationProblem unknownSource(String value, String header) {
    String where = header == null ? " (from --default source=" + value + ")" : " (column '" + header + "')";
    String fix = header == null ? "give --default source= one of them" : "map it to one with --map-value '" + header + ":"
        + value + "=ID'";
    return new RegistrationProblem.Invalid(RegistrationField.SOURCE, "unknown source '" + value + "'" + where + "; allowed: "
        + String.join(", ", flow.process().sources().keySet()) + " (or their English or Chinese labels); " + fix
        + ", or add it under sources: in salesflow.yaml");
  }

  /** A source id from its id or its English or Chinese label, as lead lists write it. */
  private String source(String text) {
    if (text == null) {
      return null;
    }
    for (Map.Entry<String, Labels> s : flow.process().sources().entrySet()) {
      Labels l = s.getValue();
      if (s.getKey().equalsIgnoreCase(text) || (l != null && (text.equalsIgnoreCase(l.en()) || text.equals(l.zh())))) {
        return s.getKey();
      }
    }
    return text;
  }

  private static String priority(String text) {
    return text == null ? null : PRIORITY_WORDS.getOrDefault(text.strip(), text.strip());
  }

  /** Company and contact person as compared: full-width folded, case and repeated blanks ignored. */
  /**
   * The duplicate rule's key of a company and contact person: both compared after NFKC folding,
   * trimmed, with runs of blanks as one space and in lower case.
   *
   * @param company the company name, or null
   * @param contact the contact person's name, or null
   * @return the key two registrations of the same person share
   */
  public static String person(String company, String contact) {
    return fold(company) + "\u0000" + fold(contact);
  }

  /**
   * A test of a case's stored text that is false only when the case cannot be registered for
   * {@code company} and {@code contact} by the rule of {@link #person}: some word of either, folded,
   * is missing from the text folded the same way. Text with YAML escapes ({@code \\}, {@code ''})
   * may spell a name differently, so it always passes; so does any text when there is no word.
   */
  public static java.util.function.Predicate<String> mayName(String company, String contact) {
    List<String> words = java.util.stream.Stream.of(fold(company), fold(contact))
        .flatMap(f -> java.util.Arrays.stream(f.split(" "))).filter(w -> !w.isEmpty()).toList();
    return text -> {
      if (words.isEmpty() || text.indexOf('\\') >= 0 || text.contains("''")) {
        return true;
      }
      String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      return words.stream().allMatch(folded::contains);
    };
  }

  private static String fold(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
