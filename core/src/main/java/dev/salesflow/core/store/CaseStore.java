package dev.salesflow.core.store;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.report.ReportSource;
import dev.salesflow.core.sla.DueClocks;
import dev.salesflow.core.sla.IndexedClock;
import java.util.List;
import java.util.function.Function;

/**
 * Where cases live. Every implementation keeps events append-only and serialises writers, so two
 * processes recording at once never lose an event.
 */
public interface CaseStore extends DueClocks, ReportSource, AutoCloseable {

  /** Every case id, sorted. */
  List<String> ids();

  /**
   * The case with {@code id}.
   *
   * @throws dev.salesflow.core.model.CaseNotFoundException when there is none
   * @throws dev.salesflow.core.model.DiagnosticsException when it cannot be read
   */
  Case load(String id);

  /**
   * The case with {@code id} for a read of many cases: as {@link #load}, except that a case which
   * cannot be read (a broken case file, a bad row) is given to the sink of {@link
   * #skipUnreadableTo}, when one is set, and comes back empty, so one bad case never hides the
   * others. Without a sink it fails as {@link #load} does.
   */
  default java.util.Optional<Case> loadReadable(String id) {
    return java.util.Optional.of(load(id));
  }

  /**
   * Where reads of many cases ({@link #forEachCase}, {@link #loadReadable}, {@link #anyOwnedBy})
   * put each case they cannot read, with its diagnostics, and go on with the next; by default there
   * is none and such a read fails. A read of one case ({@link #load}) and every write still fail
   * on it, naming its file.
   */
  default void skipUnreadableTo(java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> sink) {
  }

  /**
   * Gives every case to {@code action} in id order without holding them all: files are read a
   * batch at a time (in parallel), a database through one cursor. A case it cannot read goes to
   * the sink of {@link #skipUnreadableTo} when one is set.
   */
  default void forEachCase(java.util.function.Consumer<Case> action) {
    List<String> ids = ids();
    int batch = 512;
    for (int from = 0; from < ids.size(); from += batch) {
      ids.subList(from, Math.min(ids.size(), from + batch)).parallelStream()
          .map(this::loadReadable).flatMap(java.util.Optional::stream).toList().forEach(action);
    }
  }

  /**
   * As {@link #forEachCase(java.util.function.Consumer)}, for a search: a store that keeps each case
   * as text (a case file) may leave out, unread as a case, one whose text fails {@code textMayMatch};
   * a database gives every case.
   *
   * @param textMayMatch false only for a stored text that cannot hold what the caller looks for
   * @param action called once per case given, in id order, on the calling thread
   */
  default void forEachCase(java.util.function.Predicate<String> textMayMatch, java.util.function.Consumer<Case> action) {
    forEachCase(action);
  }

  /**
   * Gives every case's registration (without its events), current stage and stage entry time to
   * {@code action} in id order, from what the store keeps, reading no event.
   *
   * @param fields the registration fields the caller reads (the id always comes); a store may
   *     leave the others out (null), so a list of four columns reads no more
   * @return false, having given nothing, when the store keeps no stages (then the caller replays
   *     the cases of {@link #forEachCase})
   */
  default boolean forEachStanding(java.util.Set<dev.salesflow.core.model.RegistrationField> fields,
      java.util.function.Consumer<dev.salesflow.core.model.CaseStanding> action) {
    return false;
  }

  /** Every case, sorted by id; fails on the first unreadable one. */
  default List<Case> loadAll() {
    return ids().stream().map(this::load).toList();
  }

  /**
   * Stores a new case, or refuses when {@code c.id()} exists.
   *
   * @throws dev.salesflow.core.model.InvalidRequestException when the id is taken
   */
  void create(Case c);

  /** Stores many new cases (a migration); stores may batch them. Refuses taken ids like {@link #create}. */
  default void createAll(java.util.Iterator<Case> cases) {
    createAll(cases, stored -> { });
  }

  /**
   * As {@link #createAll(java.util.Iterator)}, telling {@code stored} how many cases are stored so
   * far each time more are (durably, not merely read), for a progress bar.
   */
  default void createAll(java.util.Iterator<Case> cases, java.util.function.IntConsumer stored) {
    int n = 0;
    while (cases.hasNext()) {
      create(cases.next());
      stored.accept(++n);
    }
  }

  /**
   * Creates a case whose id is chosen under the store's write lock: {@code idFor} gets the ids
   * present and returns the case to store.
   */
  Case createWithNewId(Function<List<String>, Case> idFor);

  /**
   * Creates the case {@code withId} makes of the next free id of {@code prefix} ({@link
   * CaseNumbers}), chosen under the store's write lock so concurrent creations never share one.
   * Stores override this to find the highest number without listing every case; by default it is
   * {@link #createWithNewId} over all ids.
   */
  default Case createNumbered(String prefix, Function<String, Case> withId) {
    return createWithNewId(ids -> withId.apply(CaseNumbers.next(prefix, ids)));
  }

  /**
   * Appends one event to case {@code id}. Under the write lock the case is read afresh and given
   * to {@code decide}, which returns the event to append or throws to refuse; so a decision is
   * never made on a stale case.
   *
   * @return the case with the event appended
   */
  Case append(String id, Function<Case, Event> decide);

  /**
   * {@inheritDoc} A store with an index of deadlines overrides this and keeps the promise of due
   * order itself, whatever order its storage gives.
   */
  @Override
  default java.util.Optional<List<IndexedClock>> runningClocksDueBefore(java.time.Instant horizon) {
    return java.util.Optional.empty();
  }

  /**
   * The store's own sent-log of {@code notify}, when it keeps one (a database table); empty for a
   * folder of case files, whose workspace keeps it in a state file outside {@code cases/}.
   */
  default java.util.Optional<SentLog> sentLog() {
    return java.util.Optional.empty();
  }

  /**
   * Whether any case has {@code owner} as its current owner (after reassignments): a filter naming nobody is refused. The folder
   * reads case by case and stops at the first; databases ask one indexed-or-scanned query.
   */
  default boolean anyOwnedBy(String owner) {
    for (String id : ids()) {
      if (loadReadable(id).map(c -> owner.equals(c.current().owner())).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the store tells of what it skips without failing (a FIFO named like a case file, say),
   * one message per thing; by default it skips nothing.
   */
  default void warnTo(java.util.function.Consumer<String> sink) {
  }

  /**
   * Whether a migration into this store began and did not finish ({@link UnfinishedMigration}): then
   * it holds some cases of another store, and only a new migration opens it.
   */
  default boolean unfinishedMigration() {
    return false;
  }

  /**
   * Marks this store, about to be filled by a migration, as unfinished, first removing every case
   * an earlier unfinished migration wrote into it. A store whose migration is one transaction
   * (PostgreSQL) needs no mark.
   */
  default void beginMigration() {
  }

  /** Removes the mark of {@link #beginMigration}: every case is stored. */
  default void finishMigration() {
  }

  /**
   * Removes the cases a failed or interrupted migration wrote and its mark, leaving the store empty;
   * the mark stays when this fails too, so the store stays recognisably unfinished.
   */
  default void discardMigration() {
  }

  /** A short description for messages, e.g. {@code case folder examples/cases}. */
  String describe();

  @Override
  void close();
}
