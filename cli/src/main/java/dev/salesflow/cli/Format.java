package dev.salesflow.cli;

/** Output formats; each command accepts the ones that make sense for it. */
public enum Format {
  TEXT,
  JSON,
  CSV,
  YAML,
  JUNIT,
  SARIF,
  GITHUB,
  MD,
  HTML;

  /** Lower-case name as typed on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether the format is machine output whose own encoding quotes what it must (json, csv, yaml,
   * sarif): written as it is, not with the visible escapes of text output.
   */
  public boolean isMachine() {
    return this == JSON || this == CSV || this == YAML || this == SARIF;
  }

  /** Every format's label, in declaration order: what {@code --format} offers before a command is named. */
  public static final class Labels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(values()).map(Format::label).iterator();
    }
  }
}
