package dev.salesflow.cli.output;

import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.SlaClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code overdue --format json} encoded by hand straight to UTF-8 bytes: exactly what Jackson's
 * pretty printer gives for {@link OverdueOutput#row} maps written through {@code out} (a test
 * compares them on awkward values: control characters, lone surrogates, odd offsets and years), at
 * a fraction of the cost. A million-case store has 160,000 breached clocks, 42 MB of JSON; through a
 * {@code JsonGenerator} and the UTF-8 writer that took longer than reading them.
 *
 * <p>Bytes go to {@link dev.salesflow.cli.CliContext#stdout()} when there is one, else they are decoded into the
 * writer chunk by chunk (a chunk never ends inside a character).
 */
public final class OverdueJson {
  private static final String NL = System.lineSeparator();
  private static final byte[] OPEN = bytes("[ {");
  private static final byte[] NEXT = bytes(NL + "}, {");
  private static final byte[] CLOSE = bytes(NL + "} ]" + NL);
  private static final byte[] EMPTY = bytes("[ ]" + NL);
  private static final byte[] NULL = bytes("null");
  private static final byte[] CASE = bytes(NL + "  \"case\" : ");
  private static final byte[] RULE = name("rule");
  private static final byte[] OWNER = name("owner");
  private static final byte[] PRIORITY = name("priority");
  private static final byte[] STAGE = name("stage");
  private static final byte[] STARTED_AT = name("started_at");
  private static final byte[] DUE_AT = name("due_at");
  private static final byte[] STATE = name("state");
  private static final byte[] OVERDUE_BY = name("overdue_by");
  private static final byte[] FALLBACK = bytes("," + NL + "  \"calendar_fallback\" : [ {" + NL + "    \"year\" : ");
  private static final byte[] SOURCE = bytes("," + NL + "    \"source\" : ");
  private static final byte[] NEXT_YEAR = bytes(NL + "  }, {" + NL + "    \"year\" : ");
  private static final byte[] FALLBACK_END = bytes(NL + "  } ]");
  private static final byte[][] STATES = new byte[ClockState.values().length][];
  private static final byte[] HEX = bytes("0123456789ABCDEF");
  /** From this many items on, two threads encode them. */
  static final int SPLIT = 20_000;
  /** Items in a block, about half a megabyte of JSON. */
  private static final int BLOCK = 2_048;
  /** Values kept encoded: the ones that repeat from clock to clock (rules, owners, stages). */
  private static final int CACHED = 256;

  static {
    for (ClockState s : ClockState.values()) {
      STATES[s.ordinal()] = bytes("\"" + s.label() + "\"");
    }
  }

  private OutputStream sink;
  private boolean broken;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final Map<Integer, CalendarSource> sources;
  private final byte[] buf = new byte[1 << 16];
  private final Map<String, byte[]> encoded = new IdentityHashMap<>();
  private int n;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] date = new byte[10];
  private int year;

  private OverdueJson(OutputStream sink, ZoneId zone, Map<Integer, CalendarSource> sources) {
    this.sink = sink;
    this.zone = zone;
    this.rules = zone.getRules();
    this.sources = sources;
  }

  /**
   * The items as a pretty-printed JSON array, then a line break: to {@code stdout} when not null
   * (after flushing {@code out}), else to {@code out}. {@code sources} has the calendar source of
   * every year an item's {@link OverdueItem#fallbackYears} names.
   */
  public static void write(PrintWriter out, OutputStream stdout, List<OverdueItem> items, ZoneId zone,
      Map<Integer, CalendarSource> sources) {
    OutputStream sink = stdout;
    if (sink == null) {
      sink = new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }
      };
    } else {
      out.flush();
    }
    OverdueJson w = new OverdueJson(sink, zone, sources);
    if (items.isEmpty()) {
      w.raw(EMPTY);
    } else if (items.size() < SPLIT || Runtime.getRuntime().availableProcessors() < 2) {
      w.items(items, 0, items.size());
      w.raw(CLOSE);
    } else {
      w.interleaved(items);
      w.raw(CLOSE);
    }
    w.flush();
  }

  /**
   * Blocks of {@link #BLOCK} items: the even ones encoded and written here, the odd ones encoded
   * meanwhile on another core into one of two buffers, written here in turn and handed back.
   */
  private void interleaved(List<OverdueItem> items) {
    int blocks = (items.size() + BLOCK - 1) / BLOCK;
    BlockingQueue<Block> ready = new ArrayBlockingQueue<>(2);
    BlockingQueue<Block> free = new ArrayBlockingQueue<>(2, false, List.of(new Block(), new Block()));
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<Void> odd = CompletableFuture.runAsync(() -> {
      OverdueJson w = new OverdueJson(null, zone, sources);
      for (int k = 1; k < blocks; k += 2) {
        Block block = take(free, abandoned, null);
        if (block == null) {
          return;
        }
        block.reset();
        w.sink = block;
        w.items(items, k * BLOCK, Math.min(items.size(), (k + 1) * BLOCK));
        w.flush();
        ready.add(block); // never full: two blocks in all
      }
    });
    try {
      for (int k = 0; k < blocks; k += 2) {
        items(items, k * BLOCK, Math.min(items.size(), (k + 1) * BLOCK));
        if (k + 1 < blocks) {
          flush();
          Block block = take(ready, null, odd);
          out(block.bytes(), block.size());
          free.add(block);
        }
      }
    } finally {
      abandoned.set(true);
    }
  }

  /**
   * The next block from {@code queue}; null once {@code abandoned} is set; the failure of {@code
   * producer} when it ends without giving one.
   */
  private static Block take(BlockingQueue<Block> queue, AtomicBoolean abandoned, CompletableFuture<Void> producer) {
    try {
      while (true) {
        Block block = queue.poll(50, TimeUnit.MILLISECONDS);
        if (block != null) {
          return block;
        }
        if (abandoned != null && abandoned.get()) {
          return null;
        }
        if (producer != null && producer.isDone() && queue.isEmpty()) {
          try {
            producer.join();
          } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
          }
          throw new IllegalStateException("unreachable: the encoding thread ended early");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing overdue clocks", e);
    }
  }

  /** A reusable buffer for one block. */
  private static final class Block extends ByteArrayOutputStream {
    Block() {
      super(1 << 20);
    }

    byte[] bytes() {
      return buf;
    }
  }

  /** Items {@code from} to {@code to}, each opened as the array's first element when {@code from} is 0. */
  private void items(List<OverdueItem> items, int from, int to) {
    for (int i = from; i < to; i++) {
      raw(i == 0 ? OPEN : NEXT);
      item(items.get(i));
    }
  }

  private void item(OverdueItem item) {
    SlaClock clock = item.clock();
    raw(CASE);
    string(item.caseId(), false);
    raw(RULE);
    string(clock.rule(), true);
    raw(OWNER);
    string(item.owner(), true);
    raw(PRIORITY);
    string(item.priority() == null ? null : item.priority().name(), true);
    raw(STAGE);
    string(item.stage(), true);
    raw(STARTED_AT);
    time(clock.startedAt());
    raw(DUE_AT);
    time(clock.dueAt());
    raw(STATE);
    raw(STATES[clock.state().ordinal()]);
    raw(OVERDUE_BY);
    overdueBy(clock);
    if (!item.fallbackYears().isEmpty()) {
      fallback(item);
    }
  }

  /** {@code calendar_fallback} as {@link OverdueOutput#row} has it, a rare field: written plainly. */
  private void fallback(OverdueItem item) {
    boolean first = true;
    for (Integer year : item.fallbackYears()) {
      raw(first ? FALLBACK : NEXT_YEAR);
      first = false;
      raw(bytes(year.toString()));
      raw(SOURCE);
      string(CalendarOutput.key(sources.get(year)), true);
    }
    raw(FALLBACK_END);
  }

  /** A JSON string escaped as Jackson escapes it (quote, backslash, control characters), in UTF-8. */
  private void string(String s, boolean repeats) {
    if (s == null) {
      raw(NULL);
      return;
    }
    if (repeats) {
      byte[] known = encoded.get(s);
      if (known != null) {
        raw(known);
        return;
      }
      if (encoded.size() < CACHED && s.length() <= 100) {
        room(6 * s.length() + 80); // so no flush comes in between
        int from = n;
        string(s, false);
        byte[] copy = new byte[n - from];
        System.arraycopy(buf, from, copy, 0, copy.length);
        encoded.put(s, copy);
        return;
      }
    }
    int length = s.length();
    room(2);
    buf[n++] = '"';
    int i = 0;
    while (i < length) {
      room(64);
      int end = Math.min(length, i + (buf.length - n - 8) / 6); // at most 6 bytes a character (4 a pair)
      for (; i < end; i++) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x80) {
          if (c == '"' || c == '\\') {
            buf[n++] = '\\';
          }
          buf[n++] = (byte) c;
        } else if (c < 0x20) {
          control(c);
        } else if (c < 0x800) {
          buf[n++] = (byte) (0xC0 | c >> 6);
          buf[n++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
          buf[n++] = (byte) (0xE0 | c >> 12);
          buf[n++] = (byte) (0x80 | c >> 6 & 0x3F);
          buf[n++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[n++] = (byte) (0xF0 | cp >> 18);
          buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
          buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
          buf[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
          buf[n++] = '?'; // a lone surrogate: what the UTF-8 writer under out puts there
        }
      }
    }
    room(1);
    buf[n++] = '"';
  }

  private void control(char c) {
    buf[n++] = '\\';
    switch (c) {
      case '\b' -> buf[n++] = 'b';
      case '\t' -> buf[n++] = 't';
      case '\n' -> buf[n++] = 'n';
      case '\f' -> buf[n++] = 'f';
      case '\r' -> buf[n++] = 'r';
      default -> {
        buf[n++] = 'u';
        buf[n++] = '0';
        buf[n++] = '0';
        buf[n++] = HEX[c >> 4];
        buf[n++] = HEX[c & 0xF];
      }
    }
  }

  /** {@link CaseOutput#time(Instant, ZoneId)} as a JSON string, the common case without objects. */
  private void time(Instant at) {
    if (at == null) {
      raw(NULL);
      return;
    }
    int offset = rules.getOffset(at).getTotalSeconds();
    long local = at.getEpochSecond() + offset;
    long day = Math.floorDiv(local, 86_400);
    if (day != cachedDay) { // the date's digits, once per day
      cachedDay = day;
      civil(day);
    }
    if (at.getNano() != 0 || offset % 60 != 0 || year < 1 || year > 9999) {
      string(CaseOutput.time(at, zone), false);
      return;
    }
    int second = (int) Math.floorMod(local, 86_400);
    room(27);
    buf[n++] = '"';
    System.arraycopy(date, 0, buf, n, 10);
    n += 10;
    buf[n++] = 'T';
    digits(second / 3600, 2);
    buf[n++] = ':';
    digits(second / 60 % 60, 2);
    buf[n++] = ':';
    digits(second % 60, 2);
    if (offset == 0) {
      buf[n++] = 'Z';
    } else {
      int minutes = Math.abs(offset) / 60;
      buf[n++] = (byte) (offset < 0 ? '-' : '+');
      digits(minutes / 60, 2);
      buf[n++] = ':';
      digits(minutes % 60, 2);
    }
    buf[n++] = '"';
  }

  /** The year, month and day of an epoch day into {@link #year} and {@link #date}: LocalDate.ofEpochDay's arithmetic. */
  private void civil(long epochDay) {
    long zeroDay = epochDay + 719_528 - 60; // from 0000-03-01, so the leap day ends a four-year cycle
    long adjust = 0;
    if (zeroDay < 0) {
      long adjustCycles = (zeroDay + 1) / 146_097 - 1;
      adjust = adjustCycles * 400;
      zeroDay += -adjustCycles * 146_097;
    }
    long yearEst = (400 * zeroDay + 591) / 146_097;
    long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    if (doyEst < 0) {
      yearEst--;
      doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
    }
    yearEst += adjust;
    int marchDoy0 = (int) doyEst;
    int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
    int month = (marchMonth0 + 2) % 12 + 1;
    int dayOfMonth = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
    yearEst += marchMonth0 / 10;
    year = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, yearEst));
    put(date, 0, Math.max(0, Math.min(year, 9999)), 4);
    date[4] = '-';
    put(date, 5, month, 2);
    date[7] = '-';
    put(date, 8, dayOfMonth, 2);
  }

  private void digits(long value, int width) {
    put(buf, n, value, width);
    n += width;
  }

  private static void put(byte[] to, int at, long value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      to[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** {@link SlaClock#overdueBy()} as {@code Duration.toString} writes it, or null when zero. */
  private void overdueBy(SlaClock clock) {
    if (clock.state() != ClockState.BREACHED) {
      raw(NULL);
      return;
    }
    long seconds = clock.judgedAt().getEpochSecond() - clock.dueAt().getEpochSecond();
    if (clock.judgedAt().getNano() != clock.dueAt().getNano() || seconds <= 0) {
      var late = clock.overdueBy();
      if (late.isZero()) {
        raw(NULL);
      } else {
        string(late.toString(), false);
      }
      return;
    }
    room(48);
    buf[n++] = '"';
    buf[n++] = 'P';
    buf[n++] = 'T';
    long hours = seconds / 3600;
    int minutes = (int) (seconds % 3600 / 60);
    int secs = (int) (seconds % 60);
    if (hours != 0) {
      number(hours);
      buf[n++] = 'H';
    }
    if (minutes != 0) {
      number(minutes);
      buf[n++] = 'M';
    }
    if (secs != 0) {
      number(secs);
      buf[n++] = 'S';
    }
    buf[n++] = '"';
  }

  private void number(long value) {
    int width = 1;
    for (long v = value; v >= 10; v /= 10) {
      width++;
    }
    digits(value, width);
  }

  private void raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  private void room(int bytes) {
    if (n + bytes > buf.length) {
      flush();
    }
  }

  private void flush() {
    out(buf, n);
    n = 0;
  }

  /**
   * Writes to the sink; after a failed write nothing more, and no error: what {@code out} (a
   * PrintWriter) does, so {@code salesflow overdue --format json | head} ends as before.
   */
  private void out(byte[] b, int length) {
    if (broken) {
      return;
    }
    try {
      sink.write(b, 0, length);
    } catch (IOException e) {
      broken = true;
    }
  }

  private static byte[] name(String name) {
    return bytes("," + NL + "  \"" + name + "\" : ");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
