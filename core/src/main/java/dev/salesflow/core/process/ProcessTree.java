package dev.salesflow.core.process;

import dev.salesflow.core.sla.SlaRuleTree;
import dev.salesflow.core.yaml.TreeBinding;
import dev.salesflow.core.yaml.TreeBinding.NotPlain;
import dev.salesflow.core.yaml.YamlNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a plainly written process file without Jackson (see {@link TreeBinding}), so that opening a
 * workspace with its own process does not start Jackson (the default process is {@link
 * DefaultProcess}, generated Java). Anything else is left to {@link ProcessLoader}'s Jackson binding.
 */
final class ProcessTree {
  private static final Set<String> PROCESS_KEYS = Set.of("id", "labels", "sources", "event_fields", "event_types",
      "generic_events", "stages", "closed", "lost", "sla", "forecast");
  private static final Set<String> STAGE_KEYS = Set.of("id", "labels", "events", "exit", "probability");
  private static final Set<String> FORECAST_KEYS = Set.of("value_from");
  private static final Set<String> TERMINAL_KEYS = Set.of("id", "labels");
  private static final Set<String> FIELD_KEYS = Set.of("kind", "values");
  private static final Set<String> EVENT_TYPE_KEYS = Set.of("labels", "required", "roles", "role_field", "form", "anywhere");
  private static final Set<String> FORM_KEYS = Set.of("labels", "fields", "signatures");
  private static final Set<String> FORM_FIELD_KEYS = Set.of("kind", "labels", "required", "values", "min", "max",
      "pattern", "currency");

  private ProcessTree() {}

  /** The process written at {@code tree}, or empty when Jackson has to bind it. */
  static Optional<ProcessDefinition> bind(YamlNode tree) {
    return TreeBinding.attempt(() -> process(tree));
  }

  private static ProcessDefinition process(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, PROCESS_KEYS);
    return new ProcessDefinition(
        TreeBinding.required(TreeBinding.string(f.get("id")), "id"),
        TreeBinding.labels(f.get("labels")),
        TreeBinding.map(f.get("sources"), TreeBinding::labels),
        TreeBinding.map(f.get("event_fields"), ProcessTree::field),
        TreeBinding.map(f.get("event_types"), ProcessTree::eventType),
        TreeBinding.strings(f.get("generic_events")),
        TreeBinding.required(TreeBinding.list(f.get("stages"), ProcessTree::stage), "stages"),
        TreeBinding.required(terminal(f.get("closed")), "closed"),
        TreeBinding.required(terminal(f.get("lost")), "lost"),
        SlaRuleTree.bindAll(f.get("sla")),
        forecast(f.get("forecast")));
  }

  private static ForecastSpec forecast(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    Map<String, YamlNode> f = TreeBinding.fields(node, FORECAST_KEYS);
    return new ForecastSpec(TreeBinding.strings(f.get("value_from")));
  }

  private static FieldSpec field(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, FIELD_KEYS);
    return new FieldSpec(kind(f), TreeBinding.strings(f.get("values")));
  }

  private static FieldSpec.Kind kind(Map<String, YamlNode> f) {
    String kind = TreeBinding.required(TreeBinding.string(f.get("kind")), "kind");
    String name = kind.toUpperCase(java.util.Locale.ROOT); // as FieldSpec.Kind.parse, which throws for no kind
    for (FieldSpec.Kind k : FieldSpec.Kind.values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    throw new NotPlain("unknown kind " + kind);
  }

  private static EventTypeSpec eventType(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, EVENT_TYPE_KEYS);
    return new EventTypeSpec(TreeBinding.labels(f.get("labels")), TreeBinding.strings(f.get("required")),
        TreeBinding.strings(f.get("roles")), TreeBinding.string(f.get("role_field")), form(f.get("form")),
        bool(f.get("anywhere")));
  }

  private static Form form(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    Map<String, YamlNode> f = TreeBinding.fields(node, FORM_KEYS);
    return new Form(TreeBinding.labels(f.get("labels")), TreeBinding.map(f.get("fields"), ProcessTree::formField),
        TreeBinding.list(f.get("signatures"), TreeBinding::labels));
  }

  private static FormField formField(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, FORM_FIELD_KEYS);
    return new FormField(kind(f), TreeBinding.labels(f.get("labels")), bool(f.get("required")),
        TreeBinding.strings(f.get("values")), TreeBinding.integer(f.get("min")), TreeBinding.integer(f.get("max")),
        TreeBinding.string(f.get("pattern")), TreeBinding.string(f.get("currency")));
  }

  /** {@code true} or {@code false} written plainly; null for a null. */
  private static Boolean bool(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN
        && (s.text().equals("true") || s.text().equals("false"))) {
      return Boolean.valueOf(s.text());
    }
    throw new NotPlain("expected true or false");
  }

  private static Stage stage(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, STAGE_KEYS);
    return new Stage(TreeBinding.required(TreeBinding.string(f.get("id")), "id"), TreeBinding.labels(f.get("labels")),
        TreeBinding.strings(f.get("events")), TreeBinding.list(f.get("exit"), ProcessTree::guard),
        TreeBinding.integer(f.get("probability")));
  }

  private static TerminalStage terminal(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    Map<String, YamlNode> f = TreeBinding.fields(node, TERMINAL_KEYS);
    return new TerminalStage(TreeBinding.required(TreeBinding.string(f.get("id")), "id"), TreeBinding.labels(f.get("labels")));
  }

  /** A guard: a mapping whose {@code require} names the variant, as Jackson's type id. */
  private static Guard guard(YamlNode node) {
    Map<String, YamlNode> any = TreeBinding.fields(node, Set.of("require", "fields", "type", "where", "unless", "before",
        "amount_field", "threshold", "start", "stop", "match", "checklist", "floor_field", "signed", "roles"));
    String require = TreeBinding.string(any.get("require"));
    if (require == null) {
      throw new NotPlain("guard without require");
    }
    return switch (require) {
      case "registration" -> {
        Map<String, YamlNode> f = TreeBinding.fields(node, Set.of("require", "fields"));
        yield new Guard.Registration(TreeBinding.required(TreeBinding.strings(f.get("fields")), "fields"));
      }
      case "event" -> {
        Map<String, YamlNode> f = TreeBinding.fields(node, Set.of("require", "type", "where", "unless"));
        yield new Guard.EventRecorded(TreeBinding.required(TreeBinding.string(f.get("type")), "type"),
            TreeBinding.stringMap(f.get("where")), TreeBinding.stringMap(f.get("unless")));
      }
      case "approval" -> {
        Map<String, YamlNode> f = TreeBinding.fields(node, Set.of("require", "type", "where", "before", "amount_field", "threshold"));
        yield new Guard.Approval(TreeBinding.required(TreeBinding.string(f.get("type")), "type"),
            TreeBinding.stringMap(f.get("where")), TreeBinding.required(TreeBinding.string(f.get("before")), "before"),
            TreeBinding.string(f.get("amount_field")), TreeBinding.integer(f.get("threshold")));
      }
      case "paired" -> {
        Map<String, YamlNode> f = TreeBinding.fields(node, Set.of("require", "start", "stop", "match"));
        yield new Guard.Paired(TreeBinding.required(TreeBinding.string(f.get("start")), "start"),
            TreeBinding.required(TreeBinding.string(f.get("stop")), "stop"),
            TreeBinding.required(TreeBinding.string(f.get("match")), "match"));
      }
      case "floor_price" -> {
        Map<String, YamlNode> f = TreeBinding.fields(node, Set.of("require", "checklist", "floor_field", "signed",
            "amount_field", "type", "roles"));
        yield new Guard.FloorPrice(TreeBinding.required(TreeBinding.string(f.get("checklist")), "checklist"),
            TreeBinding.string(f.get("floor_field")), TreeBinding.required(TreeBinding.string(f.get("signed")), "signed"),
            TreeBinding.string(f.get("amount_field")), TreeBinding.required(TreeBinding.string(f.get("type")), "type"),
            TreeBinding.strings(f.get("roles")));
      }
      default -> throw new NotPlain("unknown guard " + require);
    };
  }
}
