package dev.salesflow.core.yaml;

import dev.salesflow.core.model.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node that remembers where it was written, so problems can point at it. */
public sealed interface YamlNode {
  SourcePosition position();

  /** What this node is, for "expected a mapping, found a sequence" messages. */
  String kind();

  /**
   * The position of the node at {@code path} (mapping keys as strings, sequence indexes as
   * integers), or of the deepest node on the way when the path leads nowhere.
   */
  default SourcePosition positionOf(Object... path) {
    YamlNode node = this;
    SourcePosition at = position();
    for (Object step : path) {
      if (node instanceof Mapping m && step instanceof String key && m.entries().containsKey(key)) {
        Entry entry = m.entries().get(key);
        node = entry.value();
        at = entry.keyPosition();
      } else if (node instanceof Sequence s && step instanceof Integer i && i >= 0 && i < s.items().size()) {
        node = s.items().get(i);
        at = node.position();
      } else {
        break;
      }
    }
    return at;
  }

  /** The position of the value at {@code path} (not its key), or of the deepest node on the way. */
  default SourcePosition valuePositionOf(Object... path) {
    YamlNode node = this;
    for (Object step : path) {
      if (node instanceof Mapping m && step instanceof String key && m.entries().containsKey(key)) {
        node = m.entries().get(key).value();
      } else if (node instanceof Sequence s && step instanceof Integer i && i >= 0 && i < s.items().size()) {
        node = s.items().get(i);
      } else {
        break;
      }
    }
    return node.position();
  }

  /** A scalar; {@code text} is null for a YAML null, {@code plain} is false when quoted. */
  record Scalar(String text, ScalarType type, SourcePosition position) implements YamlNode {
    @Override
    public String kind() {
      return text == null ? "null" : type == ScalarType.STRING ? "a string" : "a " + type.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A mapping whose entries keep their file order and their key positions. */
  record Mapping(Map<String, Entry> entries, SourcePosition position) implements YamlNode {
    public Mapping {
      // the readers hand over a map they never touch again: wrapped, not copied
      entries = java.util.Collections.unmodifiableMap(entries instanceof Owned ? entries : new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a sequence";
    }
  }

  /** The entries of a mapping being read, given to {@link Mapping} without a copy once complete. */
  final class Owned extends LinkedHashMap<String, Entry> {
    private static final long serialVersionUID = 1L;

    Owned() {}
  }

  /** One key of a mapping with its value. */
  record Entry(String key, SourcePosition keyPosition, YamlNode value) {}

  /** How a scalar was resolved by YAML's core schema. */
  enum ScalarType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }
}
