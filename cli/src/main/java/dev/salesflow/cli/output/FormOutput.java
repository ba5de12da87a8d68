package dev.salesflow.cli.output;

import dev.salesflow.core.model.FilledForm;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filled forms ({@code show --form TYPE}) as text and as the stable structure of json output. */
public final class FormOutput {
  private FormOutput() {}

  /** Each form as a titled list of label and value, items as a table; empty fields show {@code -}. */
  public static String text(List<FilledForm> forms, ZoneId zone, String lang) {
    Words w = Words.of(lang);
    StringBuilder s = new StringBuilder();
    for (FilledForm form : forms) {
      if (s.length() > 0) {
        s.append('\n');
      }
      s.append(form.title()).append("  ").append(form.caseId()).append(" #").append(form.eventNumber()).append(", ")
          .append(CaseOutput.shortTime(form.at(), zone)).append(form.by() == null ? "" : ", " + form.by()).append('\n');
      int width = 0;
      for (FilledForm.Field f : form.fields()) {
        width = Math.max(width, TextTable.width(f.label()));
      }
      for (FilledForm.Field f : form.fields()) {
        s.append("  ").append(f.label()).append(" ".repeat(width - TextTable.width(f.label()) + 2));
        if (f.kind().equals("items")) {
          s.append(f.items().isEmpty() ? "-" : "").append('\n');
          if (!f.items().isEmpty()) {
            TextTable table = new TextTable(List.of("    #", w.get("model"), w.get("quantity"), w.get("price")));
            for (int i = 0; i < f.items().size(); i++) {
              FilledForm.Item item = f.items().get(i);
              table.row(List.of("    " + (i + 1), nz(item.model()), nz(item.quantity()),
                  item.price() == null ? "-" : item.price() + (f.currency() == null ? "" : " " + f.currency())));
            }
            s.append(table.render());
          }
        } else {
          s.append(f.value() == null ? "-" : f.value() + (f.currency() == null ? "" : " " + f.currency())).append('\n');
        }
      }
    }
    return s.toString();
  }

  /** The forms as json: {@code [{case, type, title, event, at, by, fields: {id: value | [items]}}]}. */
  public static List<Map<String, Object>> json(List<FilledForm> forms, ZoneId zone) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FilledForm form : forms) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("case", form.caseId());
      m.put("type", form.type());
      m.put("title", form.title());
      m.put("event", form.eventNumber());
      m.put("at", CaseOutput.time(form.at(), zone));
      m.put("by", form.by());
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FilledForm.Field f : form.fields()) {
        if (f.kind().equals("items")) {
          List<Map<String, Object>> items = new ArrayList<>();
          for (FilledForm.Item item : f.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("model", item.model());
            i.put("quantity", item.quantity());
            i.put("price", item.price());
            items.add(i);
          }
          fields.put(f.id(), items);
        } else {
          fields.put(f.id(), f.value());
        }
      }
      m.put("fields", fields);
      List<String> missing = new ArrayList<>();
      for (FilledForm.Field f : form.fields()) {
        if (f.required() && (f.kind().equals("items") ? f.items().isEmpty() : f.value() == null)) {
          missing.add(f.id());
        }
      }
      m.put("missing_required", missing);
      out.add(m);
    }
    return out;
  }

  /** Why there is no form to print: the case has no event of {@code type} (labelled {@code label}). */
  public static String none(String caseId, String type, String label) {
    return "case " + caseId + " has no '" + type + "' event (" + label + "), so it has no such form";
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }
}
