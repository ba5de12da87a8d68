package dev.salesflow.core.merge;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Timestamps;
import java.util.List;

/** The registration fields of a case file, each merged on its own: the keys above {@code events}. */
enum HeaderField {
  ID("id"),
  COMPANY("customer", "company"),
  INDUSTRY("customer", "industry"),
  SIZE("customer", "size"),
  CONTACT_NAME("customer", "contact", "name"),
  CONTACT_TITLE("customer", "contact", "title"),
  PHONE("customer", "contact", "phone"),
  EMAIL("customer", "contact", "email"),
  SOURCE("source"),
  PRIORITY("priority"),
  OWNER("owner"),
  REGISTERED_AT("registered_at"),
  NEEDS("needs");

  /** The keys leading to the field in the file, from the top mapping. */
  final List<String> path;

  HeaderField(String... path) {
    this.path = List.of(path);
  }

  /** The field as written in the file, e.g. {@code customer.contact.phone}. */
  String label() {
    return String.join(".", path);
  }

  /** The field's value in {@code c}, as text (null when absent), comparable across files. */
  String of(Case c) {
    Contact contact = c.customer().contact();
    return switch (this) {
      case ID -> c.id();
      case COMPANY -> c.customer().company();
      case INDUSTRY -> c.customer().industry();
      case SIZE -> c.customer().size();
      case CONTACT_NAME -> contact == null ? null : contact.name();
      case CONTACT_TITLE -> contact == null ? null : contact.title();
      case PHONE -> contact == null ? null : contact.phone();
      case EMAIL -> contact == null ? null : contact.email();
      case SOURCE -> c.source();
      case PRIORITY -> c.priority() == null ? null : c.priority().name();
      case OWNER -> c.owner();
      case REGISTERED_AT -> c.registeredAt() == null ? null : Timestamps.format(c.registeredAt());
      case NEEDS -> c.need();
    };
  }
}
