package dev.salesflow.cli;

import dev.salesflow.cli.command.SalesflowCommand;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli's usage errors as catalog entries, so {@code --lang zh} prints them in Chinese: each
 * entry's English is picocli's own wording, read back into its values; a message no entry reads is
 * printed as picocli wrote it, in every language.
 */
final class UsageWords {
  /** picocli's wordings, each the English of its entry with the values captured. */
  private static final List<Wording> WORDINGS = List.of(
      new Wording(MessageKey.MISSING_OPTION_VALUE, "Missing required parameter for option '(.+?)' \\((.*)\\)"),
      new Wording(MessageKey.MISSING_PARAMETERS, "Missing required parameters: (.+)"),
      new Wording(MessageKey.MISSING_PARAMETER, "Missing required parameter: (.+)"),
      new Wording(MessageKey.MISSING_OPTIONS, "Missing required options(?: and parameters)?: (.+)"),
      new Wording(MessageKey.MISSING_OPTION, "Missing required option: (.+)"),
      new Wording(MessageKey.INVALID_OPTION_VALUE, "Invalid value for option '(.+?)': (.*)"),
      new Wording(MessageKey.INVALID_PARAMETER_VALUE, "Invalid value for positional parameter at index (\\d+) \\((.+?)\\): (.*)"),
      new Wording(MessageKey.EXPECTED_ONE_OF, "expected one of (\\[.*\\]) \\(case-insensitive\\) but was '(.*)'"),
      new Wording(MessageKey.NOT_AN_INT, "'(.*)' is not an int"),
      new Wording(MessageKey.EXPECTED_PARAMETER, "Expected parameter for option '(.+?)' but found '(.*)'"),
      new Wording(MessageKey.ONLY_ONCE, "option '(.+?)' should be specified only once"),
      new Wording(MessageKey.MISSING_COMMAND, "missing command \\(try 'salesflow --help'\\)"));

  private UsageWords() {}

  private record Wording(MessageKey key, Pattern pattern) {
    Wording(MessageKey key, String regex) {
      this(key, Pattern.compile(regex, Pattern.DOTALL));
    }
  }

  /**
   * {@code text}, a message of picocli, as the entry whose English it is (values that are
   * themselves picocli's wordings read in turn), else as a literal.
   */
  static Message of(String text) {
    if (text == null) {
      return Message.literal("invalid usage");
    }
    for (Wording w : WORDINGS) {
      Matcher m = w.pattern().matcher(text);
      if (m.matches()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          // the last value may be a wording too: "Invalid value for option '--format': expected one of …"
          args[i] = i == args.length - 1 ? of(m.group(i + 1)) : m.group(i + 1);
        }
        Message read = Message.of(w.key(), args);
        return read.english().equals(text) ? read : Message.literal(text);
      }
    }
    return Message.literal(text);
  }

  /**
   * The language of a usage error: {@code --lang} as typed (picocli may have stopped before reading
   * it), else the command's language.
   */
  static String language(SalesflowCommand root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String lang = args[i].equals("--lang") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--lang=") ? args[i].substring("--lang=".length()) : null;
      if ("en".equals(lang) || "zh".equals(lang)) {
        return lang;
      }
    }
    return root.messageLanguage();
  }
}
