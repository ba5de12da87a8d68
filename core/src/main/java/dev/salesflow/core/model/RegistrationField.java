package dev.salesflow.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registration fields of a case, by the dotted path they have in a case file. */
public enum RegistrationField {
  /** The customer's company. */
  COMPANY("customer.company"),
  /** The customer's industry. */
  INDUSTRY("customer.industry"),
  /** The customer's size. */
  SIZE("customer.size"),
  /** The contact person's name. */
  CONTACT_NAME("customer.contact.name"),
  /** The contact person's title. */
  CONTACT_TITLE("customer.contact.title"),
  /** The contact person's phone. */
  CONTACT_PHONE("customer.contact.phone"),
  /** The contact person's e-mail. */
  CONTACT_EMAIL("customer.contact.email"),
  /** The source channel. */
  SOURCE("source"),
  /** The priority, A, B or C. */
  PRIORITY("priority"),
  /** The owner, the sales rep responsible. */
  OWNER("owner"),
  /** When the case was registered. */
  REGISTERED_AT("registered_at"),
  /** The customer's initial need. */
  NEED("needs");

  private final String path;

  RegistrationField(String path) {
    this.path = path;
  }

  /**
   * The dotted path in a case file.
   *
   * @return the path, e.g. {@code customer.contact.phone}
   */
  public String path() {
    return path;
  }

  /**
   * This field's value in a case.
   *
   * @param c the case
   * @return the value, empty when missing or blank
   */
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

  /**
   * The field at a dotted path.
   *
   * @param path a dotted path such as {@code customer.company}
   * @return the field, empty when no field has that path
   */
  public static Optional<RegistrationField> ofPath(String path) {
    for (RegistrationField f : values()) {
      if (f.path.equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Every field's path, for messages.
   *
   * @return the paths in declaration order
   */
  public static List<String> paths() {
    return Arrays.stream(values()).map(RegistrationField::path).toList();
  }
}
