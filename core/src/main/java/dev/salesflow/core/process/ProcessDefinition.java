package dev.salesflow.core.process;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.SalesProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sales process: ordered open stages, the terminal {@code closed} (forward from the last stage)
 * and {@code lost} (from any open stage), the event types and fields it knows. Loaded from YAML by
 * {@link ProcessLoader}; nothing of the manual is hard-coded in Java. Its {@code sla} rules put
 * deadlines on the events; its {@code forecast} says where a deal's estimated value is read.
 */
public record ProcessDefinition(
    String id,
    Labels labels,
    Map<String, Labels> sources,
    Map<String, FieldSpec> eventFields,
    Map<String, EventTypeSpec> eventTypes,
    List<String> genericEvents,
    List<Stage> stages,
    TerminalStage closed,
    TerminalStage lost,
    List<dev.salesflow.core.sla.SlaRule> sla,
    ForecastSpec forecast) implements SalesProcess {

  public ProcessDefinition {
    Objects.requireNonNull(id, "id");
    labels = labels == null ? new Labels(id, id) : labels;
    sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    eventFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventFields == null ? Map.of() : eventFields));
    eventTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventTypes == null ? Map.of() : eventTypes));
    genericEvents = genericEvents == null ? List.of() : List.copyOf(genericEvents);
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    Objects.requireNonNull(closed, "closed");
    Objects.requireNonNull(lost, "lost");
    sla = sla == null ? List.of() : List.copyOf(sla);
    forecast = forecast == null ? ForecastSpec.NONE : forecast;
  }

  /** This process with its SLA rules replaced by {@code rules}. */
  public ProcessDefinition withSla(List<dev.salesflow.core.sla.SlaRule> rules) {
    return new ProcessDefinition(id, labels, sources, eventFields, eventTypes, genericEvents, stages, closed, lost, rules, forecast);
  }

  /** This process with its lead sources replaced by {@code sources} (id to labels, in order). */
  public ProcessDefinition withSources(Map<String, Labels> sources) {
    return new ProcessDefinition(id, labels, sources, eventFields, eventTypes, genericEvents, stages, closed, lost, sla, forecast);
  }

  /** The rule with {@code id}, if the process has one. */
  public Optional<dev.salesflow.core.sla.SlaRule> slaRule(String id) {
    for (dev.salesflow.core.sla.SlaRule rule : sla) {
      if (rule.id().equals(id)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The label of an SLA rule in {@code lang}, or its id. */
  public String ruleLabel(String id, String lang) {
    dev.salesflow.core.sla.SlaRule rule = slaRule(id).orElse(null);
    return rule == null || rule.labels() == null ? id : rule.labels().in(lang);
  }

  /** The first stage, where every case starts. */
  public Stage initialStage() {
    return stages.get(0);
  }

  /** The open stage with {@code id}. */
  public Optional<Stage> openStage(String id) {
    // loops, not streams, in what every command calls: a stream pipeline costs a JVM that has just
    // started far more than the handful of stages it would walk
    for (Stage stage : stages) {
      if (stage.id().equals(id)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean isOpenStage(String id) {
    return openStage(id).isPresent();
  }

  @Override
  public java.util.Set<String> eventTypeIds() {
    return eventTypes.keySet();
  }

  @Override
  public java.util.Set<String> eventFieldNames() {
    return eventFields.keySet();
  }

  @Override
  public List<String> ruleIds() {
    List<String> ids = new ArrayList<>(sla.size());
    for (dev.salesflow.core.sla.SlaRule rule : sla) {
      ids.add(rule.id());
    }
    return List.copyOf(ids);
  }

  /** True for any stage id, open or terminal. */
  public boolean isStage(String id) {
    return openStage(id).isPresent() || isTerminal(id);
  }

  /** True for {@code closed} and {@code lost}. */
  public boolean isTerminal(String id) {
    return closed.id().equals(id) || lost.id().equals(id);
  }

  /** Every stage id in order, terminal ones last. */
  public List<String> allStageIds() {
    List<String> ids = new ArrayList<>(stages.size() + 2);
    for (Stage stage : stages) {
      ids.add(stage.id());
    }
    ids.add(closed.id());
    ids.add(lost.id());
    return ids;
  }

  /** The stage a forward move from {@code id} reaches; {@code closed} after the last one. */
  public Optional<String> next(String id) {
    int i = indexOf(id);
    if (i < 0) {
      return Optional.empty();
    }
    return Optional.of(i + 1 < stages.size() ? stages.get(i + 1).id() : closed.id());
  }

  /** The stage rework from {@code id} returns to; empty for the first stage. */
  public Optional<String> previous(String id) {
    int i = indexOf(id);
    return i > 0 ? Optional.of(stages.get(i - 1).id()) : Optional.empty();
  }

  /** Position of the open stage {@code id}, or -1. */
  public int indexOf(String id) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The label of any stage in {@code lang}. */
  public String stageLabel(String id, String lang) {
    if (closed.id().equals(id)) {
      return closed.labels().in(lang);
    }
    if (lost.id().equals(id)) {
      return lost.labels().in(lang);
    }
    Stage stage = openStage(id).orElse(null);
    return stage == null ? id : stage.labels().in(lang);
  }

  /** The label of an event type in {@code lang}. */
  public String eventLabel(String type, String lang) {
    if (Event.ADVANCE.equals(type)) {
      return "zh".equals(lang) ? "阶段变更" : "Stage change";
    }
    if (Event.OPENED.equals(type)) {
      return "zh".equals(lang) ? "导入开启" : "Opened (imported)";
    }
    EventTypeSpec spec = eventTypes.get(type);
    return spec == null ? type : spec.labels().in(lang);
  }

  /** Event types that may be recorded while a case is in the open stage {@code id}. */
  public List<String> eventsAllowedIn(String id) {
    List<String> allowed = new ArrayList<>(genericEvents);
    Stage stage = openStage(id).orElse(null);
    if (stage != null) {
      allowed.addAll(stage.events());
    }
    return allowed;
  }

  /**
   * Problems with an event's own fields: unknown names, values of the wrong kind, required fields
   * missing, a form's items numbered with gaps or without model or quantity. Keys are field names
   * ({@code type} for the type itself), values the messages. A form's required fields are judged
   * only by {@link #formProblems} ({@code forms: required}).
   */
  public Map<String, String> fieldProblems(Event event) {
    // every event of every case read or replayed comes here, almost always without a problem:
    // the map is made only when there is one
    if (!event.isAdvance() && !event.isOpened() && !eventTypes.containsKey(event.type())) {
      Map<String, String> problems = new LinkedHashMap<>();
      problems.put("type", "unknown event type '" + event.type() + "' (known: " + String.join(", ", eventTypes.keySet()) + ")");
      return problems;
    }
    Form form = formOf(event.type());
    Map<String, String> problems = null;
    for (Map.Entry<String, String> f : event.fields().entrySet()) {
      String problem = valueProblem(event.type(), f.getKey(), f.getValue());
      if (problem != null) {
        if (problems == null) {
          problems = new LinkedHashMap<>();
        }
        problems.put(f.getKey(), problem);
      }
    }
    List<String> required = event.isAdvance() || event.isOpened() ? ADVANCE_REQUIRED
        : FIXED_REQUIRED.getOrDefault(event.type(), eventTypes.get(event.type()).required());
    for (String name : required) {
      String value = event.fields().get(name);
      if (value == null || value.isBlank()) {
        if (problems == null) {
          problems = new LinkedHashMap<>();
        }
        problems.putIfAbsent(name, "'" + event.type() + "' needs the field '" + name + "'");
      }
    }
    if (form != null) {
      for (Map.Entry<String, String> missing : form.missing(event, false).entrySet()) {
        if (problems == null) {
          problems = new LinkedHashMap<>();
        }
        problems.putIfAbsent(missing.getKey(), "'" + event.type() + "' form: " + missing.getValue());
      }
    }
    return problems == null ? Map.of() : problems;
  }

  /**
   * What the form of {@code event}'s type is missing once a workspace requires forms ({@code forms:
   * required}): each required field not filled in, by field id ("needs 'signer'"). Empty for a
   * type without a form.
   */
  public Map<String, String> formProblems(Event event) {
    Form form = formOf(event.type());
    return form == null ? Map.of() : form.missing(event, true);
  }

  /** {@link #formProblems}, each a catalog entry. */
  public Map<String, dev.salesflow.core.model.Message> formProblemTexts(Event event) {
    Form form = formOf(event.type());
    return form == null ? Map.of() : form.missingTexts(event, true);
  }

  /** The form events of {@code type} carry, or null. */
  public Form formOf(String type) {
    EventTypeSpec spec = type == null ? null : eventTypes.get(type);
    return spec == null ? null : spec.form();
  }

  @Override
  public boolean knowsEventField(String type, String field) {
    return knowsField(type, field);
  }

  /** Whether an event of {@code type} may carry the field {@code key}: its form's, or one of {@code event_fields}. */
  public boolean knowsField(String type, String key) {
    if (Event.RECORDED_AT.equals(key)) {
      return true;
    }
    Map<String, FieldSpec> fixed = FIXED_FIELDS.get(type);
    if (fixed != null) {
      return fixed.containsKey(key);
    }
    Form form = formOf(type);
    return form != null && form.knows(key) || eventFields.containsKey(key);
  }

  /**
   * Why {@code value} does not fit the field {@code key} of an event of {@code type} (its form's
   * field first, else the process's event field), or null when it does.
   */
  public String valueProblem(String type, String key, String value) {
    if (Event.RECORDED_AT.equals(key)) {
      return Event.recordedTime(value).isPresent() ? null : "field '" + key + "' is not a time with an offset (e.g. 2026-11-04T10:00:00+08:00)";
    }
    Form form = formOf(type);
    if (form != null && form.knows(key)) {
      String problem = form.problem(key, value, this);
      return problem == null ? null : "field '" + key + "' " + problem;
    }
    Map<String, FieldSpec> fixed = FIXED_FIELDS.get(type);
    FieldSpec spec = fixed != null ? fixed.get(key) : eventFields.get(key);
    if (spec == null) {
      return "unknown event field '" + key + "' (known: " + String.join(", ", knownFieldNames(type)) + ")";
    }
    String problem = spec.problem(value, this);
    return problem == null ? null : "field '" + key + "' " + problem;
  }

  /** The further fields an event of {@code type} may carry: its form's, then the process's. */
  private List<String> knownFieldNames(String type) {
    Map<String, FieldSpec> fixed = FIXED_FIELDS.get(type);
    if (fixed != null) {
      return List.copyOf(fixed.keySet());
    }
    List<String> names = new ArrayList<>();
    Form form = formOf(type);
    if (form != null) {
      for (Map.Entry<String, FormField> f : form.fields().entrySet()) {
        names.add(f.getValue().kind() == FieldSpec.Kind.ITEMS ? f.getKey() + ".N.model|quantity|price" : f.getKey());
      }
    }
    for (String name : eventFields.keySet()) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The role ids of the process: the values of its {@code role} event field (an approval's role,
   * the roles of a team's people), empty when it has no such enum field.
   */
  public List<String> roleIds() {
    FieldSpec role = eventFields.get("role");
    return role == null || role.kind() != FieldSpec.Kind.ENUM ? List.of() : role.values();
  }

  private static final List<String> ADVANCE_REQUIRED = List.of("to");

  /**
   * The fields of the event types salesflow itself gives a meaning to, whatever the process
   * declares: the same in every process. {@code opened} needs no declaration; {@code
   * registration_edited}, {@code reassigned} and {@code reopened} are recorded only in a process
   * that declares them under {@code event_types}.
   */
  private static final Map<String, Map<String, FieldSpec>> FIXED_FIELDS = fixedFields();

  /** The fields the fixed types other than {@code opened} require, in the order they are reported. */
  private static final Map<String, List<String>> FIXED_REQUIRED = Map.of(
      Event.REASSIGNED, List.of("to"),
      Event.REOPENED, List.of("to", "reason"));

  private static Map<String, Map<String, FieldSpec>> fixedFields() {
    FieldSpec text = new FieldSpec(FieldSpec.Kind.TEXT, null);
    FieldSpec stage = new FieldSpec(FieldSpec.Kind.STAGE, null);
    Map<String, FieldSpec> opened = new LinkedHashMap<>();
    opened.put("to", stage);
    opened.put("reason", text);
    opened.put("amount", new FieldSpec(FieldSpec.Kind.NUMBER, null));
    opened.put("source", text);
    Map<String, FieldSpec> edited = new LinkedHashMap<>();
    for (dev.salesflow.core.model.RegistrationField f : dev.salesflow.core.model.RegistrationField.values()) {
      if (f.editable()) {
        edited.put(f.path(), text);
      }
    }
    edited.put("reason", text);
    Map<String, FieldSpec> reassigned = new LinkedHashMap<>();
    reassigned.put("to", text);
    reassigned.put("from", text);
    reassigned.put("reason", text);
    Map<String, FieldSpec> reopened = new LinkedHashMap<>();
    reopened.put("to", stage);
    reopened.put("reason", text);
    return Map.of(Event.OPENED, opened, Event.REGISTRATION_EDITED, edited, Event.REASSIGNED, reassigned,
        Event.REOPENED, reopened);
  }

  /** at, type, by, note and the further fields of an event of {@code type}, for "known fields" messages. */
  public String knownEventFieldNames(String type) {
    List<String> names = new ArrayList<>(List.of("at", "type", "by", "note"));
    names.addAll(knownFieldNames(type));
    return String.join(", ", names);
  }
}
