package dev.salesflow.core.report;

import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import dev.salesflow.core.sla.SlaRule;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a store answering reports from {@link CaseFacts} needs to know of the process: the stage ids
 * ({@code stages} fixes the bit order of {@link CaseFacts#reached()}), which are open, and the rules.
 *
 * @param stages every stage id, in process order (open stages, then closed, then lost)
 * @param open the open stage ids, in process order
 * @param closed the closed stage id
 * @param lost the lost stage id
 * @param rules the SLA rule ids, in process order
 * @param zone the workspace zone, whose calendar days a report's period counts
 * @param probability the percentage chance of a win of each open stage that has one (the forecast)
 */
public record ReportPlan(List<String> stages, List<String> open, String closed, String lost, List<String> rules,
    ZoneId zone, Map<String, BigDecimal> probability) {
  public ReportPlan {
    stages = List.copyOf(stages);
    probability = Map.copyOf(probability);
    open = List.copyOf(open);
    rules = List.copyOf(rules);
    Objects.requireNonNull(closed, "closed");
    Objects.requireNonNull(lost, "lost");
    Objects.requireNonNull(zone, "zone");
    if (stages.size() > 63) {
      throw new IllegalArgumentException("at most 63 stages fit the reached bits, not " + stages.size());
    }
  }

  /** The plan of {@code process} in {@code zone}. */
  public static ReportPlan of(ProcessDefinition process, ZoneId zone) {
    Map<String, BigDecimal> probability = new HashMap<>();
    for (Stage stage : process.stages()) {
      if (stage.probability() != null) {
        probability.put(stage.id(), stage.probability());
      }
    }
    return new ReportPlan(process.allStageIds(), process.stages().stream().map(Stage::id).toList(),
        process.closed().id(), process.lost().id(), process.sla().stream().map(SlaRule::id).toList(), zone, probability);
  }

  /** The bit of {@code stage} in {@link CaseFacts#reached()}; 0 for a stage not in the process. */
  public long bit(String stage) {
    int i = stages.indexOf(stage);
    return i < 0 ? 0 : 1L << i;
  }
}
