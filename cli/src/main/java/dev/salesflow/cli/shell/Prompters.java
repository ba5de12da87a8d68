package dev.salesflow.cli.shell;

import dev.salesflow.cli.CliContext;
import java.util.List;
import java.util.Optional;

/**
 * Where a command that needs answers gets its {@link Prompter}: the running shell's line reader,
 * else a terminal opened for the occasion, else none (no terminal: the command fails instead).
 */
public final class Prompters {
  private static volatile Prompter shell;

  private Prompters() {}

  /** A prompter for this run, if a person is at a terminal; close it when done. */
  public static Optional<Prompter> open(CliContext context) {
    Prompter inShell = shell;
    if (inShell != null) {
      return Optional.of(new Prompter() {
        @Override
        public Optional<String> ask(String prompt, List<String> choices) {
          return inShell.ask(prompt, choices);
        }

        @Override
        public void close() {
          // the shell's reader stays open
        }
      });
    }
    if (context.kept() != null || !Terminals.interactive(context.env())) {
      return Optional.empty(); // a batch asks no one: its lines fail instead, as without a terminal
    }
    return Optional.of(JLinePrompter.open());
  }

  /** True while a shell runs in this process. */
  public static boolean inShell() {
    return shell != null;
  }

  static void enterShell(Prompter prompter) {
    shell = prompter;
  }

  static void leaveShell() {
    shell = null;
  }
}
