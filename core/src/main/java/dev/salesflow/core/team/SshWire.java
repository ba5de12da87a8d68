package dev.salesflow.core.team;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SSH wire encoding of RFC 4251 section 5 that SSH keys and signatures are written in: {@code
 * uint32} big-endian, {@code string} as a uint32 length and that many bytes, {@code mpint} as a
 * string of a two's-complement big-endian number. A reader refuses to read past the end.
 */
final class SshWire {
  private SshWire() {}

  /** Thrown for bytes that end early or hold a length beyond them. */
  static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Reads fields in order from a byte array. */
  static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    byte[] raw(int n) {
      if (n < 0 || n > bytes.length - at) {
        throw new Malformed("ends early (wanted " + n + " more bytes at offset " + at + ", " + (bytes.length - at) + " left)");
      }
      byte[] out = Arrays.copyOfRange(bytes, at, at + n);
      at += n;
      return out;
    }

    int uint32() {
      byte[] b = raw(4);
      long v = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      if (v > Integer.MAX_VALUE) {
        throw new Malformed("holds a length of " + v);
      }
      return (int) v;
    }

    byte[] string() {
      return raw(uint32());
    }

    String text() {
      return new String(string(), StandardCharsets.UTF_8);
    }

    BigInteger mpint() {
      byte[] b = string();
      return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
    }

    boolean atEnd() {
      return at == bytes.length;
    }
  }

  /** Writes fields in order. */
  static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Writer raw(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    Writer uint32(int v) {
      out.write(v >>> 24);
      out.write(v >>> 16);
      out.write(v >>> 8);
      out.write(v);
      return this;
    }

    Writer string(byte[] b) {
      return uint32(b.length).raw(b);
    }

    Writer text(String s) {
      return string(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
