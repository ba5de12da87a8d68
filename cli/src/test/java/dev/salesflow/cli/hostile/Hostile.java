package dev.salesflow.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the hostile-input tests share: a copy of the example workspace, in-process runs of the
 * command line with a deadline, and a fingerprint of a whole folder tree to prove nothing was
 * written.
 */
final class Hostile {
  static final String NOW = TestWorkspaces.NOW;
  static final Path EXAMPLES = TestWorkspaces.EXAMPLES;
  static final Duration NO_HANG = Duration.ofSeconds(30);

  private Hostile() {}

  /** Runs salesflow in-process in {@code cwd} with {@code --now} pinned, failing after {@link #NO_HANG}. */
  static CliRun run(Path cwd, String... args) {
    String[] all = Stream.concat(Stream.of("--now", NOW), Stream.of(args)).toArray(String[]::new);
    return assertTimeoutPreemptively(NO_HANG, () -> CliRun.in(cwd, all),
        () -> "salesflow " + String.join(" ", args) + " did not finish within " + NO_HANG);
  }

  /**
   * A copy of {@code examples/} (settings and cases, not ci/ or library/) at {@code target}, with the empty
   * lock file that any earlier write would have left, so that "nothing written" can mean every byte.
   */
  static Path examplesAt(Path target) {
    TestWorkspaces.examplesAt(target);
    try {
      Path lock = target.resolve("cases/.salesflow.lock");
      if (!Files.exists(lock)) {
        Files.createFile(lock);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every path under {@code root} (links not followed) with its type, size, modification time and
   * content hash, or link target: equal fingerprints mean nothing was created, removed or written.
   */
  static Map<String, String> fingerprint(Path root) {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String key = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          tree.put(key, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          tree.put(key, "dir");
        } else {
          tree.put(key, Files.size(p) + " bytes, " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
              + ", sha256 " + sha256(p));
        }
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The example case {@code ACME-2026-001} renamed to {@code id}: a valid case file to spoil. */
  static String exampleCase(String id) {
    try {
      return Files.readString(EXAMPLES.resolve("cases/ACME-2026-001.yaml")).replace("ACME-2026-001", id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when this process runs as root, where file modes do not stop writes. */
  static boolean isRoot() {
    try {
      return "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs another program, returning its exit code and its output and errors merged (as stdout). */
  static CliRun exec(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      return new CliRun(p.waitFor(), output, "");
    } catch (IOException e) {
      return new CliRun(127, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CliRun(130, "", e.toString());
    }
  }
}
