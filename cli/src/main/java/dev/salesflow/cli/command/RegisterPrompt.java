package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.shell.Prompter;
import dev.salesflow.cli.shell.Prompters;
import dev.salesflow.core.model.SalesProcess;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks for the registration fields {@code register} was not given, when a person is at a terminal
 * (Tab completes source and priority). Without a terminal nothing is asked and the core's refusal
 * lists every missing flag. An empty answer leaves the field missing; Ctrl-C or Ctrl-D stops asking.
 */
final class RegisterPrompt {
  private RegisterPrompt() {}

  static void askForMissing(RegisterCommand command, SalesProcess process, CliContext context) {
    List<Field> fields = List.of(
        new Field("company", List.of(), () -> command.company, v -> command.company = v),
        new Field("industry", List.of(), () -> command.industry, v -> command.industry = v),
        new Field("contact name", List.of(), () -> command.contactName, v -> command.contactName = v),
        new Field("source", List.copyOf(process.sources().keySet()), () -> command.source, v -> command.source = v),
        new Field("priority", List.of("A", "B", "C"), () -> command.priority, v -> command.priority = v),
        new Field("owner", List.of(), () -> command.owner, v -> command.owner = v));
    List<Field> missing = fields.stream().filter(f -> blank(f.get().get())).toList();
    if (missing.isEmpty()) {
      return;
    }
    Optional<Prompter> opened = Prompters.open(context);
    if (opened.isEmpty()) {
      return;
    }
    try (Prompter prompter = opened.get()) {
      for (Field field : missing) {
        String prompt = field.name() + (field.choices().isEmpty() ? "" : " (" + String.join("/", field.choices()) + ")") + ": ";
        Optional<String> answer = prompter.ask(prompt, field.choices());
        if (answer.isEmpty()) {
          return;
        }
        if (!answer.get().isEmpty()) {
          field.set().accept(answer.get());
        }
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private record Field(String name, List<String> choices, Supplier<String> get, Consumer<String> set) {}
}
