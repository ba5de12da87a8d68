package dev.salesflow.core.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The form one event carries (a table or checklist of the manual) with what was filled in, its
 * labels in one language, for printing.
 *
 * @param caseId the case
 * @param company the customer's company, or null
 * @param type the event type, e.g. {@code delivery_accepted}
 * @param title the form's title, e.g. {@code Delivery acceptance form (Table 4)}
 * @param eventNumber the event's place in the case's log, from 1
 * @param at when the event happened
 * @param by who recorded it, or null
 * @param fields the form's fields in form order, filled in or not
 * @param signatures the labels of the form's signature lines, in order; empty when nobody signs it
 */
public record FilledForm(String caseId, String company, String type, String title, int eventNumber, OffsetDateTime at,
    String by, List<Field> fields, List<String> signatures) {

  /**
   * Checks the names and copies the fields.
   *
   * @param caseId the case; not null
   * @param company the company, or null
   * @param type the event type; not null
   * @param title the form's title; not null
   * @param eventNumber the event's place, from 1
   * @param at when; not null
   * @param by who, or null
   * @param fields the fields; not null
   * @param signatures the signature lines, or null for none
   */
  public FilledForm {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(at, "at");
    if (eventNumber < 1) {
      throw new IllegalArgumentException("event numbers start at 1");
    }
    fields = List.copyOf(fields);
    signatures = signatures == null ? List.of() : List.copyOf(signatures);
  }

  /**
   * One field of a filled form.
   *
   * @param id the field id, e.g. {@code pain_points}
   * @param label its label
   * @param kind {@code text}, {@code number}, {@code money}, {@code date}, {@code enum}, {@code person} or {@code items}
   * @param required whether {@code forms: required} makes it mandatory
   * @param value what was written, or null when it is empty (always null for items)
   * @param currency for money, the form's currency as written, or null
   * @param items for a list of items, the items in order; empty otherwise
   */
  public record Field(String id, String label, String kind, boolean required, String value, String currency,
      List<Item> items) {
    /**
     * Checks the names and copies the items.
     *
     * @param id the field id; not null
     * @param label its label; not null
     * @param kind its kind; not null
     * @param required whether it is mandatory
     * @param value what was written, or null
     * @param currency the currency of money, or null
     * @param items the items, or null for none
     */
    public Field {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(kind, "kind");
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /**
   * One item of a list of items.
   *
   * @param model the product model
   * @param quantity the quantity
   * @param price the unit price, or null
   */
  public record Item(String model, String quantity, String price) {}
}
