package dev.salesflow.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registration fields of a case, by the dotted path they have in a case file. */
public enum RegistrationField {
  COMPANY("customer.company"),
  INDUSTRY("customer.industry"),
  SIZE("customer.size"),
  CONTACT_NAME("customer.contact.name"),
  CONTACT_TITLE("customer.contact.title"),
  CONTACT_PHONE("customer.contact.phone"),
  CONTACT_EMAIL("customer.contact.email"),
  SOURCE("source"),
  PRIORITY("priority"),
  OWNER("owner"),
  REGISTERED_AT("registered_at"),
  NEED("needs");

  private final String path;

  RegistrationField(String path) {
    this.path = path;
  }

  /** The dotted path, e.g. {@code customer.contact.phone}. */
  public String path() {
    return path;
  }

  /** The value in {@code c}, empty when missing or blank. */
  public Optional<String> valueIn(Case c) {
    String value = rawValueIn(c);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** A switch, not a getter per constant: linking twelve lambdas cost a short command more than replaying its case. */
  private String rawValueIn(Case c) {
    return switch (this) {
      case COMPANY -> c.customer().company();
      case INDUSTRY -> c.customer().industry();
      case SIZE -> c.customer().size();
      case CONTACT_NAME -> c.customer().contact().name();
      case CONTACT_TITLE -> c.customer().contact().title();
      case CONTACT_PHONE -> c.customer().contact().phone();
      case CONTACT_EMAIL -> c.customer().contact().email();
      case SOURCE -> c.source();
      case PRIORITY -> c.priority() == null ? null : c.priority().name();
      case OWNER -> c.owner();
      case REGISTERED_AT -> c.registeredAt() == null ? null : c.registeredAt().toString();
      case NEED -> c.need();
    };
  }

  /** The field at {@code path}, if there is one. */
  public static Optional<RegistrationField> ofPath(String path) {
    for (RegistrationField f : values()) {
      if (f.path.equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every path, for messages. */
  public static List<String> paths() {
    return Arrays.stream(values()).map(RegistrationField::path).toList();
  }
}
