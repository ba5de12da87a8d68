package dev.salesflow.core.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sales case: the registration (Table 1) and its append-only event log, oldest first. The
 * current stage is never stored: it is derived by replaying {@link #events()}.
 */
public record Case(
    String id,
    Customer customer,
    String source,
    Priority priority,
    String owner,
    OffsetDateTime registeredAt,
    String need,
    List<Event> events) {

  public Case {
    Objects.requireNonNull(id, "id");
    customer = customer == null ? new Customer(null, null, null, null) : customer;
    events = List.copyOf(events == null ? List.of() : events);
  }

  /** This case with {@code event} appended to its log. */
  public Case withEvent(Event event) {
    List<Event> more = new ArrayList<>(events);
    more.add(event);
    return new Case(id, customer, source, priority, owner, registeredAt, need, more);
  }
}
