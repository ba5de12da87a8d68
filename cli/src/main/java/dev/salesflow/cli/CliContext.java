package dev.salesflow.cli;

import dev.salesflow.cli.output.TerminalWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: its two output streams, the environment and the
 * working folder. Tests pass their own; nothing reads System.* directly.
 *
 * @param out machine output
 * @param err messages
 * @param env the environment
 * @param cwd the working folder
 * @param stdout the bytes under {@code out}, for a command that writes a lot of UTF-8 it encodes
 *     itself (flush {@code out} first); null when {@code out} has no such stream (tests, training)
 * @param in standard input ({@code batch -}); null when there is none to read
 * @param kept workspaces kept open across the commands of one {@code batch}; null outside one, where
 *     each command opens its workspace and closes it
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, OutputStream stdout,
    InputStream in, KeptWorkspaces kept) {
  /** A context whose {@code out} is the only way to machine output. */
  public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd) {
    this(out, err, env, cwd, null, null, null);
  }

  /** This context writing to other streams (one command of a batch), with the same input and kept workspaces. */
  public CliContext writingTo(PrintWriter otherOut, PrintWriter otherErr, OutputStream otherStdout) {
    return new CliContext(otherOut, otherErr, env, cwd, otherStdout, in, kept);
  }

  /** This context keeping the workspaces its commands open in {@code workspaces}. */
  public CliContext keeping(KeptWorkspaces workspaces) {
    return new CliContext(out, err, env, cwd, stdout, in, workspaces);
  }

  /**
   * This context with {@code out} and {@code err} behind a {@link TerminalWriter}: no control
   * character or bidi override from a case file reaches the terminal as itself.
   *
   * @return the context every command runs in
   */
  public CliContext terminalSafe() {
    return new CliContext(TerminalWriter.over(out, false), TerminalWriter.over(err, true), env, cwd, stdout, in, kept);
  }
}
