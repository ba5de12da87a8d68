package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.Main;
import dev.salesflow.cli.completion.CompletionModel;
import dev.salesflow.cli.completion.WorkspaceValues;
import dev.salesflow.cli.shell.JLineShell;
import dev.salesflow.cli.shell.Prompters;
import dev.salesflow.cli.shell.Terminals;
import dev.salesflow.core.model.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "shell", description = {
    "Run salesflow commands at a prompt on one workspace.",
    "Tab completes commands, options, case ids, stages, event types and owners; history is kept per workspace;",
    "Ctrl-C cancels the line, Ctrl-D or 'exit' leaves. Global options given here apply to every command."})
final class ShellCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;
  @Spec CommandSpec spec;

  /** Every format: {@code --format} given to the shell applies to each command run in it. */
  @Override
  public List<Format> formats() {
    return List.of(Format.values());
  }

  @Override
  public Integer call() throws IOException {
    if (Prompters.inShell()) {
      throw new InvalidRequestException("already in the shell: type a command, or 'exit' to leave");
    }
    if (!Terminals.stdinIsTerminal()) {
      // a prompt, completion and history are for a person; a script needs results and exit codes
      throw new InvalidRequestException("standard input is not a terminal: the shell is for typing commands;"
          + " to run commands from a file or a pipe use 'salesflow batch [FILE|-]' (one command per line)");
    }
    Path workspace = root.workspaceRoot().toAbsolutePath().normalize();
    SessionArgs session = new SessionArgs(spec, workspace, Set.of());
    CliContext context = root.context();
    if (!root.quiet()) {
      context.err().println("salesflow shell on " + workspace
          + ": Tab completes, Ctrl-C cancels the line, Ctrl-D or 'exit' leaves, 'help' lists the commands.");
    }
    String prompt = "salesflow:" + workspace.getFileName() + "> ";
    return JLineShell.run(prompt, historyFile(context.env(), workspace), new CompletionModel(spec.root()),
        new WorkspaceValues(workspace, root.store, context.cwd()), context.cwd(), words -> execute(words, session));
  }

  /** Runs one line as {@code salesflow -w WORKSPACE [the shell's global options] WORDS}. */
  private int execute(List<String> words, SessionArgs session) {
    List<String> line = new ArrayList<>(words);
    if (line.get(0).equals("help")) {
      line.remove(0);
      line.add("--help");
    }
    return Main.run(root.context(), session.of(line));
  }

  /**
   * {@code $XDG_STATE_HOME/salesflow/history/NAME-HASH} (default {@code ~/.local/state}): per
   * workspace, and outside it, so a shared workspace in git never carries one person's history.
   */
  static Path historyFile(Map<String, String> env, Path workspace) {
    String state = env.get("XDG_STATE_HOME");
    Path base;
    if (state != null && !state.isBlank()) {
      base = Path.of(state);
    } else {
      String home = env.get("HOME");
      if (home == null || home.isBlank()) {
        return null;
      }
      base = Path.of(home, ".local", "state");
    }
    String name = String.valueOf(workspace.getFileName()).replaceAll("[^\\w.-]", "_");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(workspace.toString().getBytes(StandardCharsets.UTF_8));
      return base.resolve("salesflow").resolve("history").resolve(name + "-" + HexFormat.of().formatHex(hash, 0, 6));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
