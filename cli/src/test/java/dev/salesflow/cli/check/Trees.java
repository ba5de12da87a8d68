package dev.salesflow.cli.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File-tree helpers: copies and byte-exact snapshots. */
final class Trees {
  private Trees() {}

  /** The project root (parent of the cli module, where the tests run). */
  static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

  /** The bundled example workspace. */
  static final Path EXAMPLES = PROJECT.resolve("examples");

  /** The check corpus (a workspace whose {@code expected/} mirrors {@code cases/}). */
  static final Path CORPUS = Path.of("src/test/resources/check-corpus").toAbsolutePath();

  /** Copies {@code from} to {@code to}, skipping paths (relative to {@code from}) that {@code skip} accepts. */
  static void copy(Path from, Path to, Predicate<Path> skip) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : all.toList()) {
        Path relative = from.relativize(source);
        if (!relative.toString().isEmpty() && skip.test(relative)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target);
        }
      }
    }
  }

  static void copy(Path from, Path to) throws IOException {
    copy(from, to, p -> false);
  }

  /** The corpus as a workspace: {@code salesflow.yaml} and {@code cases/}, without {@code expected/}. */
  static void copyCorpus(Path to) throws IOException {
    copy(CORPUS, to, p -> p.startsWith("expected"));
  }

  /** One entry of a snapshot: a file's bytes and modification time, or a folder's time. */
  record Entry(byte[] bytes, long modified) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && Arrays.equals(bytes, e.bytes) && modified == e.modified;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes) * 31 + Long.hashCode(modified);
    }

    @Override
    public String toString() {
      return (bytes == null ? "folder" : bytes.length + " bytes") + " modified " + modified;
    }
  }

  /** Every path under {@code root} with its bytes (files) and modification time (files and folders). */
  static Map<String, Entry> snapshot(Path root) throws IOException {
    Map<String, Entry> snapshot = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        snapshot.put(root.relativize(p).toString(),
            new Entry(a.isDirectory() ? null : Files.readAllBytes(p), a.lastModifiedTime().toMillis()));
      }
    }
    return snapshot;
  }

  /** The regular files under {@code root}, relative and sorted. */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
