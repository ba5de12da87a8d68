package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.api.Priority;
import dev.salesflow.core.store.IndexedClock;
import dev.salesflow.core.store.RunningClock;
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
 * covering index scan into a single value, each column prefixed with its length in bytes, and
 * this class splits it. Reading the columns one by one through JDBC costs a native call and a
 * decoded string per column and row (9 per clock): at a million cases about three quarters of the
 * time {@code overdue} spent reading. The length prefix keeps any text intact (separators in a
 * company name, NULL apart from the empty string); the values that repeat from row to row (stage,
 * owner, priority, company, rule) are decoded once. From {@link #SPLIT} bytes on two threads split
 * the value into clocks.
 */
final class ClockScan {
  /**
   * Per clock {@code LEN:TEXT} for case id, stage, owner, priority, company, rule and match key
   * ({@code -1:} for NULL), then {@code STARTED,DUE;} in epoch seconds; in due order, then case id
   * and rule (the order of the index). {@code octet_length} counts the bytes of the text as stored.
   */
  static final String QUERY = "SELECT CAST(group_concat(format('%d:%s%d:%s%d:%s%d:%s%d:%s%d:%s%d:%s%d,%d;',"
      + " ifnull(octet_length(case_id), -1), case_id, ifnull(octet_length(stage), -1), stage,"
      + " ifnull(octet_length(owner), -1), owner, ifnull(octet_length(priority), -1), priority,"
      + " ifnull(octet_length(company), -1), company, ifnull(octet_length(rule), -1), rule,"
      + " ifnull(octet_length(match_key), -1), match_key, started_unix, due_unix), '') AS BLOB)"
      + " FROM (SELECT case_id, stage, owner, priority, company, rule, match_key, started_unix, due_unix"
      + " FROM clocks WHERE due_unix <= ? ORDER BY due_unix, case_id, rule)";

  /** From this many bytes on (some 20,000 clocks), two threads split the value between them. */
  static final int SPLIT = 2_000_000;

  private final byte[] b;
  private int at;
  private final int end;
  private final Strings stages = new Strings();
  private final Strings owners = new Strings();
  private final Strings priorities = new Strings();
  private final Strings rules = new Strings();
  private final Strings companies = new Strings();

  private ClockScan(byte[] b, int from, int end) {
    this.b = b;
    this.at = from;
    this.end = end;
  }

  /** The clocks due at or before {@code dueUnix}, in due order, then case id and rule. */
  static List<IndexedClock> read(Connection db, long dueUnix) throws SQLException {
    byte[] all;
    try (PreparedStatement q = db.prepareStatement(QUERY)) {
      q.setLong(1, dueUnix);
      try (ResultSet rs = q.executeQuery()) {
        all = rs.next() ? rs.getBytes(1) : null;
      }
    }
    if (all == null) {
      return new ArrayList<>();
    }
    if (all.length < SPLIT || Runtime.getRuntime().availableProcessors() < 2) {
      return new ClockScan(all, 0, all.length).parse();
    }
    // the second half on another core: the first clock that starts past the middle begins it
    ClockScan walk = new ClockScan(all, 0, all.length);
    while (walk.at < all.length / 2) {
      walk.skip();
    }
    int half = walk.at;
    CompletableFuture<List<IndexedClock>> second =
        CompletableFuture.supplyAsync(() -> new ClockScan(all, half, all.length).parse());
    List<IndexedClock> clocks = new ClockScan(all, 0, half).parse();
    try {
      clocks.addAll(second.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return clocks;
  }

  /** Steps over one clock. */
  private void skip() {
    for (int i = 0; i < 7; i++) {
      int length = (int) number(':');
      at += Math.max(0, length);
    }
    number(',');
    number(';');
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
      long started = number(',');
      long due = number(';');
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

  /** One {@code LEN:TEXT} value; null for {@code -1:}. */
  private String text(Strings seen) {
    int length = (int) number(':');
    if (length < 0) {
      return null;
    }
    int from = at;
    at += length;
    if (at > end) {
      throw new IllegalStateException("clock scan: a value runs past the end at byte " + from);
    }
    return seen == null ? decode(b, from, length) : seen.get(b, from, length);
  }

  private long number(char end) {
    boolean negative = b[at] == '-';
    if (negative) {
      at++;
    }
    long n = 0;
    int start = at;
    byte c;
    while ((c = b[at]) != end) {
      if (c < '0' || c > '9') {
        throw new IllegalStateException("clock scan: unexpected byte " + c + " at " + at);
      }
      n = n * 10 + (c - '0');
      at++;
    }
    if (at == start) {
      throw new IllegalStateException("clock scan: a number is missing at byte " + at);
    }
    at++;
    return negative ? -n : n;
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
      int hash = 1;
      for (int i = from, end = from + length; i < end; i++) {
        hash = 31 * hash + b[i];
      }
      hash ^= hash >>> 16;
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

    private void grow() {
      byte[][] oldKeys = keys;
      String[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new String[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        byte[] key = oldKeys[i];
        if (key != null) {
          int hash = 1;
          for (byte x : key) {
            hash = 31 * hash + x;
          }
          hash ^= hash >>> 16;
          int slot = hash & mask;
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
