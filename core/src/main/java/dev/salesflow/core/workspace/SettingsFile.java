package dev.salesflow.core.workspace;

import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * A file that a setting names ({@code process:}, {@code calendar:}, {@code schedules:}): read only
 * when it is a regular file under the workspace (links followed, to where they lead) of at most
 * {@link YamlTreeReader#MAX_FILE_BYTES}. So a setting in a pull request cannot make {@code check}
 * read (and show a line of) {@code /proc/self/environ} or {@code /etc/passwd}, hang on a FIFO or
 * read {@code /dev/zero} without end. The refusal names the setting, never the file's content.
 */
final class SettingsFile {
  private SettingsFile() {}

  /**
   * The real path of {@code name} resolved against {@code root}, checked as above; {@code refuse}
   * makes the error (a diagnostic at the setting) from the reason.
   */
  static Path checked(Path root, String name, String what, Function<String, DiagnosticsException> refuse) {
    Path file = root.resolve(name).normalize();
    Path real;
    Path realRoot;
    try {
      realRoot = root.toRealPath();
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw refuse.apply(what + " " + file + " does not exist");
    } catch (IOException e) {
      throw refuse.apply(what + " " + file + " cannot be read (" + e.getMessage() + ")");
    }
    if (!real.startsWith(realRoot)) {
      throw refuse.apply(what + " " + file + (real.equals(file) ? "" : " (" + real + ")") + " is outside the workspace "
          + realRoot + "; only files under the workspace are read (copy it into the workspace)");
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw refuse.apply(what + " " + file + " cannot be read (" + e.getMessage() + ")");
    }
    if (!a.isRegularFile()) {
      throw refuse.apply(what + " " + file + " is " + (a.isDirectory() ? "a folder" : "a FIFO, device or socket")
          + ", not a regular file");
    }
    if (a.size() > YamlTreeReader.MAX_FILE_BYTES) {
      throw refuse.apply(what + " " + file + " has " + String.format("%,d", a.size()) + " bytes, more than the "
          + String.format("%,d", YamlTreeReader.MAX_FILE_BYTES) + " a settings file may hold");
    }
    return real;
  }

  /** The text of {@code name} ({@link #checked}), decoded as UTF-8 (diagnostics naming {@code name}'s path when it is not). */
  static String read(Path root, String name, String what, Function<String, DiagnosticsException> refuse) {
    Path real = checked(root, name, what, refuse);
    Path file = root.resolve(name).normalize();
    try (FileChannel in = FileChannel.open(real, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(YamlTreeReader.MAX_FILE_BYTES + 1L, in.size() + 1));
      while (buffer.hasRemaining() && in.read(buffer) >= 0) {
        if (!buffer.hasRemaining() && buffer.capacity() <= YamlTreeReader.MAX_FILE_BYTES) {
          buffer = ByteBuffer.allocate((int) Math.min(YamlTreeReader.MAX_FILE_BYTES + 1L, buffer.capacity() * 2L))
              .put(buffer.flip());
        }
      }
      if (buffer.position() > YamlTreeReader.MAX_FILE_BYTES) {
        throw refuse.apply(what + " " + file + " holds more than the " + String.format("%,d", YamlTreeReader.MAX_FILE_BYTES)
            + " bytes a settings file may hold");
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return YamlTreeReader.decodeUtf8OrThrow(bytes, file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
