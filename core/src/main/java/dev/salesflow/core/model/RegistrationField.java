package dev.salesflow.core.model;

import dev.salesflow.core.api.Case;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The registration fields of a case, by the dotted path they have in a case file. */
public enum RegistrationField {
  COMPANY("customer.company", c -> c.customer().company()),
  INDUSTRY("customer.industry", c -> c.customer().industry()),
  SIZE("customer.size", c -> c.customer().size()),
  CONTACT_NAME("customer.contact.name", c -> c.customer().contact().name()),
  CONTACT_TITLE("customer.contact.title", c -> c.customer().contact().title()),
  CONTACT_PHONE("customer.contact.phone", c -> c.customer().contact().phone()),
  CONTACT_EMAIL("customer.contact.email", c -> c.customer().contact().email()),
  SOURCE("source", Case::source),
  PRIORITY("priority", c -> c.priority() == null ? null : c.priority().name()),
  OWNER("owner", Case::owner),
  REGISTERED_AT("registered_at", c -> c.registeredAt() == null ? null : c.registeredAt().toString()),
  NEED("needs", Case::need);

  private final String path;
  private final Function<Case, String> getter;

  RegistrationField(String path, Function<Case, String> getter) {
    this.path = path;
    this.getter = getter;
  }

  /** The dotted path, e.g. {@code customer.contact.phone}. */
  public String path() {
    return path;
  }

  /** The value in {@code c}, empty when missing or blank. */
  public Optional<String> valueIn(Case c) {
    return Optional.ofNullable(getter.apply(c)).filter(v -> !v.isBlank());
  }

  /** The field at {@code path}, if there is one. */
  public static Optional<RegistrationField> ofPath(String path) {
    return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
  }

  /** Every path, for messages. */
  public static List<String> paths() {
    return Arrays.stream(values()).map(RegistrationField::path).toList();
  }
}
