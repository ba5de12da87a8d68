package dev.salesflow.core.sla;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.salesflow.core.yaml.TreeBinding;
import dev.salesflow.core.yaml.TreeBinding.NotPlain;
import dev.salesflow.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds a plainly written SLA rule without Jackson; see {@link TreeBinding}. */
public final class SlaRuleTree {
  private static final Set<String> KEYS = Set.of(
      "id", "labels", "start", "stop", "match", "target", "targets", "warn_before", "while", "every", "during", "escalate_after",
      "due", "before_due", "idle");

  private SlaRuleTree() {}

  /**
   * The rule written at {@code node}, as {@link SlaRule}'s Jackson creator builds it.
   *
   * @throws NotPlain when the rule is not plainly written or its creator refuses it
   */
  public static SlaRule bind(YamlNode node) {
    Map<String, YamlNode> f = TreeBinding.fields(node, KEYS);
    try {
      return SlaRule.fromYaml(TreeBinding.string(f.get("id")), TreeBinding.labels(f.get("labels")),
          start(f.get("start")), TreeBinding.strings(f.get("stop")), TreeBinding.string(f.get("match")),
          TreeBinding.string(f.get("target")), TreeBinding.stringMap(f.get("targets")),
          TreeBinding.string(f.get("warn_before")), TreeBinding.string(f.get("while")),
          TreeBinding.string(f.get("every")), TreeBinding.strings(f.get("during")),
          TreeBinding.string(f.get("escalate_after")), TreeBinding.stringMap(f.get("due")),
          TreeBinding.string(f.get("before_due")), TreeBinding.stringMap(f.get("idle")));
    } catch (IllegalArgumentException | JsonMappingException refused) {
      // the creator's own refusals: Jackson then reports them with their place; a bug propagates
      throw new NotPlain("rule refused: " + refused.getMessage());
    }
  }

  /** The rules of a sequence, bound one by one; null for a null. */
  public static List<SlaRule> bindAll(YamlNode node) {
    List<YamlNode> items = TreeBinding.items(node);
    if (items == null) {
      return null;
    }
    List<SlaRule> rules = new ArrayList<>(items.size());
    for (YamlNode item : items) {
      rules.add(bind(item));
    }
    return rules;
  }

  private static ClockStart start(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    if (node instanceof YamlNode.Scalar) {
      return ClockStart.ofText(TreeBinding.string(node));
    }
    String stage = TreeBinding.string(TreeBinding.fields(node, Set.of("enter")).get("enter"));
    if (stage == null) {
      throw new NotPlain("start: {enter} without a stage");
    }
    return ClockStart.entering(stage);
  }
}
