package dev.salesflow.cli.shell;

import java.util.List;
import java.util.Optional;

/** Asks a person for a value at the terminal, Tab completing from {@code choices}. */
public interface Prompter extends AutoCloseable {
  /** The answer, stripped (possibly empty); empty when the person pressed Ctrl-C or Ctrl-D. */
  Optional<String> ask(String prompt, List<String> choices);

  @Override
  void close();
}
