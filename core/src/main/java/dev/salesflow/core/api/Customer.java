package dev.salesflow.core.api;

/** The customer company of a case (registration form, Table 1). */
public record Customer(String company, String industry, String size, Contact contact) {
  public Customer {
    contact = contact == null ? new Contact(null, null, null, null) : contact;
  }
}
