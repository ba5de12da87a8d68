package dev.salesflow.core.forms;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files attached to cases (a contract scan, a signed acceptance form), kept by content: each under
 * {@code attachments/SHA256} in the workspace folder, whatever the store, so a file attached twice is
 * kept once and an edited file can never pass for the original. The case records an {@code attached}
 * event with the hash, size, name and kind.
 */
public final class Attachments {
  /** The event type an attachment is recorded as. */
  public static final String TYPE = "attached";
  /** The folder of the workspace holding the files. */
  public static final String FOLDER = "attachments";
  /** The largest file taken: scans and PDFs, not videos. */
  public static final long MAX_BYTES = 256L << 20;

  private final Path dir;

  /** The attachments of the workspace at {@code root}. */
  public Attachments(Path root) {
    this.dir = root.resolve(FOLDER);
  }

  /** A stored file: its SHA-256 (lower-case hex), size in bytes and file name. */
  public record Stored(String sha256, long size, String name) {}

  /**
   * Copies {@code file} into the folder under its SHA-256, forced to disk and renamed into place, so
   * a reader never sees half a file; a file already there with that hash is kept as it is.
   *
   * @throws InvalidRequestException when {@code file} is missing, no regular file or too large
   * @throws StoreException when the folder cannot be written
   */
  public Stored store(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException("cannot attach " + file + ": no such regular file");
    }
    Path temp = null;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new InvalidRequestException("cannot attach " + file + ": " + size + " bytes, more than 256 MiB");
      }
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".attach-", ".tmp");
      MessageDigest sha = sha256();
      try (InputStream in = Files.newInputStream(file);
          FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
        out.flush();
        channel.force(true);
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      Path target = dir.resolve(hash);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && problem(hash, Long.toString(size)) == null) {
        Files.delete(temp);
      } else {
        move(temp, target);
      }
      temp = null;
      return new Stored(hash, size, file.getFileName().toString());
    } catch (IOException e) {
      throw new StoreException("cannot store the attachment " + file + " in " + dir + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file's name says what it is; a later run may remove it
        }
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * What is wrong with the attachment an {@code attached} event names, or null when its file is
   * there with that hash and size.
   */
  public String problem(Event e) {
    return problem(e.fields().get("sha256"), e.fields().get("size"));
  }

  private String problem(String sha256, String size) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      return "names no SHA-256 ('sha256' must be 64 lower-case hex digits)";
    }
    Path file = dir.resolve(sha256);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return "its file " + FOLDER + "/" + sha256 + " is missing";
    }
    MessageDigest sha = sha256();
    long length = 0;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        length += n;
      }
    } catch (IOException e) {
      return "its file " + FOLDER + "/" + sha256 + " cannot be read: " + e.getMessage();
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!actual.equals(sha256)) {
      return "its file " + FOLDER + "/" + sha256 + " was changed: its SHA-256 is now " + actual;
    }
    if (size != null && !size.equals(Long.toString(length))) {
      return "its file " + FOLDER + "/" + sha256 + " has " + length + " bytes, the event says " + size;
    }
    return null;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
