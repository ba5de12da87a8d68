package dev.salesflow.core.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sales process a workspace follows, as far as a caller needs to know it: its stages, event
 * types and fields, lead sources and SLA rules, each with an English and a Chinese label. The
 * process itself (guards, rules) is data in the workspace's process file.
 */
public interface SalesProcess {

  /**
   * Every stage of the process.
   *
   * @return the stage ids in process order, the open stages first and then {@code closed} and {@code lost}
   */
  List<String> allStageIds();

  /**
   * Whether {@code stage} is one of the open stages (not closed, not lost).
   *
   * @param stage a stage id
   * @return true for an open stage
   */
  boolean isOpenStage(String stage);

  /**
   * Whether {@code stage} ends a case ({@code closed} or {@code lost}).
   *
   * @param stage a stage id
   * @return true for a terminal stage
   */
  boolean isTerminal(String stage);

  /**
   * The event types that may be recorded while a case is in {@code stage}.
   *
   * @param stage an open stage id
   * @return the event types allowed everywhere, then the stage's own
   */
  List<String> eventsAllowedIn(String stage);

  /**
   * The event types allowed in every open stage (a note, a call).
   *
   * @return their ids, in the order the process lists them
   */
  List<String> genericEvents();

  /**
   * Every event type the process declares.
   *
   * @return their ids, in the order the process lists them; {@code advance} is not among them
   */
  Set<String> eventTypeIds();

  /**
   * Every field an event may carry besides {@code at}, {@code type}, {@code by} and {@code note}.
   *
   * @return the field names, e.g. {@code to}, {@code reason}, {@code amount}
   */
  Set<String> eventFieldNames();

  /**
   * The further fields of an event export, one column each: {@link #eventFieldNames()}, then those
   * of the {@code opened} event that the process does not declare ({@code to}, {@code reason},
   * {@code amount}, {@code source}), so an imported case's opening comes back whole.
   *
   * @return the field names, each once, in column order
   */
  default java.util.List<String> eventColumns() {
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>(eventFieldNames());
    columns.addAll(Event.OPENED_FIELDS);
    return java.util.List.copyOf(columns);
  }

  /**
   * Whether an event of {@code type} may carry the field {@code field}: one of {@link
   * #eventFieldNames()}, or a field of the type's form.
   *
   * @param type an event type
   * @param field a field name
   * @return true when such an event may carry it
   */
  default boolean knowsEventField(String type, String field) {
    return eventFieldNames().contains(field);
  }

  /**
   * The lead sources a registration may name.
   *
   * @return source id to its labels, in the order the process lists them
   */
  Map<String, Labels> sources();

  /**
   * The SLA rules in force.
   *
   * @return their ids, in the order the process lists them
   */
  List<String> ruleIds();

  /**
   * The label of a stage.
   *
   * @param stage a stage id
   * @param lang {@code en} or {@code zh}
   * @return the label, or the id when the stage has none
   */
  String stageLabel(String stage, String lang);

  /**
   * The label of an event type.
   *
   * @param type an event type
   * @param lang {@code en} or {@code zh}
   * @return the label, or the type when it has none
   */
  String eventLabel(String type, String lang);

  /**
   * The label of an SLA rule.
   *
   * @param rule a rule id
   * @param lang {@code en} or {@code zh}
   * @return the label, or the id when the rule has none
   */
  String ruleLabel(String rule, String lang);
}
