package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.CaseStanding;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.Reporting;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.report.ReportPlan;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.store.CaseNumbers;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.ClockIndexer;
import dev.salesflow.core.store.SentLog;
import dev.salesflow.core.store.SentNotice;
import dev.salesflow.core.store.StoreSpec;
import dev.salesflow.core.store.UnfinishedMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Cases in one SQLite database: tables {@code cases}, {@code events} (append-only) and
 * {@code clocks} (running SLA deadlines, indexed by due time, rewritten in the same transaction as
 * every write to their case). WAL journal, {@code synchronous=NORMAL}, a 10 s busy timeout, and
 * every read-then-write in an IMMEDIATE transaction so concurrent writers queue instead of failing.
 */
public final class SqliteStore implements CaseStore {
  private final Path file;
  private final ClockIndexer indexer;
  private final Connection db;
  private final CaseRows rows;
  /** Null until {@link #skipUnreadableTo}: then reads of many cases skip a case with a bad row. */
  private volatile java.util.function.Consumer<DiagnosticsException> unreadable;

  private SqliteStore(Path file, ZoneId zone, ClockIndexer indexer, Connection db) {
    this.file = file;
    this.indexer = indexer;
    this.db = db;
    this.rows = new CaseRows(db, file, zone, indexer);
  }

  /**
   * Opens the database at {@code file}; when it is absent, creates it under {@link OpenMode#CREATE}
   * and refuses, creating nothing, under {@link OpenMode#EXISTING}. A file that is not a salesflow
   * database, or one written by a newer salesflow, is refused and left untouched; so, under {@code
   * EXISTING}, is an empty file or a blank database, and always a database holding triggers, views
   * or tables salesflow did not create ({@link SqliteSchema#refuseForeignObjects}). Functions of the
   * schema run only when SQLite knows them harmless ({@code PRAGMA trusted_schema=OFF}).
   */
  public static SqliteStore open(Path file, ZoneId zone, ClockIndexer indexer, OpenMode mode) {
    boolean fresh = !Files.exists(file);
    if (fresh && mode == OpenMode.EXISTING) {
      throw new StoreException("no database " + file.toAbsolutePath()
          + " (not created: a database is created only when cases are written into it)");
    }
    if (fresh && file.toAbsolutePath().getParent() != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
      throw new StoreException("cannot create " + file + ": its folder does not exist");
    }
    if (!fresh) {
      refuseUnlessSqlite(file, mode);
    }
    Connection db;
    try {
      Properties props = new Properties();
      props.setProperty("busy_timeout", "10000");
      props.setProperty("transaction_mode", "IMMEDIATE");
      props.setProperty("foreign_keys", "true");
      // otherwise the driver runs SELECT last_insert_rowid() after every INSERT
      props.setProperty("jdbc.get_generated_keys", "false");
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
      org.sqlite.BusyHandler.setHandler(db, new PollingBusyHandler());
      try (Statement s = db.createStatement()) {
        // functions in the schema (a trigger's, a view's, an index's) run only when marked harmless
        s.execute("PRAGMA trusted_schema=OFF");
      }
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      SqliteStore store = new SqliteStore(file, zone, indexer, db);
      store.prepare(fresh, mode);
      return store;
    } catch (SQLException e) {
      close(db);
      String message = e.getMessage() != null && e.getMessage().contains("NOTADB")
          ? file + " is not a SQLite database (left untouched)"
          : "cannot open " + file + ": " + e.getMessage();
      throw new StoreException(message, e);
    } catch (RuntimeException e) {
      close(db);
      throw e;
    }
  }

  /**
   * Waits for a lock held by another connection for up to 10 s, trying again every millisecond or
   * so. SQLite's own busy timeout tries only every 100 ms after the first second, so a writer
   * behind others that write back to back (each holding the lock nearly all the time) could find
   * it taken at every try and fail after 10 s instead of getting its turn.
   */
  private static final class PollingBusyHandler extends org.sqlite.BusyHandler {
    private static final long TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private long since;

    @Override
    protected int callback(int previousTries) {
      long now = System.nanoTime();
      if (previousTries == 0) {
        since = now;
      }
      if (now - since > TIMEOUT_NANOS) {
        return 0;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(
          500_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000));
      return 1;
    }
  }

  /**
   * Refuses a non-empty file that does not start as a SQLite database does, before SQLite sees it:
   * SQLite takes a 1-byte file for an empty database and would overwrite it.
   */
  private static void refuseUnlessSqlite(Path file, OpenMode mode) {
    byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(magic.length);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (head.length > 0 && !java.util.Arrays.equals(head, 0, head.length, magic, 0, head.length)) {
      throw new StoreException(file + " is not a SQLite database (left untouched)");
    }
    if (head.length == 0 && mode == OpenMode.EXISTING) {
      throw new StoreException(file + " is an empty file, not a salesflow database (left untouched;"
          + " only a command that adds cases, or migrate --to, makes a database of it)");
    }
  }

  private static void close(Connection db) {
    try {
      db.close();
    } catch (SQLException ignored) {
      // already failing with a better message
    }
  }

  private void prepare(boolean fresh, OpenMode mode) throws SQLException {
    int applicationId;
    int version;
    boolean empty;
    // one statement, so one snapshot: read one by one, another process creating the database could
    // commit in between, and its tables would be seen without its application id
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT application_id FROM pragma_application_id()),"
            + " (SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master)")) {
      rs.next();
      applicationId = rs.getInt(1);
      version = rs.getInt(2);
      empty = rs.getInt(3) == 0;
    }
    // only a salesflow database, or a blank one (no tables, application id and version 0), is ours
    if (applicationId != SqliteSchema.APPLICATION_ID && (!empty || applicationId != 0 || version != 0)) {
      throw new StoreException(file + " is a SQLite database but not a salesflow one (left untouched)");
    }
    if (version > SqliteSchema.VERSION) {
      throw new StoreException(file + " was written by a newer salesflow (schema " + version + ", this one knows "
          + SqliteSchema.VERSION + "); left untouched");
    }
    if (empty && mode == OpenMode.EXISTING) {
      throw new StoreException(file + " is an empty SQLite database, not a salesflow one (left untouched;"
          + " only a command that adds cases, or migrate --to, makes a salesflow database of it)");
    }
    SqliteSchema.refuseForeignObjects(db, file);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
    }
    if (version < SqliteSchema.VERSION) {
      inTransaction(() -> {
        try (Statement s = db.createStatement()) {
          // read again under the write lock: another process may have upgraded it meanwhile
          int current = intOf(s, "PRAGMA user_version");
          for (int v = current; v < SqliteSchema.VERSION; v++) {
            for (String sql : SqliteSchema.MIGRATIONS.get(v)) {
              s.execute(sql);
            }
          }
          s.execute("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
          s.execute("PRAGMA user_version = " + SqliteSchema.VERSION);
        }
        return null;
      });
    }
    if (mode != OpenMode.MIGRATION && meta(UnfinishedMigration.META_KEY) != null) {
      throw UnfinishedMigration.refusal(describe(), StoreSpec.SQLITE + file);
    }
    String fingerprint = indexer.fingerprint();
    if (!fingerprint.equals(meta("clock_fingerprint"))) {
      reindexAll(fingerprint);
    }
  }

  private static int intOf(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private String meta(String key) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Rebuilds every case's running clocks: the process, rules or calendar changed since they were built. */
  private void reindexAll(String fingerprint) {
    inTransaction(() -> {
      if (fingerprint.equals(meta("clock_fingerprint"))) {
        return null; // another process reindexed it while this one waited for the lock
      }
      try (Statement s = db.createStatement()) {
        s.execute("DELETE FROM clocks");
        s.execute("DELETE FROM report_clocks");
      }
      for (String id : idsInTransaction()) {
        Case c;
        try {
          c = read(id).orElseThrow();
        } catch (DiagnosticsException badRow) {
          continue; // left without clocks or facts: every read of the case itself refuses it
        }
        rows.replaceIndex(c, indexer.index(c));
      }
      try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES ('clock_fingerprint', ?)")) {
        p.setString(1, fingerprint);
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public String describe() {
    return "database " + file;
  }

  @Override
  public synchronized List<String> ids() {
    try {
      return idsInTransaction();
    } catch (SQLException e) {
      throw failure("list cases", e);
    }
  }

  @Override
  public synchronized boolean anyOwnedBy(String owner) {
    try (java.sql.PreparedStatement q = db.prepareStatement("SELECT 1 FROM cases WHERE owner = ? LIMIT 1")) {
      q.setString(1, owner);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure("look up owner " + owner, e);
    }
  }

  private List<String> idsInTransaction() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM cases ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  @Override
  public synchronized Case load(String id) {
    checkId(id);
    try {
      return read(id).orElseThrow(() -> new CaseNotFoundException(id, describe()));
    } catch (SQLException e) {
      throw failure("read case " + id, e);
    }
  }

  private Optional<Case> read(String id) throws SQLException {
    return rows.read(id);
  }

  /** {@inheritDoc} Here a case with a row salesflow cannot read ({@link dev.salesflow.core.store.BadRows}). */
  @Override
  public Optional<Case> loadReadable(String id) {
    java.util.function.Consumer<DiagnosticsException> skip = unreadable;
    try {
      return Optional.of(load(id));
    } catch (DiagnosticsException e) {
      if (skip == null) {
        throw e;
      }
      skip.accept(e);
      return Optional.empty();
    }
  }

  @Override
  public void skipUnreadableTo(java.util.function.Consumer<DiagnosticsException> sink) {
    unreadable = sink;
  }

  /** The sink of {@link #skipUnreadableTo} given {@code badRow}, or, without one, {@code badRow} thrown. */
  private void skip(DiagnosticsException badRow) {
    java.util.function.Consumer<DiagnosticsException> sink = unreadable;
    if (sink == null) {
      throw badRow;
    }
    sink.accept(badRow);
  }

  /**
   * One pass over cases and events in id order: memory stays that of one case. A case with a row
   * it cannot read is skipped ({@link #skip}), its other rows passed over.
   */
  @Override
  public synchronized void forEachCase(java.util.function.Consumer<Case> action) {
    String sql = "SELECT c.id, " + prefixed("c.", CaseRows.STORED_COLUMNS) + ", " + prefixed("e.", CaseRows.EVENT_COLUMNS)
        + " FROM cases c LEFT JOIN events e ON e.case_id = c.id ORDER BY c.id, e.seq";
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      String currentId = null;
      Case current = null;
      DiagnosticsException bad = null;
      List<Event> events = new ArrayList<>();
      while (rs.next()) {
        String id = rs.getString(1);
        if (currentId == null || !currentId.equals(id)) {
          give(current, events, bad, action);
          currentId = id;
          current = null;
          bad = null;
          events = new ArrayList<>();
          try {
            current = rows.storedCaseAt(rs, 2, id);
          } catch (DiagnosticsException e) {
            bad = e;
          }
        }
        if (bad == null && rs.getString(15) != null) {
          try {
            events.add(rows.eventAt(rs, 15, id));
          } catch (DiagnosticsException e) {
            bad = e;
          }
        }
      }
      give(current, events, bad, action);
    } catch (SQLException e) {
      throw failure("read cases", e);
    }
  }

  /** Gives a case read by {@link #forEachCase} to {@code action}, or its bad row to {@link #skip}. */
  private void give(Case c, List<Event> events, DiagnosticsException bad, java.util.function.Consumer<Case> action) {
    if (bad != null) {
      skip(bad);
    } else if (c != null) {
      action.accept(CaseRows.withEvents(c, events));
    }
  }

  /** {@inheritDoc} Here from {@code cases} alone, whose stage columns are rewritten with every write ({@link StandingScan}). */
  @Override
  public synchronized boolean forEachStanding(java.util.Set<dev.salesflow.core.model.RegistrationField> fields,
      java.util.function.Consumer<CaseStanding> action) {
    StandingScan scan = new StandingScan(fields);
    try {
      execute("BEGIN DEFERRED"); // one snapshot for every chunk; writers in other processes go on
      try {
        scan.forEach(db, rows, action, this::skip);
      } finally {
        execute("COMMIT");
      }
      return true;
    } catch (SQLException e) {
      throw failure("read cases", e);
    }
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }

  @Override
  public synchronized void create(Case c) {
    checkId(c.id());
    CaseRows.Encoded encoded = CaseRows.encode(c, indexer);
    inTransaction(() -> {
      insert(encoded);
      return null;
    });
  }

  /**
   * Inserts a transaction per batch of a few thousand cases (one commit per case would dominate),
   * their replay and clocks worked out on other threads while this one writes. Meanwhile this
   * connection lets the write-ahead log grow to {@link #BULK_CHECKPOINT_PAGES} before copying it
   * into the database, not SQLite's 1,000 pages: the batches rewrite the same index pages, which a
   * checkpoint every few batches copied (and synced) again and again, as long as the inserts took.
   */
  @Override
  public synchronized void createAll(java.util.Iterator<Case> cases, java.util.function.IntConsumer stored) {
    int[] done = {0};
    int checkpointPages;
    try (Statement s = db.createStatement()) {
      checkpointPages = intOf(s, "PRAGMA wal_autocheckpoint");
      s.execute("PRAGMA wal_autocheckpoint = " + BULK_CHECKPOINT_PAGES);
    } catch (SQLException e) {
      throw failure("write", e);
    }
    try {
      BulkLoad.run(cases, c -> {
        checkId(c.id());
        return CaseRows.encode(c, indexer);
      }, batch -> {
        insertBatch(batch);
        stored.accept(done[0] += batch.size());
      });
    } finally {
      try {
        execute("PRAGMA wal_autocheckpoint = " + checkpointPages);
      } catch (SQLException e) {
        throw failure("write", e);
      }
    }
  }

  /** The write-ahead log's size, in pages, at which a bulk load copies it into the database (256 MB of 4 KB pages). */
  private static final int BULK_CHECKPOINT_PAGES = 65_536;

  /** One batch of new cases in one transaction; a taken id refuses the batch. */
  private void insertBatch(List<CaseRows.Encoded> batch) {
    try {
      inTransaction(() -> {
        ReportSummaries.countedOnce(db, () -> rows.insertAll(batch));
        return null;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException cause && CaseRows.taken(cause)) {
        Optional<String> taken;
        try {
          taken = rows.takenId(batch);
        } catch (SQLException notFound) {
          throw e;
        }
        if (taken.isPresent()) {
          throw new InvalidRequestException("case " + taken.get() + " already exists (" + describe() + ")");
        }
      }
      throw e;
    }
  }

  @Override
  public synchronized Case createWithNewId(Function<List<String>, Case> idFor) {
    return inTransaction(() -> {
      Case c = idFor.apply(idsInTransaction());
      checkId(c.id());
      insert(CaseRows.encode(c, indexer));
      return c;
    });
  }

  /**
   * {@inheritDoc} Here in the write transaction, from the index on id length and id: for each digit
   * count, the highest id of that length in the range of the prefix (ids of one length sort as
   * their numbers), one step down the index each.
   */
  @Override
  public synchronized Case createNumbered(String prefix, Function<String, Case> withId) {
    return inTransaction(() -> {
      int max = 0;
      PreparedStatement q = rows.statement("SELECT id FROM cases INDEXED BY cases_by_id_length WHERE length(id) = ?3 AND id >= ?1 AND id <= ?2"
          + " AND substr(id, ?4) NOT GLOB '*[^0-9]*' ORDER BY id DESC LIMIT 1");
      for (int digits = 1; digits <= CaseNumbers.MAX_DIGITS; digits++) {
        q.setString(1, prefix + "0".repeat(digits));
        q.setString(2, prefix + "9".repeat(digits));
        q.setInt(3, prefix.length() + digits);
        q.setInt(4, prefix.length() + 1);
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            max = Math.max(max, CaseNumbers.number(prefix, rs.getString(1)));
          }
        }
      }
      Case c = withId.apply(CaseNumbers.after(prefix, max));
      checkId(c.id());
      insert(CaseRows.encode(c, indexer));
      return c;
    });
  }

  /** Inserts a new case; the primary key refuses a taken id. */
  private void insert(CaseRows.Encoded e) throws SQLException {
    if (!rows.insert(e)) {
      throw new InvalidRequestException("case " + e.value().id() + " already exists (" + describe() + ")");
    }
  }

  @Override
  public synchronized Case append(String id, Function<Case, Event> decide) {
    checkId(id);
    return inTransaction(() -> {
      Case current = read(id).orElseThrow(() -> new CaseNotFoundException(id, describe()));
      Event event = decide.apply(current);
      rows.insertEvent(id, current.events().size(), event);
      Case updated = current.withEvent(event);
      rows.replaceIndex(updated, indexer.index(updated));
      return updated;
    });
  }

  /** {@inheritDoc} Here from the index on due time, checked to be in due order and sorted when not. */
  @Override
  public synchronized Optional<List<IndexedClock>> runningClocksDueBefore(Instant horizon) {
    try {
      return Optional.of(ClockScan.read(db, horizon.getEpochSecond()));
    } catch (SQLException e) {
      throw failure("query deadlines", e);
    }
  }

  /**
   * {@inheritDoc} Here with SQL aggregates over the facts rewritten with every write, when no case
   * holds an instant after {@code now} (the index on {@code as_of_unix} says so at once).
   */
  @Override
  public synchronized Optional<Reporting> reports(ReportPlan plan, OffsetDateTime now) {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT max(as_of_unix) FROM cases")) {
      rs.next();
      long latest = rs.getLong(1);
      if (!rs.wasNull() && latest > now.toEpochSecond()) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("query reports", e);
    }
    // every report groups by stage; a row without one (another program's) is named, not counted
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM cases INDEXED BY cases_by_stage_entered WHERE stage IS NULL LIMIT 1")) {
      if (rs.next()) {
        rows.stage(rs.getString(1), null); // refuses it
      }
    } catch (SQLException e) {
      throw failure("query reports", e);
    }
    return Optional.of(new SummaryReports(this, db, file, plan, now));
  }

  private void checkId(String id) {
    if (!CaseIds.isValid(id)) {
      throw new InvalidRequestException("invalid case id '" + id + "': " + CaseIds.rule());
    }
  }

  /** A unit of work run in one IMMEDIATE transaction. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} between explicit {@code BEGIN IMMEDIATE} and {@code COMMIT}. Not through
   * JDBC's {@code commit()}/{@code rollback()}: the driver starts the next transaction at once
   * inside them, so a write would take the lock a second time after it committed, and a timeout
   * there would report a committed write as failed.
   */
  @Override
  public Optional<SentLog> sentLog() {
    return Optional.of(new SentLog() {
      @Override
      public java.util.Set<SentNotice> sent() {
        java.util.Set<SentNotice> sent = new java.util.HashSet<>();
        try (Statement s = db.createStatement();
            ResultSet rs = s.executeQuery("SELECT case_id, rule, started_ms, level, recipient FROM notify_sent")) {
          while (rs.next()) {
            sent.add(new SentNotice(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                rs.getInt(4), rs.getString(5)));
          }
        } catch (SQLException e) {
          throw failure("read", e);
        }
        return sent;
      }

      @Override
      public void record(java.util.Collection<SentNotice> notices) {
        inTransaction(() -> {
          try (PreparedStatement insert = db.prepareStatement("INSERT OR IGNORE INTO notify_sent"
              + " (case_id, rule, started_ms, level, recipient, sent_unix) VALUES (?, ?, ?, ?, ?, ?)")) {
            long now = Instant.now().getEpochSecond();
            for (SentNotice n : notices) {
              insert.setString(1, n.caseId());
              insert.setString(2, n.rule());
              insert.setLong(3, n.clockStart().toEpochMilli());
              insert.setInt(4, n.level());
              insert.setString(5, n.recipient());
              insert.setLong(6, now);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
      }
    });
  }

  @Override
  public synchronized boolean unfinishedMigration() {
    try {
      return meta(UnfinishedMigration.META_KEY) != null;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  @Override
  public synchronized void beginMigration() {
    inTransaction(() -> {
      if (meta(UnfinishedMigration.META_KEY) != null) {
        deleteCases();
      }
      try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
        p.setString(1, UnfinishedMigration.META_KEY);
        p.setString(2, Instant.now().toString());
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public synchronized void finishMigration() {
    inTransaction(() -> {
      deleteMark();
      return null;
    });
  }

  @Override
  public synchronized void discardMigration() {
    inTransaction(() -> {
      deleteCases();
      deleteMark();
      return null;
    });
  }

  private void deleteMark() throws SQLException {
    try (PreparedStatement p = db.prepareStatement("DELETE FROM meta WHERE key = ?")) {
      p.setString(1, UnfinishedMigration.META_KEY);
      p.executeUpdate();
    }
  }

  /** Every case with its events, clocks and notices: what an unfinished migration wrote. */
  private void deleteCases() throws SQLException {
    for (String table : List.of("events", "clocks", "report_clocks", "notify_sent", "cases")) {
      execute("DELETE FROM " + table);
    }
  }

  private <T> T inTransaction(Work<T> work) {
    try {
      execute("BEGIN IMMEDIATE");
      try {
        T result = work.run();
        execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          execute("ROLLBACK");
        } catch (SQLException notActive) {
          e.addSuppressed(notActive); // SQLite may already have rolled back (e.g. on a full disk)
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    rows.close();
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
