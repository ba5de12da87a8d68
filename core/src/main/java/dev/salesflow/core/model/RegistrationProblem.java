package dev.salesflow.core.model;

import java.util.Objects;

/** A registration field that is missing, or whose value cannot be registered. */
public sealed interface RegistrationProblem extends RequestProblem {
  /**
   * The field the problem is with.
   *
   * @return the field
   */
  RegistrationField field();

  /**
   * The problem worded with {@code name} for its field.
   *
   * @param name the field's name in the caller's terms, e.g. {@code --contact-name} or {@code contact_name}
   * @return {@code missing NAME}, or the reason a value is invalid (which names the field itself)
   */
  String describe(String name);

  @Override
  default String message() {
    return describe(field().path());
  }

  /**
   * A required field left blank.
   *
   * @param field the field
   */
  record Missing(RegistrationField field) implements RegistrationProblem {
    /**
     * Checks the field is given.
     *
     * @param field the field
     */
    public Missing {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String describe(String name) {
      return "missing " + name;
    }
  }

  /**
   * A value that cannot be registered.
   *
   * @param field the field
   * @param reason why, naming the field and the value, e.g. {@code priority must be A, B or C, got 'D'}
   */
  record Invalid(RegistrationField field, String reason) implements RegistrationProblem {
    /**
     * Checks both are given.
     *
     * @param field the field
     * @param reason why the value is refused
     */
    public Invalid {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe(String name) {
      return reason;
    }
  }

  /**
   * A value holding a character that hides itself or drives a terminal (a control character, a
   * bidi override, a zero-width character; {@link TextCharacters}); free text may hold tab and
   * line feed, nothing else may.
   *
   * @param field the field
   * @param codePoint the first such character
   */
  record HiddenCharacter(RegistrationField field, int codePoint) implements RegistrationProblem {
    /**
     * Checks the field is given and the character is one {@link TextCharacters#isHidden} names.
     *
     * @param field the field
     * @param codePoint the character
     */
    public HiddenCharacter {
      Objects.requireNonNull(field, "field");
      if (!TextCharacters.isHidden(codePoint)) {
        throw new IllegalArgumentException(TextCharacters.codePoint(codePoint) + " is not a hidden character");
      }
    }

    @Override
    public String describe(String name) {
      return TextCharacters.problem(name, new String(Character.toChars(codePoint)), false).orElseThrow();
    }
  }
}
