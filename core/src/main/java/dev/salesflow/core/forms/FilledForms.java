package dev.salesflow.core.forms;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.FilledForm;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.process.FieldSpec;
import dev.salesflow.core.process.Form;
import dev.salesflow.core.process.FormField;
import dev.salesflow.core.process.ProcessDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The forms a case's events carry, filled in with the events' fields, for {@code show --form} and export. */
public final class FilledForms {
  private FilledForms() {}

  /**
   * Every event of {@code type} in {@code c} as its filled form, oldest first; empty when the case
   * has no such event (for the caller to report as a finding, not a usage error).
   *
   * @throws InvalidRequestException when the type has no form
   */
  public static List<FilledForm> of(ProcessDefinition process, Case c, String type, String lang) {
    Form form = FormInput.formOf(process, type);
    List<FilledForm> forms = new ArrayList<>();
    for (int i = 0; i < c.events().size(); i++) {
      Event e = c.events().get(i);
      if (e.type().equals(type)) {
        forms.add(filled(form, c, e, i + 1, lang));
      }
    }
    return forms;
  }

  private static FilledForm filled(Form form, Case c, Event e, int number, String lang) {
    List<FilledForm.Field> fields = new ArrayList<>();
    for (Map.Entry<String, FormField> f : form.fields().entrySet()) {
      FormField field = f.getValue();
      String id = f.getKey();
      String label = field.labels().in(lang) == null ? id : field.labels().in(lang);
      String kind = field.kind().name().toLowerCase(Locale.ROOT);
      boolean money = field.kind() == FieldSpec.Kind.MONEY || field.kind() == FieldSpec.Kind.ITEMS;
      String currency = money ? e.fields().get(field.currencyField()) : null;
      List<FilledForm.Item> items = new ArrayList<>();
      if (field.kind() == FieldSpec.Kind.ITEMS) {
        for (int n : form.itemNumbers(e, id)) {
          String at = id + "." + n + ".";
          items.add(new FilledForm.Item(e.fields().get(at + "model"), e.fields().get(at + "quantity"),
              e.fields().get(at + "price")));
        }
      }
      fields.add(new FilledForm.Field(id, label, kind, field.isRequired(),
          field.kind() == FieldSpec.Kind.ITEMS ? null : e.fields().get(id), currency, items));
    }
    String title = form.labels().in(lang) == null ? e.type() : form.labels().in(lang);
    List<String> signatures = new ArrayList<>();
    for (var line : form.signatures()) {
      signatures.add(line.in(lang) == null ? "" : line.in(lang));
    }
    return new FilledForm(c.id(), c.customer().company(), e.type(), title, number, e.at(), e.by(), fields, signatures);
  }
}
