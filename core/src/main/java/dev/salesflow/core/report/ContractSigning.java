package dev.salesflow.core.report;

import dev.salesflow.core.model.Amounts;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import java.util.List;
import dev.salesflow.core.process.Guard;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The event that signs a contract and its field holding the amount: the ones the process's approval
 * guard names (by default {@code contract_signed} and {@code amount}).
 */
final class ContractSigning {
  private final String type;
  private final String field;

  ContractSigning(ProcessDefinition process) {
    String t = "contract_signed";
    String f = "amount";
    for (Stage stage : process.stages()) {
      for (Guard guard : stage.exit()) {
        if (guard instanceof Guard.Approval approval) {
          t = approval.before();
          f = approval.amountField();
        }
      }
    }
    this.type = t;
    this.field = f;
  }

  /** The amount of the case's last contract signing within its legal events; empty when none or not an {@link Amounts amount}. */
  Optional<BigDecimal> value(Case c, Replay replay) {
    List<Event> legal = c.legalTimeline(replay);
    for (int i = legal.size() - 1; i >= 0; i--) {
      Event e = legal.get(i);
      if (e.type().equals(type) || e.isOpened()) {
        // a deal imported with its amount (a won one, as closed) counts it until a signing in salesflow
        return e.field(e.isOpened() ? "amount" : field).flatMap(Amounts::parse);
      }
    }
    return Optional.empty();
  }
}
