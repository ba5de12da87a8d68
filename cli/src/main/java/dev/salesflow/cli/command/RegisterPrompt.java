package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.shell.Prompter;
import dev.salesflow.cli.shell.Prompters;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.SalesProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks for the required registration fields {@code register} was not given, and for the phone and
 * e-mail when neither was (one is needed to leave lead), when a person is at a terminal (Tab
 * completes source and priority). Without a terminal nothing is asked and the core's
 * refusal lists every missing flag. An empty answer leaves the field missing; Ctrl-C or Ctrl-D stops
 * asking.
 */
final class RegisterPrompt {
  private RegisterPrompt() {}

  static void askForMissing(RegisterCommand command, SalesProcess process, CliContext context, String lang) {
    List<RegistrationField> missing = new ArrayList<>();
    for (RegistrationField field : RegistrationField.requiredFields()) {
      if (blank(command.option(field))) {
        missing.add(field);
      }
    }
    // a phone or an e-mail is needed to leave lead: asked for too when neither was given
    boolean noChannel = blank(command.option(RegistrationField.PHONE)) && blank(command.option(RegistrationField.EMAIL));
    if (noChannel) {
      missing.add(RegistrationField.PHONE);
      missing.add(RegistrationField.EMAIL);
    }
    if (missing.isEmpty()) {
      return;
    }
    Optional<Prompter> opened = Prompters.open(context);
    if (opened.isEmpty()) {
      return;
    }
    try (Prompter prompter = opened.get()) {
      for (RegistrationField field : missing) {
        List<String> choices = choices(field, process);
        Optional<String> answer = prompter.ask(prompt(field, choices, lang), choices);
        if (answer.isEmpty()) {
          return;
        }
        if (!answer.get().isEmpty()) {
          command.setOption(field, answer.get());
        }
      }
    }
  }

  /** The question for {@code field}: its flag's words (as typed, in every language), the choices, why it is asked. */
  static String prompt(RegistrationField field, List<String> choices, String lang) {
    return field.flag().replace('-', ' ') + (choices.isEmpty() ? "" : " (" + String.join("/", choices) + ")")
        + (field.required() ? "" : dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.PROMPT_TO_LEAVE_LEAD).in(lang))
        + ": ";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** What Tab completes for {@code field}: the process's sources, the priorities, or nothing. */
  private static List<String> choices(RegistrationField field, SalesProcess process) {
    if (field == RegistrationField.SOURCE) {
      return List.copyOf(process.sources().keySet());
    }
    if (field == RegistrationField.PRIORITY) {
      List<String> names = new ArrayList<>();
      for (Priority p : Priority.values()) {
        names.add(p.name());
      }
      return names;
    }
    return List.of();
  }
}
