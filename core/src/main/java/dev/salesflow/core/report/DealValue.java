package dev.salesflow.core.report;

import dev.salesflow.core.model.Amounts;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Replay;
import dev.salesflow.core.process.ForecastSpec;
import dev.salesflow.core.process.ProcessDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A deal's estimated value for the forecast, from the process's {@code forecast: value_from}
 * sources: the first source the case has recorded (within its legal events) gives the value of
 * its latest such event. A process without sources reads the contract value, as the funnel does.
 */
final class DealValue {
  private final List<String> types;
  private final List<String> fields;
  private final ContractSigning signing;

  DealValue(ProcessDefinition process) {
    List<String> sources = process.forecast().valueFrom();
    this.types = sources.stream().map(ForecastSpec::typeOf).toList();
    this.fields = sources.stream().map(ForecastSpec::fieldOf).toList();
    this.signing = new ContractSigning(process);
  }

  /**
   * The estimated value of {@code c}; empty when no source is recorded, or when the value of the
   * one that counts is not an {@link Amounts amount} (a hand-edited {@code 80万}: no value, the
   * next source is not consulted, as it is older news than the one written).
   */
  Optional<BigDecimal> value(Case c, Replay replay) {
    if (types.isEmpty()) {
      return signing.value(c, replay);
    }
    List<Event> legal = c.legalTimeline(replay);
    for (int s = 0; s < types.size(); s++) {
      for (int i = legal.size() - 1; i >= 0; i--) {
        Event e = legal.get(i);
        Optional<String> written = e.type().equals(types.get(s)) ? e.field(fields.get(s)) : Optional.empty();
        if (written.isPresent() && !written.get().isBlank()) {
          return Amounts.parse(written.get());
        }
      }
    }
    return Optional.empty();
  }
}
