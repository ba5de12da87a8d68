package dev.salesflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Real headless Chromium for the tests of salesflow's HTML pages. Outside CI a machine without it
 * skips those tests; in CI ({@code .ci/run} installs it) a missing browser fails them.
 */
public final class HeadlessChromium {
  private final Path binary;
  private final Path tmp;

  private HeadlessChromium(Path binary, Path tmp) {
    this.binary = binary;
    this.tmp = tmp;
  }

  /** What one run of the browser gave: its exit code, stdout and the log on stderr. */
  public record Run(int code, String out, String log) {}

  /** The browser, its profiles under {@code tmp}; skips the test when it is missing outside CI. */
  public static HeadlessChromium orSkip(Path tmp) {
    Optional<Path> chromium = find();
    assumeTrue(chromium.isPresent() || System.getenv("CI") != null,
        "chromium is not installed (and CI is not set): the browser test is skipped");
    assertThat(chromium).as("CI must have chromium (.ci/run installs it)").isPresent();
    return new HeadlessChromium(chromium.get(), tmp);
  }

  /** Runs the browser headless with a fresh profile and {@code args} (e.g. {@code --dump-dom URL}). */
  public Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "chromium", ".out");
    Path err = Files.createTempFile(tmp, "chromium", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Lines where Chromium reports a page's console errors or uncaught exceptions. */
  public static List<String> consoleErrors(String log) {
    return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("console.error")).toList();
  }

  /** The first of chromium, chromium-browser, google-chrome on the PATH. */
  public static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
