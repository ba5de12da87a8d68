package dev.salesflow.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.completion.CompletionScriptTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A program in a real terminal: a detached tmux session on a private socket, driven with
 * send-keys and read with capture-pane. Skips the test when tmux is missing, unless env CI is set
 * (CI installs tmux, so there a missing tmux is a failure).
 */
final class Tmux implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final java.util.concurrent.atomic.AtomicInteger SOCKETS = new java.util.concurrent.atomic.AtomicInteger();

  private final Path socket;
  private final String session = "salesflow";

  private Tmux(Path socket) {
    this.socket = socket;
  }

  /**
   * Starts {@code command} (a shell line, which may chain several commands and use builtins such
   * as {@code read}) in a 160x50 terminal, in {@code cwd}, with {@code env} added for all of it.
   */
  static Tmux start(Path dir, Path cwd, Map<String, String> env, String command) throws Exception {
    if (!CompletionScriptTest.onPath("tmux")) {
      Assumptions.assumeTrue(System.getenv("CI") != null,
          "tmux is not installed (CI installs it through .ci/run; so should you: apt-get install tmux)");
      throw new AssertionError("tmux is not installed, but CI is set: .ci/run must install it");
    }
    // a socket of its own: a server still shutting down on a reused path makes new-session fail
    Tmux tmux = new Tmux(dir.resolve("tmux-" + SOCKETS.incrementAndGet() + ".sock"));
    // exported by the pane's shell, not given to env: env runs only the line's first word, as a program, and read
    // (a builtin) is none; this way every command of the line sees the variables
    StringBuilder line = new StringBuilder("cd " + FreshJvm.quote(cwd.toString()) + " && export");
    env.forEach((k, v) -> line.append(' ').append(FreshJvm.quote(k + "=" + v)));
    // keep the pane after the program ends, so its last words and exit code can be read
    line.append(" && ").append(command).append("; echo \"[exited $?]\"; sleep 600");
    tmux.tmux("new-session", "-d", "-s", tmux.session, "-x", "160", "-y", "50", line.toString());
    return tmux;
  }

  /** Types {@code keys}: literal text, or tmux key names such as Tab, Enter, C-c, C-d, Up. */
  void send(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Types {@code text} literally (no key names), e.g. a line with spaces. */
  void type(String text) throws Exception {
    tmux("send-keys", "-t", session, "-l", text);
  }

  /** The visible screen, trailing blank lines dropped. */
  String screen() throws Exception {
    return tmux("capture-pane", "-p", "-t", session).stripTrailing();
  }

  /** Waits until the screen shows {@code text}; fails with the screen after {@link #PATIENCE}. */
  String await(String text) throws Exception {
    return await(text, s -> s.contains(text));
  }

  /** Waits until the screen's last non-blank line is {@code line} exactly (e.g. a fresh prompt). */
  String awaitLastLine(String line) throws Exception {
    return await("last line '" + line + "'", s -> lastLine(s).equals(line));
  }

  String await(String what, Predicate<String> test) throws Exception {
    return await(what, test, PATIENCE);
  }

  /** Waits until the screen shows {@code text}, for up to {@code patience} (a run of several fresh JVMs). */
  String await(String text, Duration patience) throws Exception {
    return await(text, s -> s.contains(text), patience);
  }

  private String await(String what, Predicate<String> test, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    String screen = screen();
    while (!test.test(screen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the terminal never showed " + what + "; it shows:\n" + screen);
      }
      Thread.sleep(100);
      screen = screen();
    }
    return screen;
  }

  static String lastLine(String screen) {
    List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
  }

  /** Writes everything the program prints from now on (escape sequences included) to {@code file}. */
  void record(Path file) throws Exception {
    tmux("pipe-pane", "-o", "-t", session, "cat >> " + FreshJvm.quote(file.toString()));
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-f", "/dev/null", "-S", socket.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("tmux %s: %s", args[0], out).isZero();
    return out;
  }

  @Override
  public void close() throws IOException {
    Process kill = new ProcessBuilder("tmux", "-f", "/dev/null", "-S", socket.toString(), "kill-server")
        .redirectErrorStream(true).start();
    try {
      kill.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
