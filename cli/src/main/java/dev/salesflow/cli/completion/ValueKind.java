package dev.salesflow.cli.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What may be typed as the value of an option or a positional parameter, for completion. Both the
 * shell's completer and the generated bash script take it from here, so they always agree.
 */
public enum ValueKind {
  /** Free text (a name, a note, a timestamp): nothing to offer. */
  NONE("none"),
  /** A fixed list, given by an enum or a {@code a|b|c} label. */
  FIXED("fixed"),
  CASE("case"),
  STAGE("stage"),
  /** What a report's period is of: registration, ended, or reached: and a stage of the workspace. */
  PERIOD("period"),
  EVENT("event"),
  OWNER("owner"),
  SOURCE("source"),
  DIRECTORY("dir"),
  PATH("path");

  private static final Set<String> STAGE_LABELS = Set.of("STAGE");
  private static final Set<String> OWNER_LABELS = Set.of("OWNER", "WHO");

  private final String word;

  ValueKind(String word) {
    this.word = word;
  }

  /** The lower-case name the bash script and {@code salesflow __complete} use. */
  String word() {
    return word;
  }

  /** The kind of {@code arg}'s values: by its label or option name first, then by its Java type. */
  static ValueKind of(ArgSpec arg) {
    String label = arg.paramLabel().replaceAll("^<|>$", "");
    String name = arg instanceof OptionSpec o ? o.longestName() : "";
    if (label.equals("CASE")) {
      return CASE;
    }
    if (STAGE_LABELS.contains(label)) {
      return STAGE;
    }
    if (label.endsWith("|reached:STAGE")) {
      return PERIOD;
    }
    if (label.equals("TYPE")) {
      return EVENT;
    }
    if (OWNER_LABELS.contains(label)) {
      return OWNER;
    }
    if (name.equals("--source")) {
      return SOURCE;
    }
    if (!fixedValues(arg).isEmpty()) {
      return FIXED;
    }
    Class<?> type = arg.typeInfo().isMultiValue() && arg.typeInfo().getAuxiliaryTypes().length > 0
        ? arg.typeInfo().getAuxiliaryTypes()[0]
        : arg.typeInfo().getType();
    if (type == java.nio.file.Path.class || type == java.io.File.class) {
      return label.equals("DIR") ? DIRECTORY : PATH;
    }
    return NONE;
  }

  /**
   * The values of a {@link #FIXED} argument: {@code A|B|C} from its label, the priorities for
   * {@code --priority}, else its enum constants in lower case.
   */
  static List<String> fixedValues(ArgSpec arg) {
    String label = arg.paramLabel().replaceAll("^<|>$", "");
    if (label.matches("[\\w-]+(\\|[\\w-]+)+")) {
      return List.of(label.split("\\|"));
    }
    if (arg instanceof OptionSpec o && o.longestName().equals("--priority")) {
      return List.of("A", "B", "C");
    }
    if (arg.completionCandidates() != null && arg.typeInfo().isEnum()) {
      List<String> values = new ArrayList<>();
      arg.completionCandidates().forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
      return values;
    }
    return List.of();
  }

  /** The kind with {@code word}, as given to {@code __complete}. */
  public static java.util.Optional<ValueKind> ofWord(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
  }
}
