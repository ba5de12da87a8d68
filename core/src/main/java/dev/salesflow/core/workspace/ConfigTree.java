package dev.salesflow.core.workspace;

import dev.salesflow.core.sla.SlaRuleTree;
import dev.salesflow.core.yaml.TreeBinding;
import dev.salesflow.core.yaml.YamlNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds plainly written workspace settings and calendar maps without Jackson (see {@link
 * TreeBinding}); anything else is left to Jackson.
 */
final class ConfigTree {
  private static final Set<String> CONFIG_KEYS = Set.of(
      "timezone", "approval_threshold", "id_prefix", "process", "calendar", "sla", "store",
      // bound by TeamSettings from the tree
      "team", "approvals", "signatures", "allowed_signers",
      // bound by NotifySettings when notify runs
      "notify",
      // bound by Workspace from the tree
      "forms", "sources");
  private static final Set<String> CALENDAR_KEYS = Set.of("extends", "schedules", "working_hours", "holidays", "workdays");

  private ConfigTree() {}

  /** The settings written at {@code tree}, or empty when Jackson has to bind them. */
  static Optional<WorkspaceConfig> config(YamlNode tree) {
    try {
      Map<String, YamlNode> f = TreeBinding.fields(tree, CONFIG_KEYS);
      return Optional.of(new WorkspaceConfig(
          TreeBinding.string(f.get("timezone")),
          TreeBinding.integer(f.get("approval_threshold")),
          TreeBinding.string(f.get("id_prefix")),
          TreeBinding.string(f.get("process")),
          calendar(f.get("calendar")),
          SlaRuleTree.bindAll(f.get("sla")),
          TreeBinding.string(f.get("store"))));
    } catch (TreeBinding.NotPlain notPlain) { // as TreeBinding.attempt, without its lambda (see TreeBinding)
      return Optional.empty();
    }
  }

  /** A calendar map (as in a calendar file), or empty when Jackson has to bind it. */
  static Optional<CalendarSpec> calendarMap(YamlNode tree) {
    try {
      return Optional.of(calendar(tree));
    } catch (TreeBinding.NotPlain notPlain) {
      return Optional.empty();
    }
  }

  private static CalendarSpec calendar(YamlNode node) {
    if (TreeBinding.isNull(node)) {
      return null;
    }
    if (node instanceof YamlNode.Scalar) {
      return CalendarSpec.named(TreeBinding.string(node));
    }
    Map<String, YamlNode> f = TreeBinding.fields(node, CALENDAR_KEYS);
    return CalendarSpec.map(TreeBinding.string(f.get("extends")), TreeBinding.strings(f.get("schedules")),
        TreeBinding.strings(f.get("working_hours")),
        TreeBinding.strings(f.get("holidays")), TreeBinding.strings(f.get("workdays")));
  }
}
