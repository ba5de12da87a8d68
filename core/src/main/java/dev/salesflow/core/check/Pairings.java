package dev.salesflow.core.check;

import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.process.Guard;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import dev.salesflow.core.sla.ClockStart;
import dev.salesflow.core.sla.SlaRule;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The process's paired events ({@link DiagnosticCode#UNPAIRED_ISSUE}): a stop event such as
 * {@code issue_resolved} must follow a start event ({@code issue_reported}) with the same key field
 * ({@code issue}), from the stages' paired guards and the SLA rules that match on a field. {@code
 * check} reports each unpaired stop event; a write refuses one.
 */
public final class Pairings {
  /** A stop event type whose events must each follow a start event with the same key field. */
  private record Pairing(String start, String stop, String key) {}

  private final List<Pairing> pairs;

  private Pairings(List<Pairing> pairs) {
    this.pairs = pairs;
  }

  /** The pairings {@code process} declares. */
  public static Pairings of(ProcessDefinition process) {
    Set<Pairing> pairs = new LinkedHashSet<>();
    for (Stage stage : process.stages()) {
      for (Guard guard : stage.exit()) {
        if (guard instanceof Guard.Paired p) {
          pairs.add(new Pairing(p.start(), p.stop(), p.match()));
        }
      }
    }
    for (SlaRule rule : process.sla()) {
      if (rule.match() != null && rule.start() instanceof ClockStart.OnEvent on && rule.stop() != null) {
        for (String stop : rule.stop()) {
          pairs.add(new Pairing(on.type(), stop, rule.match()));
        }
      }
    }
    return new Pairings(List.copyOf(pairs));
  }

  /** A stop event of {@code events} without an earlier start event with its key: where, and why. */
  public record Unpaired(int index, String message) {}

  /** Every stop event of {@code events} that follows no start event with its key, in pairing order. */
  public List<Unpaired> unpaired(List<Event> events) {
    List<Unpaired> found = new java.util.ArrayList<>();
    for (Pairing pair : pairs) {
      Set<String> started = new HashSet<>();
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        String key = e.field(pair.key()).orElse(null);
        if (e.type().equals(pair.start()) && key != null) {
          started.add(key);
        } else if (e.type().equals(pair.stop()) && key != null && !started.contains(key)) {
          found.add(new Unpaired(i, message(pair, key)));
        }
      }
    }
    return found;
  }

  /** Why {@code next}, appended to {@code events}, would be unpaired; empty when it is not. */
  public Optional<String> unpairedNext(List<Event> events, Event next) {
    for (Pairing pair : pairs) {
      String key = next.field(pair.key()).orElse(null);
      if (next.type().equals(pair.stop()) && key != null
          && events.stream().noneMatch(e -> e.type().equals(pair.start()) && key.equals(e.field(pair.key()).orElse(null)))) {
        return Optional.of(message(pair, key));
      }
    }
    return Optional.empty();
  }

  private static String message(Pairing pair, String key) {
    return "'" + pair.stop() + "' " + pair.key() + "=" + key + " has no earlier '" + pair.start() + "' with that " + pair.key();
  }
}
