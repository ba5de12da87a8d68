package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Priority;
import dev.salesflow.core.sla.IndexedClock;
import dev.salesflow.core.sla.RunningClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The running clocks due before an instant, read in one piece: SQLite joins the rows of the
 * covering index scan into a single value, which this class splits. Reading the columns one by one
 * through JDBC costs a native call and a decoded string per column and row (9 per clock): at a
 * million cases about three quarters of the time {@code overdue} spent reading. The values that
 * repeat from row to row (stage, owner, priority, company, rule) are decoded once; from {@link
 * #SPLIT} bytes on, two threads split the value.
 *
 * <p>Two layouts. {@link #SEPARATED}: columns separated by byte {@code FF}, rows by {@code FE}, NULL
 * written as {@code FD}: bytes that never occur in UTF-8, which is all salesflow writes (the driver
 * encodes every string it binds). Should a value hold one anyway (text put in by another program),
 * a row no longer has its nine columns; then the clocks are read again in {@link #PREFIXED}, each
 * value led by its length in bytes, exact for any bytes but some 40% slower in SQLite.
 *
 * <p>The clocks come in the order of the index on due time (due time, case id, rule), which the
 * range scan follows; but SQLite leaves the order of {@code group_concat} undefined, so {@link
 * #read(Connection, long)} checks it and sorts when it is not: the store's promise of due order
 * ({@link dev.salesflow.core.sla.DueClocks}) never rests on the query plan.
 */
final class ClockScan {
  /** Columns split by {@code FF}, rows by {@code FE}, NULL as {@code FD}. */
  static final String SEPARATED = "SELECT CAST(group_concat(concat(case_id, X'FF', ifnull(stage, X'FD'), X'FF',"
      + " ifnull(owner, X'FD'), X'FF', ifnull(priority, X'FD'), X'FF', ifnull(company, X'FD'), X'FF', rule, X'FF',"
      + " ifnull(match_key, X'FD'), X'FF', started_unix, X'FF', due_unix), X'FE') AS BLOB)"
      + " FROM clocks WHERE due_unix <= ?";
  /**
   * Per clock {@code LEN:TEXT} for case id, stage, owner, priority, company, rule and match key
   * ({@code -1:} for NULL), then {@code STARTED,DUE;} in epoch seconds; {@code octet_length} counts
   * the bytes of the text as stored.
   */
  static final String PREFIXED = "SELECT CAST(group_concat(format('%d:%s%d:%s%d:%s%d:%s%d:%s%d:%s%d:%s%d,%d;',"
      + " ifnull(octet_length(case_id), -1), case_id, ifnull(octet_length(stage), -1), stage,"
      + " ifnull(octet_length(owner), -1), owner, ifnull(octet_length(priority), -1), priority,"
      + " ifnull(octet_length(company), -1), company, ifnull(octet_length(rule), -1), rule,"
      + " ifnull(octet_length(match_key), -1), match_key, started_unix, due_unix), '') AS BLOB)"
      + " FROM clocks WHERE due_unix <= ?";

  /** From this many bytes on (some 20,000 clocks), two threads split the value between them. */
  static final int SPLIT = 2_000_000;

  private static final byte COLUMN_END = (byte) 0xFF;
  private static final byte ROW_END = (byte) 0xFE;
  private static final byte NULL = (byte) 0xFD;

  private final byte[] b;
  private final boolean prefixed;
  private int at;
  private final int end;
  private final Strings stages = new Strings();
  private final Strings owners = new Strings();
  private final Strings priorities = new Strings();
  private final Strings rules = new Strings();
  private final Strings companies = new Strings();

  private ClockScan(byte[] b, boolean prefixed, int from, int end) {
    this.b = b;
    this.prefixed = prefixed;
    this.at = from;
    this.end = end;
  }

  /** A row that does not have the layout asked for. */
  private static final class Misread extends RuntimeException {
    Misread(String message) {
      super(message, null, false, false);
    }
  }

  /** The clocks due at or before {@code dueUnix}, in due order ({@link IndexedClock#DUE_ORDER}). */
  static List<IndexedClock> read(Connection db, long dueUnix) throws SQLException {
    List<IndexedClock> clocks;
    try {
      clocks = read(db, dueUnix, false);
    } catch (Misread e) {
      clocks = read(db, dueUnix, true);
    }
    return inDueOrder(clocks);
  }

  /**
   * {@code clocks} in due order: one pass finds them already so (as the index gives them), and only
   * a list that is not gets sorted, stably. Package-private for tests.
   */
  static List<IndexedClock> inDueOrder(List<IndexedClock> clocks) {
    for (int i = 1; i < clocks.size(); i++) {
      if (IndexedClock.DUE_ORDER.compare(clocks.get(i - 1), clocks.get(i)) > 0) {
        clocks.sort(IndexedClock.DUE_ORDER);
        return clocks;
      }
    }
    return clocks;
  }

  /** {@link #read(Connection, long)} in one layout; package-private for tests. */
  static List<IndexedClock> read(Connection db, long dueUnix, boolean prefixed) throws SQLException {
    byte[] all;
    try (PreparedStatement q = db.prepareStatement(prefixed ? PREFIXED : SEPARATED)) {
      q.setLong(1, dueUnix);
      try (ResultSet rs = q.executeQuery()) {
        all = rs.next() ? rs.getBytes(1) : null;
      }
    }
    if (all == null) {
      return new ArrayList<>();
    }
    if (all.length < SPLIT || Runtime.getRuntime().availableProcessors() < 2) {
      return new ClockScan(all, prefixed, 0, all.length).parse();
    }
    // the second half on another core, from the first clock that starts past the middle
    int half = prefixed ? new ClockScan(all, true, 0, all.length).firstRowFrom(all.length / 2) : firstRowFrom(all, all.length / 2);
    CompletableFuture<List<IndexedClock>> second =
        CompletableFuture.supplyAsync(() -> new ClockScan(all, prefixed, half, all.length).parse());
    List<IndexedClock> clocks = new ClockScan(all, prefixed, 0, half).parse(); // on a Misread the other ends alone
    try {
      clocks.addAll(second.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return clocks;
  }

  private static int firstRowFrom(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == ROW_END) {
        return i + 1;
      }
    }
    return b.length;
  }

  /** The start of the first clock at or after byte {@code from}, walking from the start (lengths lead). */
  private int firstRowFrom(int from) {
    while (at < from) {
      for (int i = 0; i < 7; i++) {
        int length = (int) number(':');
        at += Math.max(0, length);
      }
      number(',');
      number(';');
    }
    return at;
  }

  private List<IndexedClock> parse() {
    List<IndexedClock> clocks = new ArrayList<>((end - at) / 100 + 16);
    Priority lastPriority = null;
    String lastPriorityText = null;
    Instant dueAt = null;
    long lastDue = 0;
    while (at < end) {
      String caseId = text(null);
      String stage = text(stages);
      String owner = text(owners);
      String priorityText = text(priorities);
      String company = text(companies);
      String rule = text(rules);
      String key = text(null);
      long started = number(prefixed ? (byte) ',' : COLUMN_END);
      long due = prefixed ? number(';') : lastNumber();
      if (caseId == null || rule == null) {
        throw new Misread("clock scan: no case id or rule before byte " + at);
      }
      if (priorityText != lastPriorityText) {
        lastPriority = priorityText == null ? null : Priority.valueOf(priorityText);
        lastPriorityText = priorityText;
      }
      if (due != lastDue || dueAt == null) { // in due order: runs of clocks due at the same second
        dueAt = Instant.ofEpochSecond(due);
        lastDue = due;
      }
      clocks.add(new IndexedClock(caseId, stage, owner, lastPriority, company,
          new RunningClock(rule, key, Instant.ofEpochSecond(started), dueAt)));
    }
    return clocks;
  }

  /** One value and what ends it; null for NULL. */
  private String text(Strings seen) {
    int from;
    int length;
    if (prefixed) {
      length = (int) number(':');
      if (length < 0) {
        return null;
      }
      from = at;
      at += length;
      if (at > end) {
        throw new IllegalStateException("clock scan: a value runs past the end at byte " + from);
      }
    } else {
      from = at;
      int i = at;
      byte x;
      while (i < end && (x = b[i]) != COLUMN_END) {
        if (x == ROW_END) {
          throw new Misread("clock scan: a row ends early at byte " + i);
        }
        i++;
      }
      if (i == end) {
        throw new Misread("clock scan: a row ends early at the end");
      }
      at = i + 1;
      length = i - from;
      if (length == 1 && b[from] == NULL) {
        return null;
      }
    }
    return seen == null ? decode(b, from, length) : seen.get(b, from, length);
  }

  /** The last column of a row: a number up to the end of the row. */
  private long lastNumber() {
    int rowEnd = at;
    while (rowEnd < end && b[rowEnd] != ROW_END) {
      rowEnd++;
    }
    long n = digits(at, rowEnd);
    at = rowEnd == end ? end : rowEnd + 1;
    return n;
  }

  private long number(char until) {
    return number((byte) until);
  }

  private long number(byte until) {
    int to = at;
    while (to < end && b[to] != until) {
      to++;
    }
    if (to == end) {
      throw prefixed ? new IllegalStateException("clock scan: a number runs past the end at byte " + at)
          : new Misread("clock scan: a row ends early at the end");
    }
    long n = digits(at, to);
    at = to + 1;
    return n;
  }

  /** The decimal integer in bytes {@code from} to {@code to}. */
  private long digits(int from, int to) {
    boolean negative = from < to && b[from] == '-';
    int i = negative ? from + 1 : from;
    if (i == to) {
      throw misread("a number is missing at byte " + from);
    }
    long n = 0;
    for (; i < to; i++) {
      byte c = b[i];
      if (c < '0' || c > '9') {
        throw misread("unexpected byte " + c + " in a number at byte " + i);
      }
      n = n * 10 + (c - '0');
    }
    return negative ? -n : n;
  }

  private RuntimeException misread(String message) {
    return prefixed ? new IllegalStateException("clock scan: " + message) : new Misread("clock scan: " + message);
  }

  private static String decode(byte[] b, int from, int length) {
    for (int i = from, end = from + length; i < end; i++) {
      if (b[i] < 0) {
        return new String(b, from, length, StandardCharsets.UTF_8);
      }
    }
    return new String(b, from, length, StandardCharsets.ISO_8859_1); // ASCII: a plain copy
  }

  /**
   * The distinct values of a column that repeats (owners, companies), decoded once: a table keyed
   * by the bytes. Past {@link #MAX} values new ones are decoded each time.
   */
  private static final class Strings {
    private static final int MAX = 1 << 16;
    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int size;

    String get(byte[] b, int from, int length) {
      int hash = hash(b, from, length);
      int mask = keys.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        byte[] key = keys[slot];
        if (key == null) {
          String s = decode(b, from, length);
          if (size < MAX) {
            keys[slot] = Arrays.copyOfRange(b, from, from + length);
            values[slot] = s;
            if (++size * 2 > keys.length) {
              grow();
            }
          }
          return s;
        }
        if (Arrays.equals(key, 0, key.length, b, from, from + length)) {
          return values[slot];
        }
      }
    }

    private static int hash(byte[] b, int from, int length) {
      int hash = 1;
      for (int i = from, end = from + length; i < end; i++) {
        hash = 31 * hash + b[i];
      }
      return hash ^ hash >>> 16;
    }

    private void grow() {
      byte[][] oldKeys = keys;
      String[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new String[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        byte[] key = oldKeys[i];
        if (key != null) {
          int slot = hash(key, 0, key.length) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = key;
          values[slot] = oldValues[i];
        }
      }
    }
  }
}
