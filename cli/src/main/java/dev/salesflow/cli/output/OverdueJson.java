package dev.salesflow.cli.output;

import dev.salesflow.core.model.CalendarSource;
import dev.salesflow.core.model.ClockState;
import dev.salesflow.core.model.OverdueItem;
import dev.salesflow.core.model.SlaClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code overdue --format json} encoded by hand straight to UTF-8 bytes ({@link JsonBytes}): exactly what Jackson's
 * pretty printer gives for {@link OverdueOutput#row} maps written through {@code out} (a test
 * compares them on awkward values: control characters, lone surrogates, odd offsets and years), at
 * a fraction of the cost. A million-case store has 160,000 breached clocks, 42 MB of JSON; through a
 * {@code JsonGenerator} and the UTF-8 writer that took longer than reading them.
 *
 * <p>Bytes go to {@link dev.salesflow.cli.CliContext#stdout()} when there is one, else they are decoded into the
 * writer chunk by chunk (a chunk never ends inside a character).
 */
public final class OverdueJson extends JsonBytes {
  private static final byte[] CASE = bytes(NL + "  \"case\" : ");
  private static final byte[] COMPANY = name("company");
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
  /** From this many items on, two threads encode them. */
  static final int SPLIT = 20_000;
  /** Items in a block, about half a megabyte of JSON. */
  private static final int BLOCK = 2_048;

  static {
    for (ClockState s : ClockState.values()) {
      STATES[s.ordinal()] = bytes("\"" + s.label() + "\"");
    }
  }

  private final Map<Integer, CalendarSource> sources;

  private OverdueJson(OutputStream sink, ZoneId zone, Map<Integer, CalendarSource> sources) {
    super(sink, zone);
    this.sources = sources;
  }

  /**
   * The items as a pretty-printed JSON array, then a line break: to {@code stdout} when not null
   * (after flushing {@code out}), else to {@code out}. {@code sources} has the calendar source of
   * every year an item's {@link OverdueItem#fallbackYears} names.
   */
  public static void write(PrintWriter out, OutputStream stdout, List<OverdueItem> items, ZoneId zone,
      Map<Integer, CalendarSource> sources) {
    OverdueJson w = new OverdueJson(sinkFor(out, stdout), zone, sources);
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
    raw(COMPANY);
    string(item.company(), true);
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
}
