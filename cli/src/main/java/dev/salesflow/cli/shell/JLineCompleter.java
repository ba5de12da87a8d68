package dev.salesflow.cli.shell;

import dev.salesflow.cli.completion.CompletionModel;
import dev.salesflow.cli.completion.WorkspaceValues;
import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell: subcommands, options, and the values of options and positional
 * parameters (case ids, stages, event types, owners, sources, fixed lists, files), found through
 * {@link CompletionModel}. While a command asks a question, completes that question's choices.
 */
final class JLineCompleter implements Completer {
  private static final List<String> BUILTINS = List.of("exit", "help");

  private final CompletionModel model;
  private final WorkspaceValues values;
  private final Path cwd;
  private volatile List<String> choices;

  JLineCompleter(CompletionModel model, WorkspaceValues values, Path cwd) {
    this.model = model;
    this.values = values;
    this.cwd = cwd;
  }

  /** Completes {@code choices} instead of command lines until {@link #commands()}. */
  void choices(List<String> choices) {
    this.choices = choices;
  }

  /** Back to completing command lines. */
  void commands() {
    this.choices = null;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> asked = choices;
    if (asked != null) {
      asked.forEach(c -> candidates.add(new Candidate(c)));
      return;
    }
    List<String> words = line.words();
    List<String> before = words.subList(0, Math.min(line.wordIndex(), words.size()));
    if (!before.isEmpty() && (before.get(0).equals("salesflow") || before.get(0).equals("help"))) {
      before = before.subList(1, before.size());
    }
    String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    CompletionModel.Slot slot = model.locate(before, current);
    for (CompletionModel.Candidate c : model.candidates(slot)) {
      candidates.add(new Candidate(c.value(), c.value(), null, c.description().isEmpty() ? null : c.description(),
          null, null, true));
    }
    switch (slot.kind()) {
      case DIRECTORY -> new Completers.DirectoriesCompleter(cwd).complete(reader, line, candidates);
      case PATH -> new Completers.FilesCompleter(cwd).complete(reader, line, candidates);
      case CASE, STAGE, EVENT, OWNER, SOURCE -> values.of(slot.kind(), slot.positionals())
          .forEach(v -> candidates.add(new Candidate(slot.keep() + v, v, null, null, null, null, true)));
      default -> {
        if (slot.place() == CompletionModel.Place.COMMAND && line.wordIndex() == 0) {
          BUILTINS.forEach(b -> candidates.add(new Candidate(b, b, null, null, null, null, true)));
        }
      }
    }
  }
}
