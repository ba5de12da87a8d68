package dev.salesflow.cli;

import dev.salesflow.core.api.Clock;
import dev.salesflow.core.api.ClockState;
import dev.salesflow.core.api.OverdueItem;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * {@code overdue --format json} written by hand into a character buffer: exactly the text Jackson's
 * pretty printer gives for {@link OverdueCommand#row} maps (a test compares them on awkward values),
 * at a fraction of the cost. A million-case store has 160,000 breached clocks, 42 MB of JSON; through
 * a {@code JsonGenerator} that took longer than reading them.
 */
final class OverdueJson {
  private static final String NL = System.lineSeparator();
  private static final String[] STATES = new String[ClockState.values().length];
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    for (ClockState s : ClockState.values()) {
      STATES[s.ordinal()] = s.label();
    }
  }

  private final PrintWriter out;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final char[] buf = new char[1 << 16];
  private int n;
  private long cachedDay = Long.MIN_VALUE;
  private int cachedYear;
  private int cachedMonth;
  private int cachedDayOfMonth;

  private OverdueJson(PrintWriter out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /** The items as a pretty-printed JSON array, then a line break. */
  static void write(PrintWriter out, List<OverdueItem> items, ZoneId zone) {
    OverdueJson w = new OverdueJson(out, zone);
    if (items.isEmpty()) {
      w.raw("[ ]");
    } else {
      w.raw("[ ");
      boolean first = true;
      for (OverdueItem item : items) {
        w.raw(first ? "{" : NL + "}, {");
        first = false;
        w.item(item);
      }
      w.raw(NL + "} ]");
    }
    w.flush();
    out.println();
  }

  private void item(OverdueItem item) {
    Clock clock = item.clock();
    field("case", item.caseId());
    raw(",");
    field("rule", clock.rule());
    raw(",");
    field("owner", item.owner());
    raw(",");
    field("priority", item.priority() == null ? null : item.priority().name());
    raw(",");
    field("stage", item.stage());
    raw(",");
    name("started_at");
    time(clock.startedAt());
    raw(",");
    name("due_at");
    time(clock.dueAt());
    raw(",");
    field("state", STATES[clock.state().ordinal()]);
    raw(",");
    Duration late = clock.overdueBy();
    field("overdue_by", late.isZero() ? null : late.toString());
  }

  private void name(String name) {
    raw(NL);
    raw("  \"");
    raw(name);
    raw("\" : ");
  }

  private void field(String name, String value) {
    name(name);
    string(value);
  }

  /** A JSON string escaped as Jackson escapes it: quote, backslash and control characters only. */
  private void string(String s) {
    if (s == null) {
      raw("null");
      return;
    }
    int length = s.length();
    if (length + 2 > buf.length) {
      raw("\"");
      escaped(s, 0);
      raw("\"");
      return;
    }
    room(length + 2);
    buf[n++] = '"';
    int start = n;
    s.getChars(0, length, buf, n);
    int end = n + length;
    for (int i = start; i < end; i++) {
      char c = buf[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        n = i; // the rest again, escaping; values needing it are rare
        escaped(s, i - start);
        raw("\"");
        return;
      }
    }
    n = end;
    buf[n++] = '"';
  }

  private void escaped(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      room(6);
      if (c == '"' || c == '\\') {
        buf[n++] = '\\';
        buf[n++] = c;
      } else if (c >= 0x20) {
        buf[n++] = c;
      } else {
        char shortForm = switch (c) {
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
        buf[n++] = '\\';
        if (shortForm != 0) {
          buf[n++] = shortForm;
        } else {
          buf[n++] = 'u';
          buf[n++] = '0';
          buf[n++] = '0';
          buf[n++] = HEX[c >> 4];
          buf[n++] = HEX[c & 0xF];
        }
      }
    }
  }

  /** {@link CaseOutput#time(Instant, ZoneId)} as a JSON string, the common case without objects. */
  private void time(Instant at) {
    if (at == null) {
      raw("null");
      return;
    }
    int offset = rules.getOffset(at).getTotalSeconds();
    long local = at.getEpochSecond() + offset;
    long day = Math.floorDiv(local, 86_400);
    if (day != cachedDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      cachedDay = day;
      cachedYear = date.getYear();
      cachedMonth = date.getMonthValue();
      cachedDayOfMonth = date.getDayOfMonth();
    }
    if (at.getNano() != 0 || offset % 60 != 0 || cachedYear < 1 || cachedYear > 9999) {
      string(CaseOutput.time(at, zone));
      return;
    }
    int second = (int) Math.floorMod(local, 86_400);
    room(27);
    buf[n++] = '"';
    digits(cachedYear, 4);
    buf[n++] = '-';
    digits(cachedMonth, 2);
    buf[n++] = '-';
    digits(cachedDayOfMonth, 2);
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
      buf[n++] = offset < 0 ? '-' : '+';
      digits(minutes / 60, 2);
      buf[n++] = ':';
      digits(minutes % 60, 2);
    }
    buf[n++] = '"';
  }

  private void digits(int value, int width) {
    for (int i = n + width - 1; i >= n; i--) {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    n += width;
  }

  private void raw(String s) {
    room(s.length());
    s.getChars(0, s.length(), buf, n);
    n += s.length();
  }

  private void room(int chars) {
    if (n + chars > buf.length) {
      flush();
      if (chars > buf.length) {
        throw new IllegalStateException("unreachable: callers ask for at most one value's room");
      }
    }
  }

  private void flush() {
    out.write(buf, 0, n);
    n = 0;
  }
}
