package dev.salesflow.core.yaml;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a section of a settings file from its YAML tree by hand, collecting every problem with its
 * file and place instead of stopping at the first; the sections that do (team, notify) extend it
 * with their own fields.
 */
public class SettingsBinder {
  private final Path file;
  private final List<Diagnostic> problems = new ArrayList<>();

  /** A binder whose problems name {@code file}. */
  public SettingsBinder(Path file) {
    this.file = file;
  }

  /** The problems found so far, in the order found (live: a caller may add its own). */
  public final List<Diagnostic> problems() {
    return problems;
  }

  /** Records a problem at {@code at} whose message is a catalog entry. */
  public final void problem(DiagnosticCode code, SourcePosition at, Message message) {
    problems.add(Diagnostic.error(code, file, at, message));
  }

  /** Records a problem at {@code at}. */
  public final void problem(DiagnosticCode code, SourcePosition at, String message) {
    problems.add(Diagnostic.error(code, file, at, message));
  }

  /** {@link YamlNode#kind} as a catalog entry where the catalog has it. */
  public static Message kind(YamlNode node) {
    return switch (node.kind()) {
      case "a mapping" -> Message.of(MessageKey.A_MAPPING);
      case "a sequence" -> Message.literal("a sequence");
      case "a string" -> Message.of(MessageKey.A_STRING);
      default -> Message.literal(node.kind());
    };
  }

  /** The entries of a mapping, each unknown key a problem; no entries when {@code node} is not a mapping. */
  public final Map<String, YamlNode.Entry> mapping(YamlNode node, Set<String> known, String what) {
    if (!(node instanceof YamlNode.Mapping m)) {
      problem(DiagnosticCode.WRONG_TYPE, node.position(), Message.of(MessageKey.MUST_BE_A_MAPPING, what,
          kind(node)));
      return Map.of();
    }
    for (YamlNode.Entry entry : m.entries().values()) {
      if (!known.contains(entry.key())) {
        problem(DiagnosticCode.UNKNOWN_FIELD, entry.keyPosition(), Message.of(MessageKey.UNKNOWN_FIELD_IN, entry.key(), what,
            String.join(", ", new TreeSet<>(known))));
      }
    }
    return m.entries();
  }

  /** Whether {@code node} is YAML's null ({@code ~}, {@code null} or nothing). */
  public static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
  }
}
