package dev.salesflow.core.process;

import dev.salesflow.core.model.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One field of a form: its kind, label, whether it must be filled in ({@code forms: required} in
 * salesflow.yaml) and how its value is checked. Values live in the event's fields under the field's
 * id; a list of items ({@link FieldSpec.Kind#ITEMS}) as {@code ID.1.model}, {@code ID.1.quantity},
 * {@code ID.1.price}, {@code ID.2.model} and so on.
 *
 * @param kind text, number, money, date, enum, items or person
 * @param labels the field's name on the printed form
 * @param required whether {@code forms: required} makes it mandatory; null means false
 * @param values an enum's values
 * @param min the least number or amount (for items: of each price), or null
 * @param max the greatest number or amount, or null
 * @param pattern a regular expression a text must match whole, or null
 * @param currency for money and items: the form's field holding the currency; null means {@code currency}
 */
public record FormField(
    FieldSpec.Kind kind, Labels labels, Boolean required, List<String> values, BigDecimal min, BigDecimal max,
    String pattern, String currency) {
  /** The parts of each item of a list of items, in the order they are shown. */
  public static final List<String> ITEM_PARTS = List.of("model", "quantity", "price");
  /** The currency field of money when the form names none. */
  public static final String DEFAULT_CURRENCY = "currency";

  public FormField {
    Objects.requireNonNull(kind, "kind");
    labels = labels == null ? new Labels(null, null) : labels;
    required = required != null && required;
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The field holding this money's (or these items' prices') currency. */
  public String currencyField() {
    return currency == null ? DEFAULT_CURRENCY : currency;
  }

  /** Whether {@code forms: required} makes it mandatory. */
  public boolean isRequired() {
    return required;
  }

  /** Why {@code value} does not fit this field, or null when it does. */
  String problem(String value, ProcessDefinition process) {
    if (kind == FieldSpec.Kind.ITEMS) {
      return "is a list of items, written " + "ID.1.model, ID.1.quantity, ID.1.price";
    }
    String problem = new FieldSpec(kind, values).problem(value, process);
    if (problem != null) {
      return problem;
    }
    if (kind == FieldSpec.Kind.NUMBER || kind == FieldSpec.Kind.MONEY) {
      BigDecimal n = FieldValues.number(value);
      if (min != null && n.compareTo(min) < 0) {
        return "must be at least " + min.toPlainString() + ", got '" + value + "'";
      }
      if (max != null && n.compareTo(max) > 0) {
        return "must be at most " + max.toPlainString() + ", got '" + value + "'";
      }
    }
    if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
      return "must match " + pattern + ", got '" + value + "'";
    }
    return null;
  }

  /** Why this declaration cannot be used (as {@code kind} in a form), or null. */
  String declarationProblem() {
    if (kind == FieldSpec.Kind.STAGE) {
      return "a form field cannot be of kind stage";
    }
    if (kind == FieldSpec.Kind.ENUM && values.isEmpty()) {
      return "an enum field lists its values";
    }
    if (kind != FieldSpec.Kind.ENUM && !values.isEmpty()) {
      return "only an enum field has values";
    }
    boolean numeric = kind == FieldSpec.Kind.NUMBER || kind == FieldSpec.Kind.MONEY || kind == FieldSpec.Kind.ITEMS;
    if (!numeric && (min != null || max != null)) {
      return "min and max are for number, money and items fields";
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      return "min " + min.toPlainString() + " is above max " + max.toPlainString();
    }
    if (pattern != null) {
      if (kind != FieldSpec.Kind.TEXT && kind != FieldSpec.Kind.PERSON) {
        return "a pattern is for text and person fields";
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        return "pattern is no regular expression: " + e.getDescription();
      }
    }
    if (currency != null && kind != FieldSpec.Kind.MONEY && kind != FieldSpec.Kind.ITEMS) {
      return "currency is for money and items fields";
    }
    return null;
  }
}
