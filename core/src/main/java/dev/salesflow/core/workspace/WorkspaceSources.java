package dev.salesflow.core.workspace;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Labels;
import dev.salesflow.core.model.TextCharacters;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.yaml.TreeBinding;
import dev.salesflow.core.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sources:} in {@code salesflow.yaml}: lead sources added to the process's, or relabelling
 * one of them by id, as {@code sla:} adds or overrides rules, so a workspace takes a CRM's channels
 * ("Cold Call") without writing a whole process file. Bound from the tree, so every bad entry is
 * reported at once at its own key or value.
 */
final class WorkspaceSources {
  /** What a source id may be: it is written in case files ({@code source: cold_call}) and typed on command lines. */
  private static final String ID_RULE = "[a-z][a-z0-9_]*";

  private WorkspaceSources() {}

  /** {@code process} with the sources of {@code tree}'s {@code sources:} added; the process itself when there are none. */
  static ProcessDefinition extend(ProcessDefinition process, YamlNode.Mapping tree, Path file) {
    YamlNode.Entry entry = tree.entries().get("sources");
    if (entry == null || TreeBinding.isNull(entry.value())) {
      return process;
    }
    List<Diagnostic> problems = new ArrayList<>();
    if (!(entry.value() instanceof YamlNode.Mapping given)) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
          DiagnosticCode.WRONG_TYPE, file, entry.value().position(), "sources must be a mapping of source id to labels,"
              + " e.g. sources: {cold_call: {en: Cold call, zh: 陌生电话}}, got " + entry.value().kind())));
    }
    Map<String, Labels> merged = new LinkedHashMap<>(process.sources());
    Map<String, YamlNode.Entry> own = new LinkedHashMap<>();
    for (YamlNode.Entry source : given.entries().values()) {
      if (!source.key().matches(ID_RULE)) {
        problems.add(Diagnostic.error(DiagnosticCode.BAD_VALUE, file, source.keyPosition(), "source id '" + source.key()
            + "' must be lower-case letters, digits and _, starting with a letter (the labels say it in words)"));
        continue;
      }
      Labels labels = labels(source, file, problems);
      if (labels != null) {
        merged.put(source.key(), labels);
        own.put(source.key(), source);
      }
    }
    // import reads a source by its id or either label: two sources that one word names could not be told apart
    for (Map.Entry<String, YamlNode.Entry> mine : own.entrySet()) {
      String id = mine.getKey();
      YamlNode.Entry source = mine.getValue();
      Labels l = merged.get(id);
      for (Map.Entry<String, Labels> other : merged.entrySet()) {
        if (other.getKey().equals(id)) {
          continue;
        }
        for (String lang : new String[] {"en", "zh"}) {
          String word = "en".equals(lang) ? l.en() : l.zh();
          if (word != null && names(other.getKey(), other.getValue(), word)) {
            problems.add(Diagnostic.error(DiagnosticCode.BAD_VALUE, file, source.value().valuePositionOf(lang), "label '" + word
                + "' of source '" + id + "' also names source '" + other.getKey() + "'; a lead list's '" + word
                + "' could be either (give it another label)"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.position().line()).thenComparingInt(d -> d.position().column()));
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, problems);
    }
    return process.withSources(merged);
  }

  /** Whether {@code word} is source {@code id} or one of its labels, compared as import compares them. */
  private static boolean names(String id, Labels labels, String word) {
    return id.equalsIgnoreCase(word)
        || labels != null && (word.equalsIgnoreCase(labels.en()) || word.equals(labels.zh()));
  }

  /** The labels of one entry, {@code {en: ..., zh: ...}} with at least one; null, with its problems added, when bad. */
  private static Labels labels(YamlNode.Entry source, Path file, List<Diagnostic> problems) {
    String id = source.key();
    if (!(source.value() instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
      problems.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, source.value().position(), "source '" + id
          + "' needs its labels, e.g. " + id + ": {en: " + words(id) + "}, got " + source.value().kind()));
      return null;
    }
    int before = problems.size();
    String en = null;
    String zh = null;
    for (YamlNode.Entry label : m.entries().values()) {
      if (!label.key().equals("en") && !label.key().equals("zh")) {
        problems.add(Diagnostic.error(DiagnosticCode.UNKNOWN_FIELD, file, label.keyPosition(), "unknown field '"
            + label.key() + "' of source '" + id + "' (known: en, zh)"));
        continue;
      }
      Optional<String> text = label.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING
          && !s.text().isBlank() ? Optional.of(s.text().strip()) : Optional.empty();
      if (text.isEmpty()) {
        problems.add(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, label.value().position(), "label " + label.key()
            + " of source '" + id + "' must be text, got " + label.value().kind()));
        continue;
      }
      Optional<String> hidden = TextCharacters.problem("label " + label.key() + " of source '" + id + "'", text.get(), false);
      if (hidden.isPresent()) {
        problems.add(Diagnostic.error(DiagnosticCode.BAD_VALUE, file, label.value().position(), hidden.get()));
        continue;
      }
      if (label.key().equals("en")) {
        en = text.get();
      } else {
        zh = text.get();
      }
    }
    return problems.size() > before ? null : new Labels(en, zh);
  }

  /** {@code cold_call} as {@code Cold call}, for the example of a message. */
  private static String words(String id) {
    String spaced = id.replace('_', ' ');
    return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}
