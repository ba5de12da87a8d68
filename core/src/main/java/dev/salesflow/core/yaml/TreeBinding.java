package dev.salesflow.core.yaml;

import dev.salesflow.core.model.Labels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds plainly written {@link YamlNode} trees to records without Jackson, which takes longer to
 * start than a short command takes to run. It only handles what it is sure Jackson's {@code
 * YAMLMapper} (snake_case, unknown properties refused, single values accepted as lists) binds the
 * same way: strings where strings are expected, sequences where lists are, known keys, and values
 * the records accept. At anything else it throws {@link NotPlain}; {@link #attempt} then gives
 * nothing, and the caller binds with Jackson, which also reports any problem with its place. So a
 * result is always the one Jackson would give.
 *
 * <p>{@link NotPlain} is the only signal: a binder checks what a record's constructor would refuse
 * (a missing id, a null in a list) before calling it, so any other exception is a bug and
 * propagates rather than being hidden by Jackson's second try.
 *
 * <p>What every run binds (the workspace settings, its SLA rules and calendars) is bound with loops
 * over {@link #items} and {@link #stringMap} rather than through {@link #list}'s function: the first
 * lambda or method reference a JVM meets costs a short command about 8 ms (cli's StartupPathTest).
 */
public final class TreeBinding {

  private TreeBinding() {}

  /**
   * Thrown at anything not plainly written, or that a record would refuse: let Jackson bind it.
   * Carries no stack trace, as it is expected.
   */
  public static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param why what was not plain, for debugging */
    public NotPlain(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * The value {@code binding} builds, or empty when it throws {@link NotPlain} (Jackson then binds
   * the tree, and reports any problem with its place). Any other exception propagates.
   */
  public static <T> Optional<T> attempt(Supplier<T> binding) {
    try {
      return Optional.of(binding.get());
    } catch (NotPlain notPlain) {
      return Optional.empty();
    }
  }

  /** {@code value}, which a record requires; a missing one is not plain (Jackson reports it). */
  public static <T> T required(T value, String what) {
    if (value == null) {
      throw new NotPlain("missing " + what);
    }
    return value;
  }

  /** True for an absent value ({@code null}) or a YAML null, which Jackson binds to null. */
  public static boolean isNull(YamlNode node) {
    return node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
  }

  /** The entries of a mapping whose keys are all among {@code known}; values by key. */
  public static Map<String, YamlNode> fields(YamlNode node, Set<String> known) {
    Map<String, YamlNode> values = new LinkedHashMap<>();
    for (YamlNode.Entry entry : entries(node)) {
      if (!known.contains(entry.key())) {
        throw new NotPlain("unknown key " + entry.key());
      }
      values.put(entry.key(), entry.value());
    }
    return values;
  }

  /** A string scalar's text; null for a null; anything else is not plain. */
  public static String string(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING) {
      return s.text();
    }
    throw new NotPlain("expected a string, found " + kindOf(node));
  }

  /** {@code 0|[1-9][0-9]{0,17}}: at most 18 digits, so it fits a long. */
  private static boolean isPlainInteger(String text) {
    if (text.isEmpty() || text.length() > 18 || (text.charAt(0) == '0' && text.length() > 1)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** An integer written plainly (no sign, underscores or leading zeros); null for a null. */
  public static BigDecimal integer(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NUMBER
        && isPlainInteger(s.text())) {
      return new BigDecimal(s.text());
    }
    throw new NotPlain("expected a plain integer, found " + kindOf(node));
  }

  /**
   * A list of strings; a single non-empty string is a list of one, as Jackson is told to accept. A
   * null item is not plain: the records copy their lists with {@code List.copyOf}, which refuses it.
   */
  public static List<String> strings(YamlNode node) {
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING && !s.text().isEmpty()) {
      return new ArrayList<>(List.of(s.text()));
    }
    List<YamlNode> items = items(node);
    if (items == null) {
      return null;
    }
    List<String> strings = new ArrayList<>(items.size());
    for (YamlNode n : items) {
      strings.add(required(string(n), "list item"));
    }
    return strings;
  }

  /** A sequence's items, for the caller to bind one by one; null for a null. */
  public static List<YamlNode> items(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    if (!(node instanceof YamlNode.Sequence s)) {
      throw new NotPlain("expected a sequence, found " + kindOf(node));
    }
    return s.items();
  }

  /** A sequence bound item by item; null for a null. */
  public static <T> List<T> list(YamlNode node, Function<YamlNode, T> item) {
    List<YamlNode> items = items(node);
    if (items == null) {
      return null;
    }
    List<T> bound = new ArrayList<>(items.size());
    for (YamlNode n : items) {
      bound.add(item.apply(n));
    }
    return bound;
  }

  /**
   * A mapping of strings, in file order; null for a null. A null value is not plain: the records
   * copy their maps with {@code Map.copyOf}, which refuses it.
   */
  public static Map<String, String> stringMap(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (YamlNode.Entry entry : entries(node)) {
      values.put(entry.key(), required(string(entry.value()), "map value"));
    }
    return values;
  }

  /** A mapping bound value by value, in file order; null for a null. */
  public static <T> Map<String, T> map(YamlNode node, Function<YamlNode, T> value) {
    if (isNull(node)) {
      return null;
    }
    Map<String, T> values = new LinkedHashMap<>();
    for (YamlNode.Entry entry : entries(node)) {
      values.put(entry.key(), value.apply(entry.value()));
    }
    return values;
  }

  /** A mapping's entries in file order; anything else is not plain. */
  private static java.util.Collection<YamlNode.Entry> entries(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping m)) {
      throw new NotPlain("expected a mapping, found " + kindOf(node));
    }
    return m.entries().values();
  }

  /** {@code {en: ..., zh: ...}}; null for a null. */
  public static Labels labels(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    Map<String, YamlNode> f = fields(node, Set.of("en", "zh"));
    return new Labels(string(f.get("en")), string(f.get("zh")));
  }

  private static String kindOf(YamlNode node) {
    return node == null ? "nothing" : node.kind();
  }
}
