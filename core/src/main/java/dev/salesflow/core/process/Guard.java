package dev.salesflow.core.process;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
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
  @JsonSubTypes.Type(value = Guard.Paired.class, name = "paired"),
  @JsonSubTypes.Type(value = Guard.FloorPrice.class, name = "floor_price")
})
public sealed interface Guard {

  /**
   * What is unmet, one line per missing item; empty when the guard holds.
   *
   * @param c the case
   * @param prior the events recorded before the advance being judged
   * @param approvals the workspace's approval matrix and which approvals count
   */
  List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals);

  /**
   * What is unmet, as catalog entries; guards whose text is not in the catalog give it as it is.
   *
   * @param c the case
   * @param prior the events recorded before the advance being judged
   * @param approvals the workspace's approval matrix and which approvals count
   * @return one entry per missing item; empty when the guard holds
   */
  default List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
    List<Message> texts = new ArrayList<>();
    for (String text : unmet(c, prior, approvals)) {
      texts.add(Message.literal(text));
    }
    return texts;
  }

  /** The English texts of {@code messages} (a loop: {@code show} starts without a lambda, see StartupPathTest). */
  private static List<String> english(List<Message> messages) {
    List<String> texts = new ArrayList<>(messages.size());
    for (Message m : messages) {
      texts.add(m.english());
    }
    return texts;
  }

  /** Registration fields that must be filled; {@code a|b} means either. */
  record Registration(List<String> fields) implements Guard {
    public Registration {
      fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals) {
      return english(unmetTexts(c, prior, approvals));
    }

    @Override
    public List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
      List<Message> missing = new ArrayList<>();
      for (String alternatives : fields) {
        boolean any = false;
        for (String path : alternatives.split("\\|")) {
          RegistrationField field = RegistrationField.ofPath(path.strip()).orElse(null);
          any |= field != null && field.isFilledIn(c);
        }
        if (!any) {
          missing.add(Message.of(MessageKey.REGISTRATION_FIELD_MISSING,
              new Message.Joined(Message.of(MessageKey.OR), List.of(alternatives.split("\\|")))));
        }
      }
      return missing;
    }
  }

  /**
   * An event of {@code type} whose fields match {@code where} (exact values) and do not match
   * {@code unless} (e.g. a delivery acceptance whose {@code result} is not {@code rejected}).
   */
  record EventRecorded(String type, Map<String, String> where, Map<String, String> unless) implements Guard {
    public EventRecorded {
      Objects.requireNonNull(type, "type");
      where = where == null ? Map.of() : Map.copyOf(where);
      unless = unless == null ? Map.of() : Map.copyOf(unless);
    }

    /** An event of {@code type} matching {@code where}, with no exception. */
    public EventRecorded(String type, Map<String, String> where) {
      this(type, where, null);
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals) {
      return english(unmetTexts(c, prior, approvals));
    }

    @Override
    public List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
      List<Message> excluded = new ArrayList<>();
      for (Event e : prior) {
        if (!matches(e, type, where)) {
          continue;
        }
        if (unless.isEmpty() || !matchesAny(e, unless)) {
          return List.of();
        }
        for (Map.Entry<String, String> u : new TreeMap<>(unless).entrySet()) {
          if (u.getValue().equals(e.fields().get(u.getKey()))) {
            excluded.add(Message.of(MessageKey.EXCLUDED_EVENT, dev.salesflow.core.model.Timestamps.format(e.at()),
                u.getKey(), u.getValue()));
          }
        }
      }
      return List.of(Message.of(MessageKey.MISSING_EVENT, type, describe(where),
          excluded.isEmpty() ? "" : Message.of(MessageKey.EXCLUDED_EVENTS, new Message.Joined("; ", excluded))));
    }
  }

  /**
   * When the amount of the last {@code before} event falls in a tier of the approval matrix, an
   * event of {@code type} must come before it whose {@code role} is that tier's or a higher tier's,
   * whose amount is at least the signed amount, that matches {@code where} (its {@code role}, if
   * any, aside: the matrix names the role) and that the workspace counts (see {@link
   * ApprovalRules.Check}). A {@code threshold} on the guard replaces the matrix with one tier: the
   * {@code role} of {@code where} (default the general manager) at or above it.
   */
  record Approval(String type, Map<String, String> where, String before, String amountField, BigDecimal threshold)
      implements Guard {
    /** The field of an approval naming the role that approves. */
    public static final String ROLE_FIELD = "role";

    public Approval {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(before, "before");
      where = where == null ? Map.of() : Map.copyOf(where);
      amountField = amountField == null ? "amount" : amountField;
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals) {
      return english(unmetTexts(c, prior, approvals));
    }

    @Override
    public List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
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
      BigDecimal amount = written == null ? null : number(written).orElse(null);
      if (written != null && amount == null) {
        // an amount that is no amount (negative, 1e400) cannot pass under the thresholds
        return List.of(Message.literal("'" + before + "' " + amountField + " " + dev.salesflow.core.model.Amounts.problem(written)));
      }
      ApprovalRules rules = threshold == null ? approvals : new ApprovalRules(
          List.of(new ApprovalTier(where.getOrDefault(ROLE_FIELD, ApprovalRules.GENERAL_MANAGER), threshold)),
          approvals.check());
      int tier = amount == null ? -1 : rules.tierOf(amount);
      if (tier < 0) {
        return List.of();
      }
      List<String> roles = new ArrayList<>();
      for (ApprovalTier t : rules.tiers().subList(tier, rules.tiers().size())) {
        roles.add(t.role());
      }
      Map<String, String> rest = new TreeMap<>(where);
      rest.remove(ROLE_FIELD);
      List<Message> notCounted = new ArrayList<>();
      for (Event e : prior.subList(0, signed)) {
        if (!matches(e, type, rest) || !roles.contains(e.fields().get(ROLE_FIELD))) {
          continue;
        }
        BigDecimal approved = e.fields().containsKey(amountField) ? number(e.fields().get(amountField)).orElse(null) : null;
        Message why = approved == null ? Message.of(MessageKey.CARRIES_NO, amountField)
            : approved.compareTo(amount) < 0 ? Message.of(MessageKey.APPROVES_LESS, approved.toPlainString(), amount.toPlainString())
            : whyNot(approvals, c, e);
        if (why == null) {
          return List.of();
        }
        notCounted.add(notCounted(type, e, why));
      }
      List<Message> unmet = new ArrayList<>();
      unmet.add(Message.of(MessageKey.APPROVAL_NEEDED, before, amountField, amount.toPlainString(), type,
          new Message.Joined(Message.of(MessageKey.OR), roles), rules.tiers().get(tier).from().toPlainString(),
          describe(rest).replace(" with ", ", ")));
      unmet.addAll(notCounted);
      return unmet;
    }
  }

  /**
   * When the amount of the last {@code signed} event is below the floor price of the last {@code
   * checklist} before it (its {@code floor_field}), an event of {@code type} must come before the
   * signing by one of {@code roles} whose amount is at most the signed amount (it approves signing
   * that low) and that the workspace counts (see {@link ApprovalRules.Check}). Without a floor price
   * in the checklist (a case recorded before forms) the guard holds.
   */
  record FloorPrice(String checklist, String floorField, String signed, String amountField, String type,
      List<String> roles) implements Guard {
    public FloorPrice {
      Objects.requireNonNull(checklist, "checklist");
      Objects.requireNonNull(signed, "signed");
      Objects.requireNonNull(type, "type");
      floorField = floorField == null ? "floor_price" : floorField;
      amountField = amountField == null ? "amount" : amountField;
      roles = roles == null || roles.isEmpty() ? List.of("sales_manager") : List.copyOf(roles);
    }

    @Override
    public List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals) {
      return english(unmetTexts(c, prior, approvals));
    }

    @Override
    public List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
      int signing = lastBefore(prior, signed, prior.size());
      int prepared = signing < 0 ? -1 : lastBefore(prior, checklist, signing);
      if (prepared < 0) {
        return List.of();
      }
      BigDecimal floor = number(prior.get(prepared).fields().getOrDefault(floorField, "")).orElse(null);
      BigDecimal amount = number(prior.get(signing).fields().getOrDefault(amountField, "")).orElse(null);
      if (floor == null || amount == null || amount.compareTo(floor) >= 0) {
        return List.of();
      }
      List<Message> notCounted = new ArrayList<>();
      for (Event e : prior.subList(0, signing)) {
        if (!e.type().equals(type) || !roles.contains(e.fields().get(Approval.ROLE_FIELD))) {
          continue;
        }
        BigDecimal approved = number(e.fields().getOrDefault(amountField, "")).orElse(null);
        Message why = approved == null ? Message.of(MessageKey.CARRIES_NO, amountField)
            : approved.compareTo(amount) > 0 ? Message.of(MessageKey.APPROVES_MORE, approved.toPlainString(), amount.toPlainString())
            : whyNot(approvals, c, e);
        if (why == null) {
          return List.of();
        }
        notCounted.add(notCounted(type, e, why));
      }
      List<Message> unmet = new ArrayList<>();
      unmet.add(Message.of(MessageKey.BELOW_FLOOR_PRICE, signed, amountField, amount.toPlainString(), floorField,
          floor.toPlainString(), checklist, type, new Message.Joined(Message.of(MessageKey.OR), roles)));
      unmet.addAll(notCounted);
      return unmet;
    }

    private static int lastBefore(List<Event> events, String type, int end) {
      for (int i = end - 1; i >= 0; i--) {
        if (events.get(i).type().equals(type)) {
          return i;
        }
      }
      return -1;
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
    public List<String> unmet(Case c, List<Event> prior, ApprovalRules approvals) {
      return english(unmetTexts(c, prior, approvals));
    }

    @Override
    public List<Message> unmetTexts(Case c, List<Event> prior, ApprovalRules approvals) {
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
      List<Message> unpaired = new ArrayList<>(open.size());
      for (String key : open) {
        unpaired.add(Message.of(MessageKey.UNPAIRED, start, match, key, stop));
      }
      return unpaired;
    }
  }

  /** An approval that is there but does not count, and why. */
  private static Message notCounted(String type, Event e, Message why) {
    return Message.of(MessageKey.NOT_COUNTED, type, dev.salesflow.core.model.Timestamps.format(e.at()),
        e.by() == null ? "" : Message.of(MessageKey.BY_PERSON, e.by()), why);
  }

  /** Why the workspace does not count the approval {@code e} (its signature, its signer), or null when it does. */
  private static Message whyNot(ApprovalRules approvals, Case c, Event e) {
    String why = approvals.check().whyNot(c, e);
    return why == null ? null : Message.literal(why);
  }

  /** Whether one of {@code values} is what {@code e} carries in that field. */
  private static boolean matchesAny(Event e, Map<String, String> values) {
    for (Map.Entry<String, String> v : values.entrySet()) {
      if (v.getValue().equals(e.fields().get(v.getKey()))) {
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
    return dev.salesflow.core.model.Amounts.parse(text);
  }
}
