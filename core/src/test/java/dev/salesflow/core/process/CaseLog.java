package dev.salesflow.core.process;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the event log of a test case under the default process: events one hour apart, starting
 * an hour after registration, and the shortest legal path to any stage.
 */
final class CaseLog {
  static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");

  /** What each open stage of the default process needs before a case may leave it forward. */
  static final Map<String, List<Event>> COMPLETES = completes();

  private final List<Event> events = new ArrayList<>();
  private OffsetDateTime clock = REGISTERED;

  /** A case registered with every field the lead guard asks for, and no events. */
  static Case registeredCase() {
    return registeredCase(new Customer("苏州精工机械有限公司", "manufacturing", null,
        new Contact("王磊", "采购经理", "+86 512 5555 0101", null)), "exhibition", Priority.A);
  }

  static Case registeredCase(Customer customer, String source, Priority priority) {
    return new Case("ACME-2026-001", customer, source, priority, "zhang.wei", REGISTERED, "数控机床配件", List.of());
  }

  /** An event of {@code type} with {@code fields} given as name, value pairs; its time is unset. */
  static Event event(String type, String... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in name, value pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      map.put(fields[i], fields[i + 1]);
    }
    return new Event(REGISTERED, type, "zhang.wei", null, map);
  }

  /** Records {@code type} with fields given as name, value pairs, an hour after the last event. */
  CaseLog add(String type, String... fields) {
    return add(event(type, fields));
  }

  /** Records {@code e} (its time replaced) an hour after the last event. */
  CaseLog add(Event e) {
    events.add(stamped(e));
    return this;
  }

  /** Records {@code e} exactly as given, time included. */
  CaseLog addAsIs(Event e) {
    events.add(e);
    clock = e.at();
    return this;
  }

  CaseLog addAll(List<Event> more) {
    more.forEach(this::add);
    return this;
  }

  /** An advance to {@code stage} without a reason. */
  CaseLog to(String stage) {
    return add(Event.ADVANCE, "to", stage);
  }

  /** An advance to {@code stage} with {@code reason}. */
  CaseLog to(String stage, String reason) {
    return add(Event.ADVANCE, "to", stage, "reason", reason);
  }

  /** Completes the current stage {@code from} and advances to the next one. */
  CaseLog through(String from, String next) {
    return addAll(COMPLETES.get(from)).to(next);
  }

  /** The shortest legal path from registration into {@code stage}. */
  static CaseLog upTo(String stage) {
    CaseLog log = new CaseLog();
    List<String> order = List.of("lead", "needs", "solution", "negotiation", "delivery", "after_sales", "closed");
    for (int i = 0; i < order.indexOf(stage); i++) {
      log.through(order.get(i), order.get(i + 1));
    }
    return log;
  }

  /** {@code e} timed an hour after the last event, to be judged as the next one. */
  Event next(Event e) {
    return new Event(clock.plusHours(1), e.type(), e.by(), e.note(), e.fields());
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  /** The registered case with this log. */
  Case onCase() {
    return onCase(registeredCase());
  }

  Case onCase(Case registered) {
    return new Case(registered.id(), registered.customer(), registered.source(), registered.priority(),
        registered.owner(), registered.registeredAt(), registered.need(), events);
  }

  private Event stamped(Event e) {
    clock = clock.plusHours(1);
    return new Event(clock, e.type(), e.by(), e.note(), e.fields());
  }

  private static Map<String, List<Event>> completes() {
    Map<String, List<Event>> m = new LinkedHashMap<>();
    m.put("lead", List.of());
    m.put("needs", List.of(event("requirements_recorded"), event("requirements_confirmed"), event("analysis_reported")));
    m.put("solution", List.of(event("solution_drafted"), event("feasibility_checked"), event("cost_checked"),
        event("price_reviewed"), event("solution_reviewed", "result", "approved")));
    m.put("negotiation", List.of(event("negotiation_prepared"), event("contract_reviewed"),
        event("contract_signed", "amount", "500000")));
    m.put("delivery", List.of(event("order_created"), event("order_reviewed"), event("delivery_accepted")));
    m.put("after_sales", List.of(event("after_sales_contact"), event("survey_done")));
    return Map.copyOf(m);
  }
}
