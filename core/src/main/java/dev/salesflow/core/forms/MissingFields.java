package dev.salesflow.core.forms;

import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.MissingFormField;
import dev.salesflow.core.process.FieldSpec;
import dev.salesflow.core.process.Form;
import dev.salesflow.core.process.FormField;
import dev.salesflow.core.process.ProcessDefinition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a form still lacks before an event may be recorded under {@code forms: required}, field by field, to ask for. */
public final class MissingFields {
  /** Any time: whether a form is complete does not depend on when. */
  private static final OffsetDateTime ANY_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private MissingFields() {}

  /**
   * The required fields of {@code type}'s form that {@code fields} leave out, in form order; a list
   * of items without any is asked for its first item's model and quantity. Empty for a type without
   * a form. A gap in item numbers is not asked about (the refusal names it).
   */
  public static List<MissingFormField> of(ProcessDefinition process, String type, Map<String, String> fields, String lang) {
    Form form = process.formOf(type);
    if (form == null) {
      return List.of();
    }
    List<MissingFormField> missing = new ArrayList<>();
    for (String key : form.missing(new Event(ANY_TIME, type, null, null, fields), true).keySet()) {
      FormField field = form.fields().get(key);
      if (field != null && field.kind() == FieldSpec.Kind.ITEMS) {
        missing.add(part(form, key + ".1.model", lang));
        missing.add(part(form, key + ".1.quantity", lang));
      } else if (field != null) {
        missing.add(new MissingFormField(key, label(field, key, lang), field.kind().name().toLowerCase(Locale.ROOT),
            field.values()));
      } else if (form.itemKey(key) != null) {
        missing.add(part(form, key, lang));
      }
    }
    return missing;
  }

  private static MissingFormField part(Form form, String key, String lang) {
    Form.ItemKey item = form.itemKey(key);
    String label = label(form.fields().get(item.field()), item.field(), lang) + " " + item.index() + ", " + item.part();
    return new MissingFormField(key, label, item.part().equals("model") ? "text" : "number", List.of());
  }

  private static String label(FormField field, String id, String lang) {
    String label = field.labels().in(lang);
    return label == null ? id : label;
  }
}
