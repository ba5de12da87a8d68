package dev.salesflow.cli.output;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The source lines findings point at. A file is read and split once, however many findings it
 * has: 3,300 findings in a 2.9 MB case file used to read and split it 3,300 times. Findings come
 * grouped by file, so only the last file's lines are kept.
 */
public final class SourceLines {
  /** SQLite's file header: a database is not read past it. */
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private static final long MAX_BYTES = 16 * 1024 * 1024;

  private static final String[] NONE = new String[0];

  /**
   * Findings about a file that was not read: its lines are not shown (a link could lead to
   * /etc/passwd, a FIFO would block).
   */
  private static final java.util.Set<DiagnosticCode> UNREAD = java.util.EnumSet.of(
      DiagnosticCode.SYMLINK, DiagnosticCode.NOT_A_CASE_FILE, DiagnosticCode.TOO_LARGE);

  private Path file;
  private String[] lines = NONE;

  /**
   * The line {@code d} points at, cut to 200 characters.
   *
   * @param d a finding
   * @return the line as the file has it, or empty when there is none to show (no file, a database,
   *     a file larger than 16 MiB, a UTF-16 or UTF-32 one, one that is not a regular file or cannot be read,
   *     a finding about a file that was not read: a link, a FIFO)
   */
  public Optional<String> of(Diagnostic d) {
    if (d.file() == null || UNREAD.contains(d.code())) {
      return Optional.empty();
    }
    if (!d.file().equals(file)) {
      file = d.file();
      lines = read(file);
    }
    int i = d.position().line() - 1;
    if (i < 0 || i >= lines.length) {
      return Optional.empty();
    }
    String line = lines[i];
    return Optional.of(line.length() > 200 ? line.substring(0, 200) + "…" : line);
  }

  private static boolean isUtf16Or32(byte[] b) {
    return b.length >= 2 && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
        || (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF));
  }

  private static String[] read(Path file) {
    try {
      if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        return NONE;
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] head = in.readNBytes(SQLITE_HEADER.length);
        if (Arrays.equals(head, SQLITE_HEADER)) {
          return NONE; // findings in a database (check --store sqlite:) have no line to show
        }
        byte[] rest = in.readNBytes((int) MAX_BYTES);
        byte[] all = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        // a UTF-16 or UTF-32 file (its finding says so): its "lines" decoded as UTF-8 would be noise
        return isUtf16Or32(all) ? NONE : new String(all, StandardCharsets.UTF_8).split("\r?\n", -1);
      }
    } catch (IOException e) {
      return NONE;
    }
  }
}
