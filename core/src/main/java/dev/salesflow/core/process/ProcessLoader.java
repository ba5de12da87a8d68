package dev.salesflow.core.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads a process definition from YAML and checks that it is consistent. */
public final class ProcessLoader {
  static final String DEFAULT_RESOURCE = "/dev/salesflow/core/process/default-process.yaml";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ProcessLoader() {}

  /**
   * Binds snake_case YAML to records; unknown properties fail with the known names listed. Made on
   * first use: plainly written files are bound without it ({@link ProcessTree}).
   */
  public static YAMLMapper mapper() {
    return Mapper.INSTANCE;
  }

  /** Holds the mapper, so that Jackson starts only when a file needs it. */
  private static final class Mapper {
    static final YAMLMapper INSTANCE = newMapper();
  }

  private static YAMLMapper newMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    return mapper;
  }

  /**
   * The process shipped with salesflow (the standard sales-process manual): {@code
   * default-process.yaml}, built by generated code that a test keeps equal to binding the YAML.
   */
  public static ProcessDefinition defaultProcess() {
    return DefaultProcess.definition();
  }

  /** Loads a replacement process from {@code file}. */
  public static ProcessDefinition load(Path file) throws IOException {
    return parse(YamlTreeReader.decodeUtf8OrThrow(Files.readAllBytes(file), file), file);
  }

  /** Parses and checks a process definition; {@code file} names it in diagnostics. */
  public static ProcessDefinition parse(String text, Path file) {
    YamlNode tree;
    try {
      tree = YamlTreeReader.readMapping(text);
    } catch (YamlSyntaxException e) {
      throw configError(file, DiagnosticCode.ofSlug(e.code()), e.position(), e.getMessage());
    }
    ProcessDefinition process = ProcessTree.bind(tree)
        .orElseGet(() -> bind(mapper(), text, ProcessDefinition.class, file, tree));
    List<Diagnostic> problems = new ProcessValidator(process, tree, file).validate();
    if (!problems.isEmpty()) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, problems);
    }
    return process;
  }

  /**
   * Binds {@code text} to {@code type}, turning Jackson's errors into a diagnostic located with
   * {@code tree} (Jackson's own YAML locations point past the offending key).
   */
  public static <T> T bind(YAMLMapper mapper, String text, Class<T> type, Path file, YamlNode tree) {
    T value;
    try {
      value = mapper.readValue(text, type);
    } catch (JsonProcessingException e) {
      // every bad top-level key, not only the first: each is bound again on its own
      List<Diagnostic> all = new ArrayList<>(List.of(diagnosticOf(e, file, tree)));
      for (Diagnostic d : eachBadKey(mapper, text, type, file, tree)) {
        if (all.stream().noneMatch(known -> known.position().equals(d.position()) && known.message().equals(d.message()))) {
          all.add(d);
        }
      }
      all.sort(java.util.Comparator.comparing((Diagnostic d) -> d.position().line()).thenComparing(d -> d.position().column()));
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, all);
    }
    if (value == null) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
          DiagnosticCode.MISSING_FIELD, file, SourcePosition.START, Message.of(MessageKey.FILE_IS_EMPTY))));
    }
    return value;
  }

  /**
   * The problem of each top-level key of {@code text} bound alone into {@code type} that is that
   * key's own (an unknown field, a wrong kind of value); a key that fails alone only for want of
   * its siblings (a record's invariant) is no problem here.
   */
  private static List<Diagnostic> eachBadKey(YAMLMapper mapper, String text, Class<?> type, Path file, YamlNode tree) {
    List<Diagnostic> problems = new ArrayList<>();
    try {
      if (!(mapper.readTree(text) instanceof com.fasterxml.jackson.databind.node.ObjectNode all)) {
        return problems;
      }
      for (var field : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) all::fields) {
        com.fasterxml.jackson.databind.node.ObjectNode alone = mapper.createObjectNode();
        alone.set(field.getKey(), field.getValue());
        try {
          mapper.treeToValue(alone, type);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) { // an unknown field too
          problems.add(diagnosticOf(e, file, tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
          // not this key's own problem: the whole file's first problem tells it
        }
      }
    } catch (JsonProcessingException e) {
      return List.of();
    }
    return problems;
  }

  /** A binding failure as a diagnostic at its key, in words (never Jackson's or Java's type names). */
  private static Diagnostic diagnosticOf(JsonProcessingException e, Path file, YamlNode tree) {
    SourcePosition at = e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? SourcePosition.START
        : new SourcePosition(e.getLocation().getLineNr(), Math.max(1, e.getLocation().getColumnNr()));
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      return Diagnostic.error(DiagnosticCode.UNKNOWN_FIELD, file, tree.positionOf(pathSteps(u)),
          Message.of(MessageKey.UNKNOWN_FIELD, u.getPropertyName(), String.join(", ", known)));
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v) {
      Throwable cause = v.getCause() != null ? v.getCause() : v;
      return Diagnostic.error(DiagnosticCode.BAD_VALUE, file, v.getPath().isEmpty() ? at : tree.positionOf(pathSteps(v)),
          cause.getMessage());
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
        && !m.getPath().isEmpty()) {
      Object[] steps = pathSteps(m);
      return Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, tree.valuePositionOf(steps),
          Message.of(MessageKey.MUST_BE, pathOf(m), expected(m.getTargetType()), found(tree, steps)));
    }
    String message = e.getOriginalMessage().lines().findFirst().orElse("invalid value");
    String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? pathOf(m) : "";
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      at = tree.valuePositionOf(pathSteps(m));
    }
    return Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, at, (path.isEmpty() ? "" : path + ": ") + message);
  }

  /** What a value of {@code type} is, in a user's words. */
  private static Message expected(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return Message.of(MessageKey.A_NUMBER);
    } else if (type == Boolean.class || type == boolean.class) {
      return Message.of(MessageKey.TRUE_OR_FALSE);
    } else if (type == String.class || type.isEnum()) {
      return Message.of(MessageKey.A_SINGLE_VALUE);
    } else if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return Message.of(MessageKey.A_LIST);
    }
    return Message.of(MessageKey.A_MAPPING);
  }

  /** The value at {@code steps} as found: its text, or that it is a list or a mapping. */
  private static Message found(YamlNode tree, Object[] steps) {
    YamlNode node = tree;
    for (Object step : steps) {
      if (node instanceof YamlNode.Mapping m && step instanceof String key && m.entries().containsKey(key)) {
        node = m.entries().get(key).value();
      } else if (node instanceof YamlNode.Sequence q && step instanceof Integer i && i >= 0 && i < q.items().size()) {
        node = q.items().get(i);
      } else {
        return Message.of(MessageKey.ANOTHER_KIND);
      }
    }
    if (node instanceof YamlNode.Scalar sc) {
      String text = sc.text() == null ? "" : sc.text();
      return Message.literal("'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'");
    }
    return kind(node);
  }

  /** {@link YamlNode#kind} as a catalog entry where the catalog has it. */
  public static Message kind(YamlNode node) {
    return dev.salesflow.core.yaml.SettingsBinder.kind(node);
  }

  private static Object[] pathSteps(com.fasterxml.jackson.databind.JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? (Object) ref.getFieldName() : (Object) ref.getIndex())
        .toArray();
  }

  private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static DiagnosticsException configError(Path file, DiagnosticCode code, SourcePosition at, String message) {
    return new DiagnosticsException(
        DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(code, file, at, message)));
  }

  /** Cross-checks names inside a bound definition, collecting every problem with its place. */
  private static final class ProcessValidator {
    private final ProcessDefinition p;
    private final YamlNode tree;
    private final Path file;
    private final List<Diagnostic> problems = new ArrayList<>();

    ProcessValidator(ProcessDefinition p, YamlNode tree, Path file) {
      this.p = p;
      this.tree = tree;
      this.file = file;
    }

    List<Diagnostic> validate() {
      if (p.stages().isEmpty()) {
        add(DiagnosticCode.MISSING_FIELD, "a process needs at least one stage", "stages");
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < p.stages().size(); i++) {
        Stage stage = p.stages().get(i);
        if (!ids.add(stage.id()) || p.isTerminal(stage.id()) || Event.ADVANCE.equals(stage.id())) {
          add(DiagnosticCode.BAD_VALUE, "stage id '" + stage.id() + "' is used twice or reserved", "stages", i, "id");
        }
        for (int j = 0; j < stage.events().size(); j++) {
          knownEventType(stage.events().get(j), "stages", i, "events", j);
        }
        for (int j = 0; j < stage.exit().size(); j++) {
          checkGuard(stage.exit().get(j), "stages", i, "exit", j);
        }
        BigDecimal probability = stage.probability();
        if (probability != null && (probability.signum() < 0 || probability.compareTo(HUNDRED) > 0)) {
          add(DiagnosticCode.BAD_VALUE, "stage '" + stage.id() + "': probability must be a percentage from 0 to 100, got "
              + probability.toPlainString(), "stages", i, "probability");
        }
      }
      List<String> sources = p.forecast().valueFrom();
      for (int j = 0; j < sources.size(); j++) {
        checkValueSource(sources.get(j), "forecast", "value_from", j);
      }
      if (p.closed().id().equals(p.lost().id())) {
        add(DiagnosticCode.BAD_VALUE, "closed and lost need different ids", "lost", "id");
      }
      for (int j = 0; j < p.genericEvents().size(); j++) {
        knownEventType(p.genericEvents().get(j), "generic_events", j);
      }
      List<String> roles = p.roleIds();
      for (Map.Entry<String, EventTypeSpec> type : p.eventTypes().entrySet()) {
        for (String field : type.getValue().required()) {
          knownTypeField(type.getKey(), field, "event_types", type.getKey(), "required");
        }
        if (type.getValue().form() != null) {
          checkForm(type.getValue().form(), "event_types", type.getKey(), "form");
        }
        for (String role : type.getValue().roles()) {
          if (!roles.contains(role)) {
            add(DiagnosticCode.BAD_VALUE, "unknown role '" + role + "' (the values of the event field 'role': "
                + String.join(", ", roles) + ")", "event_types", type.getKey(), "roles");
          }
        }
        if (type.getValue().roleField() != null) {
          knownField(type.getValue().roleField(), "event_types", type.getKey(), "role_field");
        }
      }
      for (Map.Entry<String, FieldSpec> field : p.eventFields().entrySet()) {
        if (field.getValue().kind() == FieldSpec.Kind.ENUM && field.getValue().values().isEmpty()) {
          add(DiagnosticCode.MISSING_FIELD, "enum field '" + field.getKey() + "' lists no values", "event_fields", field.getKey());
        }
      }
      for (var problem : dev.salesflow.core.sla.SlaRuleValidator.check(p.sla(), p)) {
        add(DiagnosticCode.BAD_VALUE, problem.message(), "sla", problem.ruleIndex(), problem.field());
      }
      return problems;
    }

    private void checkGuard(Guard guard, Object... at) {
      if (guard instanceof Guard.Registration r) {
          for (String alternatives : r.fields()) {
            for (String path : alternatives.split("\\|")) {
              if (RegistrationField.ofPath(path.strip()).isEmpty()) {
                add(DiagnosticCode.BAD_VALUE, "unknown registration field '" + path.strip() + "' (known: "
                    + String.join(", ", RegistrationField.paths()) + ")", append(at, "fields"));
              }
            }
          }
      } else if (guard instanceof Guard.EventRecorded e) {
          knownEventType(e.type(), append(at, "type"));
          checkWhere(e.type(), e.where(), append(at, "where"));
          checkWhere(e.type(), e.unless(), append(at, "unless"));
      } else if (guard instanceof Guard.Approval a) {
          knownEventType(a.type(), append(at, "type"));
          knownEventType(a.before(), append(at, "before"));
          knownField(a.amountField(), append(at, "amount_field"));
          checkWhere(a.type(), a.where(), append(at, "where"));
      } else if (guard instanceof Guard.FloorPrice floor) {
          knownEventType(floor.checklist(), append(at, "checklist"));
          knownEventType(floor.signed(), append(at, "signed"));
          knownEventType(floor.type(), append(at, "type"));
          knownTypeField(floor.checklist(), floor.floorField(), append(at, "floor_field"));
          knownTypeField(floor.signed(), floor.amountField(), append(at, "amount_field"));
          for (String role : floor.roles()) {
            if (!p.roleIds().contains(role)) {
              add(DiagnosticCode.BAD_VALUE, "unknown role '" + role + "' (the values of the event field 'role': "
                  + String.join(", ", p.roleIds()) + ")", append(at, "roles"));
            }
          }
      } else if (guard instanceof Guard.Paired pair) {
          knownEventType(pair.start(), append(at, "start"));
          knownEventType(pair.stop(), append(at, "stop"));
          knownField(pair.match(), append(at, "match"));
      }
    }

    /** A forecast's value source: {@code TYPE.FIELD}, an event type of the process (or {@code opened}) and one of its fields. */
    private void checkValueSource(String source, Object... at) {
      String type = ForecastSpec.typeOf(source);
      String field = ForecastSpec.fieldOf(source);
      if (type == null) {
        add(DiagnosticCode.BAD_VALUE, "forecast value source '" + source
            + "' must be an event type and its field, e.g. contract_signed.amount", at);
      } else if (!Event.OPENED.equals(type) && !p.eventTypes().containsKey(type)) {
        knownEventType(type, at);
      } else if (!p.knowsField(type, field)) {
        knownTypeField(type, field, at);
      }
    }

    /** The values a guard's {@code where} or {@code unless} names, judged as fields of an event of {@code type}. */
    private void checkWhere(String type, Map<String, String> where, Object... at) {
      for (Map.Entry<String, String> w : where.entrySet()) {
        if (!p.knowsField(type, w.getKey())) {
          knownTypeField(type, w.getKey(), append(at, w.getKey()));
          continue;
        }
        String problem = p.valueProblem(type, w.getKey(), w.getValue());
        if (problem != null) {
          add(DiagnosticCode.BAD_VALUE, problem, append(at, w.getKey()));
        }
      }
    }

    private void checkForm(Form form, Object... at) {
      for (Map.Entry<String, FormField> f : form.fields().entrySet()) {
        Object[] place = append(at, "fields", f.getKey());
        String problem = f.getValue().declarationProblem();
        if (problem != null) {
          add(DiagnosticCode.BAD_VALUE, "form field '" + f.getKey() + "': " + problem, place);
        }
        if (!f.getKey().matches("[a-z][a-z0-9_]*")) {
          add(DiagnosticCode.BAD_VALUE, "form field id '" + f.getKey()
              + "' must be lower-case letters, digits and _, starting with a letter", place);
        }
        boolean money = f.getValue().kind() == FieldSpec.Kind.MONEY || f.getValue().kind() == FieldSpec.Kind.ITEMS;
        FormField currency = form.fields().get(f.getValue().currencyField());
        if (money && (currency == null || currency.kind() != FieldSpec.Kind.ENUM)) {
          add(DiagnosticCode.BAD_VALUE, "form field '" + f.getKey() + "' is money: the form needs an enum field '"
              + f.getValue().currencyField() + "' for its currency (or name another with currency:)", place);
        }
      }
    }

    private void knownEventType(String type, Object... at) {
      if (!p.eventTypes().containsKey(type)) {
        add(DiagnosticCode.BAD_VALUE, "unknown event type '" + type + "' (declare it under event_types)", at);
      }
    }

    private void knownTypeField(String type, String field, Object... at) {
      if (!p.knowsField(type, field)) {
        add(DiagnosticCode.BAD_VALUE, "unknown event field '" + field + "' (known: "
            + p.knownEventFieldNames(type).substring("at, type, by, note, ".length()) + ")", at);
      }
    }

    private void knownField(String field, Object... at) {
      if (!p.eventFields().containsKey(field)) {
        add(DiagnosticCode.BAD_VALUE, "unknown event field '" + field + "' (known: "
            + String.join(", ", p.eventFields().keySet()) + ")", at);
      }
    }

    private void add(DiagnosticCode code, String message, Object... path) {
      problems.add(Diagnostic.error(code, file, tree.positionOf(path), message));
    }

    private static Object[] append(Object[] path, Object... more) {
      Object[] all = java.util.Arrays.copyOf(path, path.length + more.length);
      System.arraycopy(more, 0, all, path.length, more.length);
      return all;
    }
  }
}
