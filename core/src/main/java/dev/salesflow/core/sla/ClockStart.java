package dev.salesflow.core.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What starts an SLA clock: the registration ({@code start: registered}), each event of a type
 * ({@code start: meeting}), or each entry into a stage ({@code start: {enter: delivery}}).
 */
public sealed interface ClockStart {

  /** The YAML form, for messages and merged configuration. */
  String text();

  /** Reads the YAML form; anything else is refused with the accepted forms. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ClockStart of(JsonNode node) {
    if (node.isTextual()) {
      return ofText(node.asText());
    }
    if (node.isObject() && node.size() == 1 && node.has("enter") && node.get("enter").isTextual()) {
      return entering(node.get("enter").asText());
    }
    throw new IllegalArgumentException(
        "start must be 'registered', an event type, or {enter: STAGE}; got " + node);
  }

  /** The start written as text: {@code registered} or an event type. */
  static ClockStart ofText(String text) {
    String t = text.strip();
    return t.equals("registered") ? new Registered() : new OnEvent(t);
  }

  /** The start written {@code {enter: STAGE}}. */
  static ClockStart entering(String stage) {
    return new OnEntering(stage.strip());
  }

  /** The case's registration. */
  record Registered() implements ClockStart {
    @Override
    public String text() {
      return "registered";
    }
  }

  /** Each event of {@code type}. */
  record OnEvent(String type) implements ClockStart {
    public OnEvent {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String text() {
      return type;
    }
  }

  /** Each entry into {@code stage}. */
  record OnEntering(String stage) implements ClockStart {
    public OnEntering {
      Objects.requireNonNull(stage, "stage");
    }

    @Override
    public String text() {
      return "{enter: " + stage + "}";
    }
  }
}
