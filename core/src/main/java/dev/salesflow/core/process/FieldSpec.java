package dev.salesflow.core.process;

import dev.salesflow.core.model.Amounts;
import java.util.List;
import java.util.Objects;

/** What values an event field takes. */
public record FieldSpec(Kind kind, List<String> values) {

  /** The kinds of event field. */
  public enum Kind {
    TEXT,
    NUMBER,
    STAGE,
    ENUM,
    /** An ISO date, {@code 2026-12-20}. */
    DATE,
    /** An amount of money: a non-negative decimal with at most two places; its currency is another field. */
    MONEY,
    /** A person's name, as written on a form (the customer's signer, who confirmed). */
    PERSON,
    /** A list of items, each a model, a quantity and a price: only in a form ({@link FormField}). */
    ITEMS;

    @com.fasterxml.jackson.annotation.JsonCreator
    static Kind parse(String text) {
      return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public FieldSpec {
    Objects.requireNonNull(kind, "kind");
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** Why {@code value} does not fit this field, or null when it does. */
  String problem(String value, ProcessDefinition process) {
    return switch (kind) {
      case TEXT -> null;
      case NUMBER -> Amounts.isAmount(value) ? null : Amounts.problem(value);
      case STAGE -> process.isStage(value) ? null : "names no stage: '" + value + "' (stages: " + String.join(", ", process.allStageIds()) + ")";
      case ENUM -> values.contains(value) ? null : "must be one of " + String.join(", ", values) + ", got '" + value + "'";
      case DATE, MONEY, PERSON -> FieldValues.problem(kind, value);
      case ITEMS -> "is a list of items, written NAME.1.model, NAME.1.quantity, NAME.1.price";
    };
  }

}
