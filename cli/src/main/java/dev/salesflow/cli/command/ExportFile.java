package dev.salesflow.cli.command;

import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file {@code export} writes (the CSV, or a form's page): the targets it refuses, and writing
 * it whole or not at all.
 */
final class ExportFile {
  private ExportFile() {}

  /** What writes the content of a file being replaced. */
  interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes {@code file} through a hidden file beside it, moved over it at the end: a failure
   * half-way leaves no half-written file (nor a damaged earlier one).
   */
  static void replace(Path file, Content content) {
    Path dir = file.toAbsolutePath().getParent();
    Path partial = null;
    try {
      partial = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        content.writeTo(out);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException ignored) {
          // only a leftover hidden file; the error that matters is already on its way
        }
      }
    }
  }

  /**
   * Refuses a target inside the workspace's own files (a CSV among the case files breaks every
   * command), a symbolic link (its target is not overwritten: the rename below would replace the
   * link itself, so a link is refused rather than silently replaced) and anything but a regular file.
   */
  static void refuse(Salesflow flow, Path file, String target, String what) {
    flow.ownPartAt(file).ifPresent(part -> {
      throw new InvalidRequestException("export: " + target + " is in " + part + "; write " + what + " somewhere else");
    });
    if (Files.isSymbolicLink(file)) {
      throw new InvalidRequestException("export: " + target + " is a symbolic link; export does not write through"
          + " links (remove it, or name the file it points to)");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException("export: " + target + " exists and is not a regular file");
    }
  }
}
