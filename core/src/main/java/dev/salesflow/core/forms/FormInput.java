package dev.salesflow.core.forms;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.process.FieldSpec;
import dev.salesflow.core.process.Form;
import dev.salesflow.core.process.FormField;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a user fills in a form: a YAML or JSON file of field id to value (a list of items as a
 * sequence of {@code {model, quantity, price}} mappings), turned into the event's fields, every
 * problem reported at once with its file, line and column.
 */
public final class FormInput {
  /** A form file is a few fields; anything this large is a mistake. */
  static final int MAX_BYTES = 1 << 20;

  private FormInput() {}

  /**
   * The event fields that {@code file} fills in for an event of {@code type}.
   *
   * @throws InvalidRequestException when the type has no form or the file cannot be read
   * @throws DiagnosticsException listing every unknown field and bad value with its place
   */
  public static Map<String, String> read(ProcessDefinition process, String type, Path file) {
    Form form = formOf(process, type);
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidRequestException("form file " + file + " is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidRequestException("cannot read form file " + file + ": " + e.getMessage());
    }
    YamlNode.Mapping root;
    try {
      root = YamlTreeReader.readMapping(YamlTreeReader.decodeUtf8OrThrow(bytes, file));
    } catch (YamlSyntaxException e) {
      throw new DiagnosticsException(DiagnosticsException.Kind.FORM,
          List.of(Diagnostic.error(DiagnosticCode.ofSlug(e.code()), file, e.position(), e.getMessage())));
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    for (YamlNode.Entry entry : root.entries().values()) {
      FormField field = form.fields().get(entry.key());
      if (field == null) {
        problems.add(Diagnostic.error(DiagnosticCode.UNKNOWN_FIELD, file, entry.keyPosition(), "'" + type
            + "' form has no field '" + entry.key() + "' (fields: " + String.join(", ", form.fields().keySet()) + ")"));
      } else if (field.kind() == FieldSpec.Kind.ITEMS) {
        items(process, type, entry, file, fields, problems);
      } else {
        put(process, type, entry.key(), entry.value(), file, fields, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticsException(DiagnosticsException.Kind.FORM, problems);
    }
    return fields;
  }

  private static void items(ProcessDefinition process, String type, YamlNode.Entry entry, Path file,
      Map<String, String> fields, List<Diagnostic> problems) {
    if (!(entry.value() instanceof YamlNode.Sequence seq)) {
      problems.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, entry.value().position(), "'" + entry.key()
          + "' is a list of items, each {model, quantity, price}; found " + entry.value().kind()));
      return;
    }
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      if (!(item instanceof YamlNode.Mapping m)) {
        problems.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, item.position(),
            "each item of '" + entry.key() + "' is a mapping {model, quantity, price}; found " + item.kind()));
        continue;
      }
      for (YamlNode.Entry part : m.entries().values()) {
        if (!FormField.ITEM_PARTS.contains(part.key())) {
          problems.add(Diagnostic.error(DiagnosticCode.UNKNOWN_FIELD, file, part.keyPosition(), "an item has no field '"
              + part.key() + "' (fields: " + String.join(", ", FormField.ITEM_PARTS) + ")"));
        } else {
          put(process, type, entry.key() + "." + (i + 1) + "." + part.key(), part.value(), file, fields, problems);
        }
      }
    }
  }

  private static void put(ProcessDefinition process, String type, String key, YamlNode value, Path file,
      Map<String, String> fields, List<Diagnostic> problems) {
    if (!(value instanceof YamlNode.Scalar s)) {
      problems.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, value.position(),
          "'" + key + "' must be a single value, found " + value.kind()));
      return;
    }
    if (s.text() == null || s.text().isBlank()) {
      return; // an empty field of a form template: not filled in
    }
    String problem = process.valueProblem(type, key, s.text());
    if (problem != null) {
      problems.add(Diagnostic.error(DiagnosticCode.BAD_VALUE, file, value.position(), problem));
    } else {
      fields.put(key, s.text());
    }
  }

  /**
   * The form of {@code type}.
   *
   * @throws InvalidRequestException naming the types with a form when it has none
   */
  public static Form formOf(ProcessDefinition process, String type) {
    Form form = process.formOf(type);
    if (form == null) {
      List<String> withForms = new ArrayList<>();
      process.eventTypes().forEach((id, spec) -> {
        if (spec.form() != null) {
          withForms.add(id);
        }
      });
      throw new InvalidRequestException("event type '" + type + "' has no form (types with a form: "
          + String.join(", ", withForms) + ")");
    }
    return form;
  }

}
