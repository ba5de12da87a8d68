package dev.salesflow.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Pretty-printed JSON encoded by hand straight to UTF-8 bytes, exactly as Jackson's default pretty
 * printer writes a list of flat maps through the UTF-8 writer under {@code out}: strings escaped as
 * Jackson escapes them, times as {@link CaseOutput#time(Instant, ZoneId)} writes them. {@code
 * overdue} ({@link OverdueJson}) and {@code list} ({@link ListJson}) write a million rows with it;
 * through a {@code JsonGenerator} and the UTF-8 writer that took longer than reading them.
 */
class JsonBytes {
  static final String NL = System.lineSeparator();
  static final byte[] OPEN = bytes("[ {");
  static final byte[] NEXT = bytes(NL + "}, {");
  static final byte[] CLOSE = bytes(NL + "} ]" + NL);
  static final byte[] EMPTY = bytes("[ ]" + NL);
  static final byte[] NULL = bytes("null");
  static final byte[] HEX = bytes("0123456789ABCDEF");
  /** Values kept encoded: the ones that repeat from clock to clock (rules, owners, stages). */
  static final int CACHED = 256;

  OutputStream sink;
  private boolean broken;
  final ZoneId zone;
  private final ZoneRules rules;
  final byte[] buf = new byte[1 << 16];
  private final Map<String, byte[]> encoded = new IdentityHashMap<>();
  int n;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] date = new byte[10];
  private int year;

  JsonBytes(OutputStream sink, ZoneId zone) {
    this.sink = sink;
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /** Where bytes for {@code out} go: {@code stdout} when not null (after flushing {@code out}), else decoded into {@code out}. */
  static OutputStream sinkFor(PrintWriter out, OutputStream stdout) {
    if (stdout != null) {
      out.flush();
      return stdout;
    }
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(new String(b, off, len, StandardCharsets.UTF_8));
      }
    };
  }

  /** A JSON string escaped as Jackson escapes it (quote, backslash, control characters), in UTF-8. */
  void string(String s, boolean repeats) {
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

  void control(char c) {
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
  void time(Instant at) {
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
  void civil(long epochDay) {
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

  void digits(long value, int width) {
    put(buf, n, value, width);
    n += width;
  }

  static void put(byte[] to, int at, long value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      to[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  void number(long value) {
    int width = 1;
    for (long v = value; v >= 10; v /= 10) {
      width++;
    }
    digits(value, width);
  }

  void raw(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  void room(int bytes) {
    if (n + bytes > buf.length) {
      flush();
    }
  }

  void flush() {
    out(buf, n);
    n = 0;
  }

  /**
   * Writes to the sink; after a failed write nothing more, and no error: what {@code out} (a
   * PrintWriter) does, so {@code salesflow overdue --format json | head} ends as before.
   */
  void out(byte[] b, int length) {
    if (broken) {
      return;
    }
    try {
      sink.write(b, 0, length);
    } catch (IOException e) {
      broken = true;
    }
  }

  static byte[] name(String name) {
    return bytes("," + NL + "  \"" + name + "\" : ");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
