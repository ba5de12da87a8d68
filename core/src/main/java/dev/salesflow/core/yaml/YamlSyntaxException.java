package dev.salesflow.core.yaml;

import dev.salesflow.core.model.SourcePosition;

/** The text is not acceptable YAML for salesflow; carries where and why. */
public final class YamlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final SourcePosition position;

  public YamlSyntaxException(String code, String message, SourcePosition position) {
    super(message);
    this.code = code;
    this.position = position;
  }

  /** The diagnostic code slug, e.g. {@code yaml-syntax}, {@code duplicate-key}. */
  public String code() {
    return code;
  }

  public SourcePosition position() {
    return position;
  }
}
