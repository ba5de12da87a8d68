package dev.salesflow.core.model;

/**
 * The customer company of a case (registration form, Table 1).
 *
 * @param company the company name
 * @param industry the company's industry
 * @param size the company's size, free text (e.g. a head count); may be null
 * @param contact the contact person; never null
 */
public record Customer(String company, String industry, String size, Contact contact) {
  /**
   * Replaces a null contact with one whose fields are all null.
   *
   * @param company the company name
   * @param industry the industry
   * @param size the size, or null
   * @param contact the contact person, or null
   */
  public Customer {
    contact = contact == null ? new Contact(null, null, null, null) : contact;
  }
}
