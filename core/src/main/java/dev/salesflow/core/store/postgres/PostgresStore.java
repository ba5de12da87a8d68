package dev.salesflow.core.store.postgres;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.OpenMode;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.ClockIndexer;
import dev.salesflow.core.store.StoreSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Cases in one schema of a PostgreSQL database, through one connection. Every operation is one
 * READ COMMITTED transaction; a read-then-write first locks the case's row ({@code SELECT … FOR
 * UPDATE}), so a writer always decides on the case as the last writer left it, and a new id is
 * chosen under a transaction-scoped advisory lock of the schema. A migration ({@link #createAll})
 * is a single transaction of {@code COPY}s: a failure, even a lost connection, leaves nothing of it.
 */
public final class PostgresStore implements CaseStore {
  /** Statements that failed on a serialization conflict or a deadlock are tried this often. */
  private static final int ATTEMPTS = 8;
  /** Cases encoded and copied at a time. */
  private static final int BATCH = 5000;

  private final StoreSpec.Postgres spec;
  private final ClockIndexer indexer;
  private final Connection db;
  private final PgRows rows;
  /** The running clocks were built under other settings and this role may not rebuild them: replay instead. */
  private boolean indexStale;
  /** Null until {@link #skipUnreadableTo}: then reads of many cases skip a case with a bad row. */
  private volatile java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> unreadable;

  private PostgresStore(StoreSpec.Postgres spec, ZoneId zone, ClockIndexer indexer, Connection db) {
    this.spec = spec;
    this.indexer = indexer;
    this.db = db;
    this.rows = new PgRows(db, spec.toString(), zone, indexer);
  }

  /**
   * Connects to the database {@code spec} names and opens its schema; when the schema holds no
   * salesflow tables, creates them under {@link OpenMode#CREATE} and refuses under {@link
   * OpenMode#EXISTING}. The password is taken from {@code env} ({@link PgPassword}) or, failing that,
   * from the password file the driver reads.
   *
   * @throws StoreException when the server cannot be reached or refuses the login (a one-line
   *     message naming host, port and database), or the schema is not salesflow's
   */
  public static PostgresStore open(StoreSpec.Postgres spec, ZoneId zone, ClockIndexer indexer, OpenMode mode,
      Map<String, String> env) {
    Connection db = connect(spec, env);
    try {
      PostgresStore store = new PostgresStore(spec, zone, indexer, db);
      store.prepare(mode);
      return store;
    } catch (RuntimeException e) {
      try {
        db.close();
      } catch (SQLException ignored) {
        // failing with a better message already
      }
      throw e;
    }
  }

  private static Connection connect(StoreSpec.Postgres spec, Map<String, String> env) {
    Properties props = new Properties();
    props.setProperty("user", spec.user());
    PgPassword.from(env).ifPresent(password -> props.setProperty("password", password));
    props.setProperty("connectTimeout", String.valueOf(spec.connectTimeoutSeconds()));
    props.setProperty("loginTimeout", String.valueOf(spec.connectTimeoutSeconds()));
    props.setProperty("currentSchema", spec.schema());
    props.setProperty("ApplicationName", "salesflow");
    props.setProperty("tcpKeepAlive", "true");
    String host = spec.host().contains(":") ? "[" + spec.host() + "]" : spec.host();
    String url = "jdbc:postgresql://" + host + ":" + spec.port() + "/" + spec.database();
    try {
      Connection db = new org.postgresql.Driver().connect(url, props);
      db.setAutoCommit(false);
      return db;
    } catch (SQLException e) {
      String hint = "28P01".equals(e.getSQLState()) || "08004".equals(e.getSQLState())
          ? " (the password comes from SALESFLOW_PG_PASSWORD, PGPASSWORD or ~/.pgpass)" : "";
      throw new StoreException("cannot connect to " + spec.server() + " as " + spec.user() + ": "
          + firstLine(e) + hint, e);
    }
  }

  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }

  private void prepare(OpenMode mode) {
    int version = inTransaction("open", this::version);
    if (version > PostgresSchema.VERSION) {
      throw new StoreException(describe() + " was written by a newer salesflow (schema " + version + ", this one knows "
          + PostgresSchema.VERSION + "); left untouched");
    }
    if (version > 0) {
      refuseForeignTriggers();
    }
    if (version == 0) {
      boolean others = inTransaction("open", () -> count(
          "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p')") > 0);
      if (others) {
        throw new StoreException("schema " + spec.schema() + " of " + spec.server()
            + " holds tables but is not a salesflow store (left untouched; choose another with ?schema=NAME)");
      }
      if (mode == OpenMode.EXISTING) {
        throw new StoreException("no salesflow store in schema " + spec.schema() + " of " + spec.server()
            + " (not created: a store is created only when cases are written into it)");
      }
    }
    if (version < PostgresSchema.VERSION) {
      inTransaction("create the tables", () -> {
        execute("SELECT pg_advisory_xact_lock(hashtext('salesflow schema " + spec.schema() + "'))");
        // only when missing: even with IF NOT EXISTS it needs CREATE on the database, which the
        // owner of a schema made for it by an administrator need not have
        if (count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + spec.schema() + "'") == 0) {
          execute("CREATE SCHEMA \"" + spec.schema() + "\"");
        }
        for (int v = version(); v < PostgresSchema.VERSION; v++) { // read again under the lock
          for (String sql : PostgresSchema.MIGRATIONS.get(v)) {
            execute(sql);
          }
        }
        setMeta("application", "salesflow");
        setMeta("schema_version", String.valueOf(PostgresSchema.VERSION));
        return null;
      });
    }
    String fingerprint = indexer.fingerprint();
    if (!fingerprint.equals(inTransaction("open", () -> meta("clock_fingerprint")))) {
      try {
        reindexAll(fingerprint);
      } catch (StoreException e) {
        if (!(e.getCause() instanceof SQLException s && readOnly(s))) {
          throw e;
        }
        indexStale = true; // a reading role: overdue replays the cases instead
      }
    }
  }

  /**
   * Refuses a schema whose tables carry triggers or rules that salesflow did not make (it makes
   * one, which refuses changes to events): they would run inside salesflow's own write transactions, deleting or rewriting cases
   * behind them.
   */
  private void refuseForeignTriggers() {
    List<String> foreign = inTransaction("open", () -> {
      List<String> names = new ArrayList<>();
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT 'trigger ' || quote_ident(t.tgname) || ' on ' || c.relname FROM pg_trigger t"
              + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
              + " JOIN pg_proc p ON p.oid = t.tgfoid"
              + " WHERE n.nspname = current_schema() AND NOT t.tgisinternal"
              // salesflow's own guard (PostgresSchema), with its body as made: a replaced body is foreign
              + " AND NOT (t.tgname = 'events_append_only' AND c.relname = 'events' AND p.proname = 'events_append_only'"
              + " AND p.pronamespace = n.oid AND btrim(regexp_replace(p.prosrc, '\\s+', ' ', 'g'))"
              + " = 'BEGIN RAISE EXCEPTION ''salesflow events are append-only''; END')"
              + " UNION ALL SELECT 'rule ' || quote_ident(rulename) || ' on ' || tablename FROM pg_rules"
              + " WHERE schemaname = current_schema() ORDER BY 1")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    });
    if (!foreign.isEmpty()) {
      throw new StoreException("schema " + spec.schema() + " of " + spec.server() + " holds " + String.join(", ", foreign)
          + ", which salesflow did not create; refused so that no other program's code runs inside salesflow's"
          + " transactions (left untouched; drop them, or use another schema)");
    }
  }

  /** The schema version, 0 when the schema or its meta table does not exist. */
  private int version() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('meta') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return 0;
      }
    }
    if (!"salesflow".equals(meta("application"))) {
      throw new StoreException("schema " + spec.schema() + " of " + spec.server()
          + " has a table meta but is not a salesflow store (left untouched)");
    }
    String version = meta("schema_version");
    return version == null ? 0 : Integer.parseInt(version);
  }

  private String meta(String key) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void setMeta(String key, String value) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The tables whose {@code case_id} references {@code cases}, by a constraint named {@code TABLE_case_id_fkey}. */
  private static final List<String> CASE_REFERENCES = List.of("events", "clocks");

  /** Drops the references to cases for a bulk load; false, with nothing changed, when this role may not. */
  private boolean dropCaseReferences() throws SQLException {
    java.sql.Savepoint before = db.setSavepoint();
    try {
      for (String table : CASE_REFERENCES) {
        execute("ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_case_id_fkey");
      }
      db.releaseSavepoint(before);
      return true;
    } catch (SQLException notOwner) {
      db.rollback(before);
      return false;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** Rebuilds every case's running clocks: the process, rules or calendar changed since they were built. */
  private void reindexAll(String fingerprint) {
    inTransaction("rebuild the clock index", () -> {
      execute("LOCK TABLE clocks IN EXCLUSIVE MODE");
      if (fingerprint.equals(meta("clock_fingerprint"))) {
        return null; // another process rebuilt it while this one waited for the lock
      }
      execute("DELETE FROM clocks");
      // a case at a time through the cursor: the driver runs the writes beside the open portal
      try {
        rows.forEach(c -> {
          try {
            rows.replaceIndex(c, indexer.index(c));
          } catch (SQLException e) {
            throw new java.io.UncheckedIOException(new java.io.IOException(e));
          }
        }, badRow -> { }); // left without clocks: every read of the case itself refuses it
      } catch (java.io.UncheckedIOException e) {
        throw (SQLException) e.getCause().getCause();
      }
      setMeta("clock_fingerprint", fingerprint);
      return null;
    });
  }

  @Override
  public String describe() {
    return "database " + spec;
  }

  @Override
  public synchronized List<String> ids() {
    return inTransaction("list cases", rows::ids);
  }

  @Override
  public synchronized boolean anyOwnedBy(String owner) {
    return inTransaction("look up owner " + owner, () -> rows.anyOwnedBy(owner));
  }

  @Override
  public synchronized Case load(String id) {
    checkId(id);
    return inTransaction("read case " + id, () -> rows.read(id))
        .orElseThrow(() -> new CaseNotFoundException(id, describe()));
  }

  /**
   * One query through a cursor, in id order: memory stays that of one fetch. A case with a row it
   * cannot read goes to the sink of {@link #skipUnreadableTo}, or, without one, fails the read.
   */
  @Override
  public synchronized void forEachCase(java.util.function.Consumer<Case> action) {
    java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> sink = unreadable;
    inTransaction("read cases", () -> {
      rows.forEach(action, sink != null ? sink : badRow -> {
        throw badRow;
      });
      return null;
    });
  }

  /** {@inheritDoc} Here a case with a row salesflow cannot read ({@link dev.salesflow.core.store.BadRows}). */
  @Override
  public Optional<Case> loadReadable(String id) {
    java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> sink = unreadable;
    try {
      return Optional.of(load(id));
    } catch (dev.salesflow.core.model.DiagnosticsException e) {
      if (sink == null) {
        throw e;
      }
      sink.accept(e);
      return Optional.empty();
    }
  }

  @Override
  public void skipUnreadableTo(java.util.function.Consumer<dev.salesflow.core.model.DiagnosticsException> sink) {
    unreadable = sink;
  }

  @Override
  public synchronized void create(Case c) {
    checkId(c.id());
    PgRows.Batch encoded = PgRows.encode(List.of(c), indexer, describe());
    inTransaction("store case " + c.id(), () -> {
      rows.copy(encoded);
      return null;
    });
  }

  /**
   * All cases in one transaction, {@value #BATCH} at a time: the caller's thread reads {@code cases},
   * {@link #ENCODERS} threads work out their clocks and encode their rows, and one more sends each
   * batch with one {@code COPY} per table while the next ones are read and encoded. {@code stored}
   * is told once, at the commit: before it nothing is stored.
   */
  @Override
  public synchronized void createAll(Iterator<Case> cases, IntConsumer stored) {
    int n = inTransactionOnce("store cases", () -> {
      boolean dropped = dropCaseReferences();
      int done = load(cases);
      if (dropped) {
        // NOT VALID: checked for every row written from now on, and not proven again for the rows
        // just loaded, whose case is in the same batch by construction. Proving it (a join of every
        // event with its case) took 20 s of a 1,000,000-case migration; VALIDATE CONSTRAINT does it.
        for (String table : CASE_REFERENCES) {
          execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_case_id_fkey FOREIGN KEY (case_id)"
              + " REFERENCES cases(id) NOT VALID");
        }
      }
      return done;
    });
    if (n > 0) {
      stored.accept(n);
    }
  }

  /** Threads that encode batches for {@link #createAll}. */
  private static final int ENCODERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  /** What tells {@link #load}'s sender that no batch follows. */
  private static final Future<PgRows.Batch> NO_MORE = CompletableFuture.completedFuture(null);

  /** Copies every case of {@code cases} into the open transaction; returns how many. */
  private int load(Iterator<Case> cases) throws SQLException {
    ExecutorService encoders = Executors.newFixedThreadPool(ENCODERS, daemon("salesflow-encode"));
    ExecutorService sending = Executors.newSingleThreadExecutor(daemon("salesflow-copy"));
    // the batches in their order, encoded or being encoded: a few, so memory stays that of some batches
    BlockingQueue<Future<PgRows.Batch>> queue = new ArrayBlockingQueue<>(ENCODERS + 1);
    Future<Integer> sender = sending.submit(() -> {
      int sent = 0;
      for (Future<PgRows.Batch> next = queue.take(); next != NO_MORE; next = queue.take()) {
        PgRows.Batch batch = next.get();
        rows.copy(batch);
        sent += batch.size();
      }
      return sent;
    });
    try {
      while (cases.hasNext() && !sender.isDone()) {
        List<Case> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && cases.hasNext()) {
          Case c = cases.next();
          checkId(c.id());
          batch.add(c);
        }
        hand(queue, encoders.submit(() -> PgRows.encode(batch, indexer, describe())), sender);
      }
      hand(queue, NO_MORE, sender);
      return sender.get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      StoreException interrupted = new StoreException("interrupted while storing cases in " + describe(), e);
      stop(queue, sender, interrupted);
      throw interrupted;
    } catch (RuntimeException | Error e) {
      stop(queue, sender, e);
      throw e;
    } finally {
      encoders.shutdownNow();
      sending.shutdownNow();
    }
  }

  /**
   * Lets the sender finish the batch it is sending and stop, so that the connection is again only
   * this thread's (to roll back); what else fails meanwhile is added to {@code e}, the failure to report.
   */
  private static void stop(BlockingQueue<Future<PgRows.Batch>> queue, Future<Integer> sender, Throwable e) {
    queue.clear();
    queue.offer(NO_MORE);
    boolean interrupted = Thread.interrupted();
    try {
      sender.get();
    } catch (InterruptedException | ExecutionException | RuntimeException alsoFailed) {
      e.addSuppressed(alsoFailed);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Puts {@code batch} in the queue, unless the sender stopped (it failed: its failure is what to report). */
  private static void hand(BlockingQueue<Future<PgRows.Batch>> queue, Future<PgRows.Batch> batch, Future<Integer> sender)
      throws InterruptedException {
    while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
      if (sender.isDone()) {
        return;
      }
    }
  }

  /** The failure of the sender or of an encoder, as thrown there. */
  private SQLException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ExecutionException inner) { // an encoder's failure, through the sender
      cause = inner.getCause();
    }
    if (cause instanceof SQLException sql) {
      return sql;
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new StoreException("cannot store cases in " + describe() + ": " + cause, cause);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized Case createWithNewId(Function<List<String>, Case> idFor) {
    return inTransaction("register a case", () -> {
      // concurrent callers take turns: each sees the ids the one before committed
      execute("SELECT pg_advisory_xact_lock(hashtext('salesflow new id ' || current_schema()))");
      Case c = idFor.apply(rows.ids());
      checkId(c.id());
      rows.copy(PgRows.encode(List.of(c), indexer, describe()));
      return c;
    });
  }

  @Override
  public synchronized Case append(String id, Function<Case, Event> decide) {
    checkId(id);
    return inTransaction("append to case " + id, () -> {
      if (!rows.lock(id)) {
        throw new CaseNotFoundException(id, describe());
      }
      Case current = rows.read(id).orElseThrow(() -> new CaseNotFoundException(id, describe()));
      Event event = decide.apply(current);
      rows.insertEvent(id, current.events().size(), event);
      Case updated = current.withEvent(event);
      rows.replaceIndex(updated, indexer.index(updated));
      return updated;
    });
  }

  /** {@inheritDoc} Here from the index on due time, in its order (checked, and sorted when not). */
  @Override
  public synchronized Optional<List<IndexedClock>> runningClocksDueBefore(Instant horizon) {
    if (indexStale) {
      return Optional.empty();
    }
    return Optional.of(inTransaction("query deadlines", () -> rows.clocksDueBy(horizon.getEpochSecond())));
  }

  private static void checkId(String id) {
    if (!CaseIds.isValid(id)) {
      throw new InvalidRequestException("invalid case id '" + id + "': " + CaseIds.rule());
    }
  }

  /** A unit of work run in one transaction. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in a transaction, again after a serialization failure or deadlock. */
  private <T> T inTransaction(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()))) {
          throw failure(what, e);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << attempt));
      }
    }
  }

  /** Runs {@code work} in a transaction, once: its input cannot be read twice. */
  private <T> T inTransactionOnce(String what, Work<T> work) {
    try {
      return once(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try {
      T result = work.run();
      db.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        db.rollback();
      } catch (SQLException lost) {
        e.addSuppressed(lost); // the connection is gone: the server rolls back
      }
      throw e;
    }
  }

  /** Whether {@code e} says this role, or a read-only server, may not write. */
  private static boolean readOnly(SQLException e) {
    return "42501".equals(e.getSQLState()) || "25006".equals(e.getSQLState());
  }

  private RuntimeException failure(String what, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    if ("23505".equals(state)) {
      Optional<String> taken = takenId(e);
      if (taken.isPresent()) {
        return new InvalidRequestException("case " + taken.get() + " already exists (" + describe() + ")");
      }
    }
    if (readOnly(e)) {
      return new StoreException("cannot " + what + ": role " + spec.user() + " may not write to " + describe()
          + " (" + firstLine(e) + "); it may only read", e);
    }
    if (state.startsWith("08") || closed()) {
      return new StoreException("cannot " + what + ": lost the connection to " + spec.server() + " (" + firstLine(e)
          + "); not acknowledged", e);
    }
    return new StoreException("cannot " + what + " in " + describe() + ": " + firstLine(e), e);
  }

  private boolean closed() {
    try {
      return db.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** The id a unique violation names: its detail reads {@code Key (id)=(X) already exists.} */
  private static Optional<String> takenId(SQLException e) {
    if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
      String detail = p.getServerErrorMessage().getDetail();
      String prefix = "Key (id)=(";
      if (detail != null && detail.startsWith(prefix) && detail.endsWith(") already exists.")) {
        return Optional.of(detail.substring(prefix.length(), detail.length() - ") already exists.".length()));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
