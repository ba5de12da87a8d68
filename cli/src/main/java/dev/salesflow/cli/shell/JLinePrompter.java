package dev.salesflow.cli.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Asks questions through a JLine line reader: the shell's, or one on a terminal opened for them. */
final class JLinePrompter implements Prompter {
  private final LineReader reader;
  private final JLineCompleter completer;
  private final Terminal owned;

  JLinePrompter(LineReader reader, JLineCompleter completer, Terminal owned) {
    this.reader = reader;
    this.completer = completer;
    this.owned = owned;
  }

  /** A prompter on the system terminal, closed with it. */
  static JLinePrompter open() {
    try {
      Terminal terminal = TerminalBuilder.builder().name("salesflow").system(true).build();
      JLineCompleter completer = new JLineCompleter(null, null, null);
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("salesflow")
          .completer(completer)
          .variable(LineReader.DISABLE_HISTORY, true)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .build();
      return new JLinePrompter(reader, completer, terminal);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> ask(String prompt, List<String> choices) {
    Object history = reader.getVariable(LineReader.DISABLE_HISTORY);
    completer.choices(choices);
    reader.setVariable(LineReader.DISABLE_HISTORY, true);
    try {
      return Optional.of(reader.readLine(prompt).strip());
    } catch (UserInterruptException | EndOfFileException cancelled) {
      return Optional.empty();
    } finally {
      completer.commands();
      reader.setVariable(LineReader.DISABLE_HISTORY, history == null ? false : history);
    }
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (IOException e) {
        // nothing to do: the terminal was only being restored
      }
    }
  }
}
