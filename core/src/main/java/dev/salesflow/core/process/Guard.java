package dev.salesflow.core.process;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.RegistrationField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A condition that must hold before a case leaves a stage forward. Written in the process YAML
 * as a mapping whose {@code require} key names the variant.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "require")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Guard.Registration.class, name = "registration"),
  @JsonSubTypes.Type(value = Guard.EventRecorded.class, name = "event"),
  @JsonSubTypes.Type(value = Guard.Approval.class, name = "approval"),
  @JsonSubTypes.Type(value = Guard.Paired.class, name = "paired")
})
public sealed interface Guard {

  /**
   * What is unmet, one line per missing item; empty when the guard holds.
   *
   * @param c the case
   * @param prior the events recorded before the advance being judged
   * @param approvalThreshold the workspace's approval threshold
   */
  List<String> unmet(Case c, List<Event> prior, BigDecimal approvalThreshold);

  /** Registration fields that must be filled; {@code a|b} means either. */
  record Registration(List<String> fields) implements Guard {
    public Registration {
      fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, BigDecimal approvalThreshold) {
      List<String> missing = new ArrayList<>();
      for (String alternatives : fields) {
        boolean any = false;
        for (String path : alternatives.split("\\|")) {
          RegistrationField field = RegistrationField.ofPath(path.strip()).orElse(null);
          any |= field != null && field.isFilledIn(c);
        }
        if (!any) {
          missing.add("registration field " + alternatives.replace("|", " or ") + " is missing");
        }
      }
      return missing;
    }
  }

  /** An event of {@code type} whose fields match {@code where} (exact values). */
  record EventRecorded(String type, Map<String, String> where) implements Guard {
    public EventRecorded {
      Objects.requireNonNull(type, "type");
      where = where == null ? Map.of() : Map.copyOf(where);
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, BigDecimal approvalThreshold) {
      boolean found = anyMatches(prior, type, where);
      return found ? List.of() : List.of("missing event '" + type + "'" + describe(where));
    }
  }

  /**
   * When the amount of the last {@code before} event is at or above the approval threshold, an
   * event of {@code type} matching {@code where} must come before it.
   */
  record Approval(String type, Map<String, String> where, String before, String amountField, BigDecimal threshold)
      implements Guard {
    public Approval {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(before, "before");
      where = where == null ? Map.of() : Map.copyOf(where);
      amountField = amountField == null ? "amount" : amountField;
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, BigDecimal approvalThreshold) {
      int signed = -1;
      for (int i = prior.size() - 1; i >= 0 && signed < 0; i--) {
        if (prior.get(i).type().equals(before)) {
          signed = i;
        }
      }
      if (signed < 0) {
        return List.of();
      }
      String written = prior.get(signed).fields().get(amountField);
      Optional<BigDecimal> amount = written == null ? Optional.empty() : number(written);
      BigDecimal limit = threshold != null ? threshold : approvalThreshold;
      if (amount.isEmpty() || limit == null || amount.get().compareTo(limit) < 0) {
        return List.of();
      }
      boolean approved = anyMatches(prior.subList(0, signed), type, where);
      return approved
          ? List.of()
          : List.of(
              "'" + before + "' " + amountField + " " + amount.get().toPlainString()
                  + " is at or above the approval threshold " + limit.toPlainString()
                  + ": needs an event '" + type + "'" + describe(where) + " before it");
    }
  }

  /** Every {@code start} event has a later {@code stop} event with the same {@code match} field. */
  record Paired(String start, String stop, String match) implements Guard {
    public Paired {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(match, "match");
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, BigDecimal approvalThreshold) {
      Set<String> open = new LinkedHashSet<>();
      for (Event e : prior) {
        if (e.type().equals(start)) {
          String key = e.fields().get(match);
          if (key != null) {
            open.add(key);
          }
        } else if (e.type().equals(stop)) {
          open.remove(e.fields().get(match));
        }
      }
      List<String> unpaired = new ArrayList<>(open.size());
      for (String key : open) {
        unpaired.add("'" + start + "' " + match + "=" + key + " has no '" + stop + "'");
      }
      return unpaired;
    }
  }

  private static boolean anyMatches(List<Event> events, String type, Map<String, String> where) {
    for (Event e : events) {
      if (matches(e, type, where)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Event e, String type, Map<String, String> where) {
    if (!e.type().equals(type)) {
      return false;
    }
    for (Map.Entry<String, String> w : where.entrySet()) {
      if (!w.getValue().equals(e.fields().get(w.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Map<String, String> where) {
    if (where.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" with ");
    for (Map.Entry<String, String> w : new TreeMap<>(where).entrySet()) {
      s.append(s.length() > 6 ? ", " : "").append(w.getKey()).append('=').append(w.getValue());
    }
    return s.toString();
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
