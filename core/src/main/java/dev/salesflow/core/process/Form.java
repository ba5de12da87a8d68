package dev.salesflow.core.process;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The form an event type carries (the manual's tables and checklists): its title and its fields in
 * the order they are printed. The values are the event's fields.
 *
 * @param labels the form's title
 * @param fields field id to field, in form order
 * @param signatures the signature lines at the foot of the printed form (who signs, e.g. the
 *     customer), in order; empty for a form nobody signs
 */
public record Form(Labels labels, Map<String, FormField> fields, List<Labels> signatures) {
  public Form {
    labels = labels == null ? new Labels(null, null) : labels;
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    signatures = signatures == null ? List.of() : List.copyOf(signatures);
  }

  /** An item's part named by an event field key {@code ID.N.PART} of this form's items field ID. */
  public record ItemKey(String field, int index, String part) {}

  /** {@code key} read as an item's part, or null when it is none of this form's. */
  public ItemKey itemKey(String key) {
    int first = key.indexOf('.');
    int last = key.lastIndexOf('.');
    if (first <= 0 || last == first) {
      return null;
    }
    FormField field = fields.get(key.substring(0, first));
    String index = key.substring(first + 1, last);
    String part = key.substring(last + 1);
    if (field == null || field.kind() != FieldSpec.Kind.ITEMS || !FormField.ITEM_PARTS.contains(part)
        || !index.matches("[1-9][0-9]{0,3}")) {
      return null;
    }
    return new ItemKey(key.substring(0, first), Integer.parseInt(index), part);
  }

  /** Whether an event of this form may carry the field {@code key}. */
  public boolean knows(String key) {
    FormField field = fields.get(key);
    return field != null && field.kind() != FieldSpec.Kind.ITEMS || itemKey(key) != null;
  }

  /** Why the value of {@code key} does not fit, or null (also for a key this form does not know). */
  String problem(String key, String value, ProcessDefinition process) {
    ItemKey item = itemKey(key);
    if (item == null) {
      FormField field = fields.get(key);
      return field == null ? null : field.problem(value, process);
    }
    FormField items = fields.get(item.field());
    return switch (item.part()) {
      case "model" -> new FieldSpec(FieldSpec.Kind.PERSON, List.of()).problem(value, process) == null
          ? null : "must be a model (one line of text)";
      case "quantity" -> {
        var n = FieldValues.number(value);
        yield n == null || n.signum() <= 0 ? "must be a quantity above 0, got '" + value + "'" : null;
      }
      default -> new FormField(FieldSpec.Kind.MONEY, null, null, null, items.min(), items.max(), null, null)
          .problem(value, process);
    };
  }

  /** The numbers of the items of {@code field} that {@code event} carries, in order. */
  public List<Integer> itemNumbers(Event event, String field) {
    TreeSet<Integer> numbers = new TreeSet<>();
    for (String key : event.fields().keySet()) {
      ItemKey item = itemKey(key);
      if (item != null && item.field().equals(field)) {
        numbers.add(item.index());
      }
    }
    return new ArrayList<>(numbers);
  }

  /**
   * What the form is missing in {@code event}, one message per field id: required fields not filled
   * in (a list of items needs at least one), each item's model and quantity, gaps in item numbers.
   */
  public Map<String, String> missing(Event event, boolean requiredFields) {
    Map<String, String> english = new LinkedHashMap<>();
    for (Map.Entry<String, dev.salesflow.core.model.Message> m : missingTexts(event, requiredFields).entrySet()) {
      english.put(m.getKey(), m.getValue().english());
    }
    return english;
  }

  /** {@link #missing}, each message a catalog entry. */
  public Map<String, dev.salesflow.core.model.Message> missingTexts(Event event, boolean requiredFields) {
    Map<String, dev.salesflow.core.model.Message> missing = new LinkedHashMap<>();
    for (Map.Entry<String, FormField> f : fields.entrySet()) {
      String id = f.getKey();
      if (f.getValue().kind() == FieldSpec.Kind.ITEMS) {
        List<Integer> numbers = itemNumbers(event, id);
        if (numbers.isEmpty() && requiredFields && f.getValue().isRequired()) {
          missing.put(id, dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.FORM_NEEDS_ITEM, id));
        }
        for (int i = 0; i < numbers.size(); i++) {
          int n = numbers.get(i);
          if (n != i + 1) {
            missing.put(id + "." + (i + 1), dev.salesflow.core.model.Message.of(
                dev.salesflow.core.model.MessageKey.FORM_ITEM_GAP, id + "." + (i + 1), id + "." + n));
            break;
          }
          for (String part : List.of("model", "quantity")) {
            if (!event.fields().containsKey(id + "." + n + "." + part)) {
              missing.put(id + "." + n + "." + part, dev.salesflow.core.model.Message.of(
                  dev.salesflow.core.model.MessageKey.FORM_ITEM_NEEDS, n, id, part));
            }
          }
        }
      } else if (requiredFields && f.getValue().isRequired() && !event.fields().containsKey(id)) {
        missing.put(id, dev.salesflow.core.model.Message.of(dev.salesflow.core.model.MessageKey.FORM_NEEDS_FIELD, id));
      }
    }
    return missing;
  }
}
