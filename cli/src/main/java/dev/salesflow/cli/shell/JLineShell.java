package dev.salesflow.cli.shell;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.completion.CompletionModel;
import dev.salesflow.cli.completion.WorkspaceValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read-run loop of {@code salesflow shell} on a JLine terminal. The only place the shell's
 * terminal is created, so commands run outside the shell never load JLine.
 */
public final class JLineShell {
  private JLineShell() {}

  /**
   * Reads command lines until Ctrl-D or {@code exit} and hands each one's words to {@code run}.
   *
   * @param prompt shown before each line
   * @param history where lines are kept between sessions, or null to keep none
   * @param run runs one command line (without the program name) and returns its exit code
   */
  public static int run(String prompt, Path history, CompletionModel model, WorkspaceValues values, Path cwd,
      ToIntFunction<List<String>> run) throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().name("salesflow").system(true).dumb(true).build()) {
      JLineCompleter completer = new JLineCompleter(model, values, cwd);
      DefaultParser parser = new DefaultParser();
      parser.setEscapeChars(new char[0]);
      LineReaderBuilder builder = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("salesflow")
          .parser(parser)
          .completer(completer)
          .variable(LineReader.HISTORY_SIZE, 2000)
          .variable(LineReader.HISTORY_FILE_SIZE, 2000)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
      if (history != null && writableFolder(history.getParent())) {
        builder.variable(LineReader.HISTORY_FILE, history);
      }
      LineReader reader = builder.build();
      Prompters.enterShell(new JLinePrompter(reader, completer, null));
      try {
        while (true) {
          String line;
          try {
            line = reader.readLine(prompt);
          } catch (UserInterruptException cancelled) {
            continue;
          } catch (EndOfFileException leave) {
            break;
          }
          List<String> words = words(reader, line);
          if (words.isEmpty()) {
            continue;
          }
          if (words.equals(List.of("exit")) || words.equals(List.of("quit"))) {
            break;
          }
          Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
          try {
            run.applyAsInt(words);
          } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            values.forget();
          }
        }
      } finally {
        Prompters.leaveShell();
        reader.getHistory().save();
      }
    }
    return ExitCode.OK.code();
  }

  /** Creates {@code dir} if needed; false when it cannot be (the shell then keeps no history). */
  private static boolean writableFolder(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** The words of the line as the parser split them (quotes removed), without a leading "salesflow". */
  private static List<String> words(LineReader reader, String line) {
    List<String> words = new ArrayList<>(reader.getParsedLine() == null ? List.of() : reader.getParsedLine().words());
    if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()
        && (line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1)))) {
      words.remove(words.size() - 1);
    }
    if (!words.isEmpty() && words.get(0).equals("salesflow")) {
      words.remove(0);
    }
    return words;
  }
}
