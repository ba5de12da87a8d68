package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.shell.Prompter;
import dev.salesflow.cli.shell.Prompters;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.MissingFormField;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks for the required form fields {@code log} was not given ({@code forms: required}), when a
 * person is at a terminal: Tab completes an enum's values, a bad value is told and asked again.
 * Without a terminal nothing is asked and the core's refusal lists every missing field. An empty
 * answer leaves the field missing; Ctrl-C or Ctrl-D stops asking.
 */
final class LogPrompt {
  private LogPrompt() {}

  /** What is printed under a refused answer before the field is asked again. */
  static String again(String problem, String lang) {
    return dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.PROMPT_AGAIN, problem).in(lang);
  }

  /** Adds the answers to {@code fields}. */
  static void askForMissing(Salesflow flow, String type, Map<String, String> fields, CliContext context, String lang) {
    List<MissingFormField> missing = flow.missingFormFields(type, fields, lang);
    if (missing.isEmpty()) {
      return;
    }
    Optional<Prompter> opened = Prompters.open(context);
    if (opened.isEmpty()) {
      return;
    }
    try (Prompter prompter = opened.get()) {
      for (MissingFormField field : missing) {
        String prompt = field.label() + " [" + field.key() + "]"
            + (field.choices().isEmpty() ? "" : " (" + String.join("/", field.choices()) + ")") + ": ";
        while (true) {
          Optional<String> answer = prompter.ask(prompt, field.choices());
          if (answer.isEmpty()) {
            return;
          }
          if (answer.get().isEmpty()) {
            break;
          }
          String problem = flow.fieldValueProblem(type, field.key(), answer.get());
          if (problem == null) {
            fields.put(field.key(), answer.get());
            break;
          }
          context.err().println("  " + again(problem, lang));
          context.err().flush();
        }
      }
    }
  }
}
