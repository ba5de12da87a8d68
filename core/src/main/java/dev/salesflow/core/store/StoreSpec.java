package dev.salesflow.core.store;

import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which store a workspace's cases are in, as {@code --store}, {@code migrate --to} and {@code
 * store:} in {@code salesflow.yaml} name it: a folder of case files, or {@code sqlite:FILE}.
 * {@link #parse} is the one place a spec's text is read; the workspace opens a store with one
 * {@code switch} over {@link #kind()}. A new kind of store is a record here, its prefix in {@link
 * #parse} and one case in that switch.
 */
public sealed interface StoreSpec {

  /** The kinds of store, one per record. */
  enum Kind { FOLDER, SQLITE }

  /** The prefix of SQLite store specs. */
  String SQLITE = "sqlite:";

  /** What {@link #parse} accepts, for messages. */
  String KNOWN = "a folder of case files (DIR) and sqlite:FILE";

  /** This spec's kind, for a {@code switch} that covers every kind. */
  Kind kind();

  /** The folder or file the store keeps its cases in, absolute or relative to the working folder. */
  Path location();

  /** Makes what must exist before the store can be opened as a migration target. */
  void prepareTarget();

  /**
   * Removes a store that a failed migration created (a full disk, say), so nothing half-made is
   * left. Best effort; the migration's own error is what the caller reports.
   */
  void removeCreated();

  /** A folder of case files, one YAML file per case. */
  record Folder(Path location) implements StoreSpec {
    @Override
    public Kind kind() {
      return Kind.FOLDER;
    }

    /** Creates the folder when missing. */
    @Override
    public void prepareTarget() {
      try {
        Files.createDirectories(location);
      } catch (IOException e) {
        throw new StoreException("cannot create " + location + ": " + e.getMessage(), e);
      }
    }

    /** The new folder and everything in it. */
    @Override
    public void removeCreated() {
      try {
        if (Files.isDirectory(location, LinkOption.NOFOLLOW_LINKS)) {
          try (Stream<Path> walk = Files.walk(location)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
      } catch (IOException | UncheckedIOException ignored) {
        // a left-over target is refused as not empty by the next migration, which says so
      }
    }
  }

  /** A SQLite database file. */
  record Sqlite(Path location) implements StoreSpec {
    @Override
    public Kind kind() {
      return Kind.SQLITE;
    }

    /** Nothing: opening the database creates it. */
    @Override
    public void prepareTarget() {
      // the store creates the file when it opens it
    }

    /** The database with its -wal, -shm and -journal files. */
    @Override
    public void removeCreated() {
      try {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
          Files.deleteIfExists(location.resolveSibling(location.getFileName() + suffix));
        }
      } catch (IOException ignored) {
        // a left-over target is refused as not empty by the next migration, which says so
      }
    }
  }

  /**
   * The store {@code spec} names, its path resolved against {@code base}: {@code sqlite:FILE} is a
   * database, anything else a folder. A spec that starts like a URL or a prefix ({@code NAME:})
   * of no known kind is refused rather than taken for a folder, so {@code
   * postgresql://host/db} never becomes a folder named {@code postgresql:}; such a folder is written
   * {@code ./NAME:...}.
   *
   * @throws InvalidRequestException for {@code sqlite:} without a file, or an unknown kind
   */
  static StoreSpec parse(String spec, Path base) {
    if (spec.startsWith(SQLITE)) {
      String path = spec.substring(SQLITE.length());
      if (path.isBlank()) {
        throw new InvalidRequestException("store 'sqlite:' needs a file, e.g. sqlite:cases.db");
      }
      return new Sqlite(base.resolve(path).normalize());
    }
    int scheme = schemeLength(spec);
    if (scheme > 0) {
      throw new InvalidRequestException("unknown store kind '" + spec.substring(0, scheme) + "' in '" + spec
          + "': known kinds are " + KNOWN + "; a folder whose name contains ':' can be written as ./NAME");
    }
    return new Folder(base.resolve(spec).normalize());
  }

  /**
   * The length of the scheme {@code spec} starts with ({@code NAME}, as in {@code NAME:},
   * {@code [A-Za-z][A-Za-z0-9+.-]*}), or 0 when it starts with none. A loop, not a regular
   * expression: every command that opens a store runs this.
   */
  private static int schemeLength(String spec) {
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == ':') {
        return i;
      }
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')))) {
        return 0;
      }
    }
    return 0;
  }
}
