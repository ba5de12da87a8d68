package dev.salesflow.core.store.yaml;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.CaseIds;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.Timestamps;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of a case file into a {@link Case}, collecting every problem with its position:
 * unknown fields (naming the known ones), wrong types, missing registration fields, bad enum
 * values, unparseable timestamps, and a file name that differs from the id.
 */
public final class CaseFileReader {
  private static final List<String> TOP = List.of("id", "customer", "source", "priority", "owner", "registered_at", "needs", "events");
  private static final List<String> CUSTOMER = List.of("company", "industry", "size", "contact");
  private static final List<String> CONTACT = List.of("name", "title", "phone", "email");
  private static final Set<String> REQUIRED_TOP = Set.of("id", "customer", "source", "priority", "owner", "registered_at");
  private static final Set<String> EVENT_CORE = Set.of("at", "type", "by", "note");

  private final ProcessDefinition process;
  private final ZoneId zone;

  public CaseFileReader(ProcessDefinition process, ZoneId zone) {
    this.process = process;
    this.zone = zone;
  }

  /** Reads {@code bytes} of {@code file}; throws with every problem found. */
  public CaseFile read(Path file, byte[] bytes) {
    Binding b = new Binding(file);
    YamlNode.Mapping root;
    try {
      root = YamlTreeReader.readMapping(YamlTreeReader.decodeUtf8(bytes));
    } catch (YamlSyntaxException e) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CASE_FILE,
          List.of(Diagnostic.error(DiagnosticCode.ofSlug(e.code()), file, e.position(), e.getMessage())));
    }
    CaseFile result = b.bind(root);
    if (!b.problems.isEmpty()) {
      String id = result == null ? null : result.value().id();
      throw new DiagnosticsException(DiagnosticsException.Kind.CASE_FILE, b.problems.stream()
          .sorted(java.util.Comparator.comparing((Diagnostic d) -> d.position().line()).thenComparing(d -> d.position().column()))
          .map(d -> d.forCase(id))
          .toList());
    }
    return result;
  }

  /**
   * Why {@code file} (found as {@code X.yaml} among the case files) is no case file, from its own
   * attributes (a link is not followed): "is a FIFO, …", "is a folder, …", "is empty", "cannot be
   * read (…)", "is a symbolic link; …"; empty when it is a readable, non-empty regular file.
   * Nothing is opened, so a FIFO never blocks.
   */
  public static java.util.Optional<String> notACaseFile(Path file) {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return java.util.Optional.of("cannot be read (" + e.getMessage() + ")");
    }
    String notRegular = ", not a regular file; salesflow reads case files only from regular files (rename or remove it)";
    if (a.isSymbolicLink()) {
      return java.util.Optional.of("is a symbolic link; salesflow never reads case files through links");
    } else if (a.isDirectory()) {
      return java.util.Optional.of("is a folder" + notRegular);
    } else if (a.isOther()) {
      return java.util.Optional.of("is " + specialKind(file) + notRegular);
    } else if (a.size() == 0) {
      return java.util.Optional.of("is empty; a case file holds at least its id and registration (remove it)");
    } else if (!Files.isReadable(file)) {
      return java.util.Optional.of("cannot be read (permission denied)");
    }
    return java.util.Optional.empty();
  }

  /** "a FIFO", "a device", "a socket", from the file's mode where the platform tells it. */
  private static String specialKind(Path file) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        case 0020000, 0060000 -> "a device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file (a FIFO, device or socket)";
    }
  }

  /**
   * The bytes of {@code file}, reading at most {@link YamlTreeReader#MAX_FILE_BYTES} + 1 of them:
   * a larger file is refused with its name before it is held in memory, let alone parsed.
   */
  public static byte[] readBounded(Path file) throws IOException {
    byte[] bytes;
    // never through a link, even one swapped in after the caller looked (the open fails with ELOOP)
    try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      bytes = readAtMost(in, YamlTreeReader.MAX_FILE_BYTES + 1);
    }
    if (bytes.length > YamlTreeReader.MAX_FILE_BYTES) {
      long size = Math.max(bytes.length, Files.size(file));
      throw new DiagnosticsException(DiagnosticsException.Kind.CASE_FILE,
          List.of(Diagnostic.error(DiagnosticCode.TOO_LARGE, file, SourcePosition.START, YamlTreeReader.tooLarge(size))));
    }
    return bytes;
  }

  /**
   * Up to {@code limit} bytes of {@code in}: into an array of the file's size, with one more read
   * to see that it ended there, so a case file is read in two calls and never copied; a file that
   * grows meanwhile is read on as far as {@code limit}.
   */
  private static byte[] readAtMost(java.nio.channels.FileChannel in, int limit) throws IOException {
    byte[] buffer = new byte[(int) Math.min(limit, Math.max(1, in.size()))];
    int n = 0;
    while (true) {
      if (n == buffer.length) {
        if (n == limit) {
          return buffer;
        }
        byte[] one = new byte[1];
        if (in.read(java.nio.ByteBuffer.wrap(one)) < 0) {
          return buffer; // the common case: exactly as long as it said
        }
        buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(8192L, 2L * n)));
        buffer[n++] = one[0];
        continue;
      }
      int read = in.read(java.nio.ByteBuffer.wrap(buffer, n, buffer.length - n));
      if (read < 0) {
        return java.util.Arrays.copyOf(buffer, n);
      }
      n += read;
    }
  }

  /** The id a case file is expected to hold, from its name. */
  public static String idFromFileName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
  }

  private final class Binding {
    private final Path file;
    private final List<Diagnostic> problems = new ArrayList<>();

    Binding(Path file) {
      this.file = file;
    }

    CaseFile bind(YamlNode.Mapping root) {
      unknownFields(root, TOP, "");
      for (String required : TOP) {
        if (REQUIRED_TOP.contains(required) && !root.entries().containsKey(required)) {
          add(DiagnosticCode.MISSING_FIELD, root.position(), "missing registration field '" + required + "'");
        }
      }
      String id = text(root, "id", true);
      if (id != null && !CaseIds.isValid(id)) {
        add(DiagnosticCode.BAD_ID, root.valuePositionOf("id"), "invalid id '" + id + "': " + CaseIds.rule());
      } else if (id != null && file != null && !id.equals(idFromFileName(file))) {
        add(DiagnosticCode.ID_MISMATCH, root.valuePositionOf("id"),
            "id '" + id + "' differs from the file name " + file.getFileName() + " (expected id '" + idFromFileName(file) + "')");
      }
      Customer customer = customer(root);
      String source = text(root, "source", true);
      if (source != null && !process.sources().containsKey(source)) {
        add(DiagnosticCode.BAD_VALUE, root.valuePositionOf("source"),
            "unknown source '" + source + "' (known: " + String.join(", ", process.sources().keySet()) + ")");
      }
      String priorityText = text(root, "priority", true);
      Priority priority = Priority.parse(priorityText).orElse(null);
      if (priorityText != null && priority == null) {
        add(DiagnosticCode.BAD_VALUE, root.valuePositionOf("priority"), Priority.notAPriority(priorityText));
      }
      String owner = text(root, "owner", true);
      OffsetDateTime registeredAt = timestamp(root, "registered_at");
      String need = text(root, "needs", false);
      List<Event> events = new ArrayList<>();
      List<SourcePosition> positions = new ArrayList<>();
      events(root, events, positions);
      Case c = new Case(id == null ? idFromFileName(file) : id, customer, source, priority, owner, registeredAt, need, events);
      return new CaseFile(file, c, root, positions);
    }

    private Customer customer(YamlNode.Mapping root) {
      YamlNode.Mapping m = mapping(root, "customer");
      if (m == null) {
        return null;
      }
      unknownFields(m, CUSTOMER, "customer.");
      for (String required : List.of("company", "industry", "contact")) {
        if (!m.entries().containsKey(required)) {
          add(DiagnosticCode.MISSING_FIELD, m.position(), "missing registration field 'customer." + required + "'");
        }
      }
      YamlNode.Mapping cm = mapping(m, "contact");
      Contact contact = null;
      if (cm != null) {
        unknownFields(cm, CONTACT, "customer.contact.");
        if (!cm.entries().containsKey("name")) {
          add(DiagnosticCode.MISSING_FIELD, cm.position(), "missing registration field 'customer.contact.name'");
        }
        contact = new Contact(text(cm, "name", true), text(cm, "title", false), text(cm, "phone", false), text(cm, "email", false));
      }
      return new Customer(text(m, "company", true), text(m, "industry", true), text(m, "size", false), contact);
    }

    private void events(YamlNode.Mapping root, List<Event> events, List<SourcePosition> positions) {
      YamlNode.Entry entry = root.entries().get("events");
      if (entry == null || isEmpty(entry.value())) {
        return;
      }
      if (!(entry.value() instanceof YamlNode.Sequence seq)) {
        add(DiagnosticCode.WRONG_TYPE, entry.value().position(), "'events' must be a list, found " + entry.value().kind());
        return;
      }
      for (YamlNode item : seq.items()) {
        if (!(item instanceof YamlNode.Mapping m)) {
          add(DiagnosticCode.WRONG_TYPE, item.position(), "each event must be a mapping, found " + item.kind());
          continue;
        }
        Event e = event(m);
        if (e != null) {
          events.add(e);
          positions.add(m.position());
        }
      }
    }

    private Event event(YamlNode.Mapping m) {
      int before = problems.size();
      OffsetDateTime at = timestamp(m, "at");
      String type = text(m, "type", true);
      if (type != null && !Event.ADVANCE.equals(type) && !Event.OPENED.equals(type) && !process.eventTypes().containsKey(type)) {
        add(DiagnosticCode.BAD_VALUE, m.valuePositionOf("type"),
            "unknown event type '" + type + "' (known: " + String.join(", ", process.eventTypes().keySet()) + ", advance, opened)");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (YamlNode.Entry f : m.entries().values()) {
        if (EVENT_CORE.contains(f.key())) {
          continue;
        }
        if (!process.knowsField(type, f.key())) {
          add(DiagnosticCode.UNKNOWN_FIELD, f.keyPosition(),
              "unknown event field '" + f.key() + "' (known: " + process.knownEventFieldNames(type) + ")");
          continue;
        }
        String value = scalar(f, "event field '" + f.key() + "'");
        if (value != null) {
          fields.put(f.key(), value);
        }
      }
      if (problems.size() > before || at == null || type == null) {
        return null;
      }
      Event e = new Event(at, type, text(m, "by", false), text(m, "note", false), fields);
      for (Map.Entry<String, String> problem : process.fieldProblems(e).entrySet()) {
        String field = problem.getKey();
        add(field.equals("type") || !m.entries().containsKey(field) ? DiagnosticCode.MISSING_FIELD : DiagnosticCode.BAD_VALUE,
            m.entries().containsKey(field) ? m.valuePositionOf(field) : m.position(), problem.getValue());
      }
      return problems.size() > before ? null : e;
    }

    private void unknownFields(YamlNode.Mapping m, List<String> known, String prefix) {
      for (YamlNode.Entry e : m.entries().values()) {
        if (!known.contains(e.key())) {
          add(DiagnosticCode.UNKNOWN_FIELD, e.keyPosition(),
              "unknown field '" + prefix + e.key() + "' (known: " + String.join(", ", known) + ")");
        }
      }
    }

    /** The required mapping at {@code key}; null when absent, empty (reported) or not a mapping (reported). */
    private YamlNode.Mapping mapping(YamlNode.Mapping parent, String key) {
      YamlNode.Entry e = parent.entries().get(key);
      if (e == null) {
        return null;
      }
      if (isEmpty(e.value())) {
        add(DiagnosticCode.MISSING_FIELD, e.keyPosition(), "'" + key + "' is empty");
        return null;
      }
      if (e.value() instanceof YamlNode.Mapping m) {
        return m;
      }
      add(DiagnosticCode.WRONG_TYPE, e.value().position(), "'" + key + "' must be a mapping, found " + e.value().kind());
      return null;
    }

    private String text(YamlNode.Mapping m, String key, boolean required) {
      YamlNode.Entry e = m.entries().get(key);
      if (e == null) {
        return null;
      }
      String value = scalar(e, "'" + key + "'");
      if (value == null && required && e.value() instanceof YamlNode.Scalar) {
        add(DiagnosticCode.MISSING_FIELD, e.keyPosition(), "'" + key + "' is empty");
      }
      return value;
    }

    private String scalar(YamlNode.Entry e, String what) {
      if (e.value() instanceof YamlNode.Scalar s) {
        return s.text() == null || s.text().isBlank() ? null : s.text();
      }
      add(DiagnosticCode.WRONG_TYPE, e.value().position(), what + " must be a single value, found " + e.value().kind());
      return null;
    }

    private OffsetDateTime timestamp(YamlNode.Mapping m, String key) {
      String text = text(m, key, true);
      if (text == null) {
        if (!m.entries().containsKey(key) && !"registered_at".equals(key)) {
          add(DiagnosticCode.MISSING_FIELD, m.position(), "missing field '" + key + "'");
        }
        return null;
      }
      OffsetDateTime at = Timestamps.parse(text, zone).orElse(null);
      if (at == null) {
        add(DiagnosticCode.BAD_TIMESTAMP, m.valuePositionOf(key), "'" + key + "' is not a timestamp: '" + text + "'; expected " + Timestamps.accepted());
      }
      return at;
    }

    private boolean isEmpty(YamlNode node) {
      return node instanceof YamlNode.Scalar s && (s.text() == null || s.text().isEmpty());
    }

    private void add(DiagnosticCode code, SourcePosition at, String message) {
      problems.add(Diagnostic.error(code, file, at, message));
    }
  }
}
