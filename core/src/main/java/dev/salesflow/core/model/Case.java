package dev.salesflow.core.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sales case: the registration (Table 1) and its append-only event log in the order it was
 * written, oldest first but for events recorded late. The current stage is never stored: it is
 * derived by replaying {@link #timeline()}.
 *
 * @param id the case id, e.g. {@code ACME-2026-001}; it names the case file
 * @param customer the customer company and contact person; never null
 * @param source the id of the lead source, one of {@link SalesProcess#sources()}
 * @param priority the customer's priority; null only in a case built without one
 * @param owner the sales rep responsible for the case
 * @param registeredAt when the case was registered; null only in a case built without it
 * @param need the customer's initial need, free text; may be null
 * @param events the event log in file order; never null
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

  /**
   * Fills in an empty customer for a null one and copies the events so the case is immutable.
   *
   * @param id the case id; not null
   * @param customer the customer, or null for one whose fields are all null
   * @param source the lead source id
   * @param priority the priority
   * @param owner the owner
   * @param registeredAt the registration time
   * @param need the initial need
   * @param events the event log, oldest first, or null for none
   */
  public Case {
    Objects.requireNonNull(id, "id");
    customer = customer == null ? new Customer(null, null, null, null) : customer;
    events = List.copyOf(events == null ? List.of() : events);
  }

  /**
   * The event that opened this case mid-process, when it was imported where it stood in another
   * system rather than registered in salesflow.
   *
   * @return its first event when that is an {@code opened} event, else empty
   */
  public Optional<Event> opening() {
    return events.isEmpty() || !events.get(0).isOpened() ? Optional.empty() : Optional.of(events.get(0));
  }

  /**
   * The events in the order they happened: by {@code at} (as instants), events at the same instant
   * in file order. An event recorded late is appended to the file but replayed where it belongs.
   *
   * @return the events by time; the event list itself when the file is already in time order
   */
  public List<Event> timeline() {
    int[] order = timelineIndexes();
    if (order == null) {
      return events;
    }
    List<Event> byTime = new ArrayList<>(order.length);
    for (int index : order) {
      byTime.add(events.get(index));
    }
    return byTime;
  }

  /**
   * Where each event of {@link #timeline()} stands in the file.
   *
   * @return the 0-based file position of each event in time order, or null when the file is
   *     already in time order (the common case, where position and index are the same)
   */
  public int[] timelineIndexes() {
    boolean ordered = true;
    for (int i = 1; i < events.size() && ordered; i++) {
      ordered = !events.get(i).at().isBefore(events.get(i - 1).at());
    }
    if (ordered) {
      return null;
    }
    // a stable sort: ties keep file order
    return java.util.stream.IntStream.range(0, events.size()).boxed()
        .sorted(java.util.Comparator.comparing((Integer i) -> events.get(i).at().toInstant()))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * The events in time order that the state machine accepted: those before the event {@code replay}
   * refused, or all of them.
   *
   * @param replay this case's replay
   * @return the legal events, oldest first
   */
  public List<Event> legalTimeline(Replay replay) {
    List<Event> byTime = timeline();
    if (replay.illegal().isEmpty()) {
      return byTime;
    }
    int refused = replay.illegal().get().eventIndex();
    int[] order = timelineIndexes();
    int position = refused;
    if (order != null) {
      for (int p = 0; p < order.length; p++) {
        if (order[p] == refused) {
          position = p;
        }
      }
    }
    return byTime.subList(0, Math.min(position, byTime.size()));
  }

  /**
   * This case as its corrections leave it: the header (as first written) with every {@code
   * registration_edited} and {@code reassigned} event applied in order. What {@code show}, {@code
   * list}, the reports and {@code overdue} read; a store writes the header as first written.
   *
   * @return this case when it has no correction, else a case with the current registration and
   *     owner and the same events
   */
  public Case current() {
    return asOf(events.size());
  }

  /**
   * This case as the corrections among its first {@code count} events leave it, e.g. the
   * registration a guard judged when the event after them was recorded.
   *
   * @param count how many events, from the first, to apply; at most {@code events().size()}
   * @return this case when none of them is a correction, else a case with the registration and
   *     owner they leave and the same events
   */
  public Case asOf(int count) {
    String[] values = null;
    for (int i = 0; i < count; i++) {
      Event e = events.get(i);
      if (!e.isCorrection()) {
        continue;
      }
      if (values == null) {
        values = new String[RegistrationField.values().length];
        for (RegistrationField f : RegistrationField.values()) {
          values[f.ordinal()] = f == RegistrationField.REGISTERED_AT ? null : f.valueIn(this);
        }
      }
      if (Event.REASSIGNED.equals(e.type())) {
        String to = e.fields().get("to");
        if (to != null && !to.isBlank()) {
          values[RegistrationField.OWNER.ordinal()] = to;
        }
        continue;
      }
      for (Map.Entry<String, String> field : e.fields().entrySet()) {
        Optional<RegistrationField> f = RegistrationField.ofPath(field.getKey()).filter(RegistrationField::editable);
        if (f.isPresent()) {
          values[f.get().ordinal()] = field.getValue().isBlank() ? null : field.getValue();
        }
      }
    }
    if (values == null) {
      return this;
    }
    Priority p = values[RegistrationField.PRIORITY.ordinal()] == null ? null
        : Priority.parse(values[RegistrationField.PRIORITY.ordinal()]).orElse(priority);
    return new Case(id,
        new Customer(values[RegistrationField.COMPANY.ordinal()], values[RegistrationField.INDUSTRY.ordinal()],
            values[RegistrationField.SIZE.ordinal()],
            new Contact(values[RegistrationField.CONTACT_NAME.ordinal()], values[RegistrationField.CONTACT_TITLE.ordinal()],
                values[RegistrationField.PHONE.ordinal()], values[RegistrationField.EMAIL.ordinal()])),
        values[RegistrationField.SOURCE.ordinal()], p, values[RegistrationField.OWNER.ordinal()], registeredAt,
        values[RegistrationField.NEED.ordinal()], events);
  }

  /**
   * This case with {@code event} appended to its log, without judging the event; this case is
   * unchanged.
   *
   * @param event the event to append
   * @return a new case whose log ends with {@code event}
   */
  public Case withEvent(Event event) {
    List<Event> more = new ArrayList<>(events);
    more.add(event);
    return new Case(id, customer, source, priority, owner, registeredAt, need, more);
  }
}
