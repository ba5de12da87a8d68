package dev.salesflow.core.model;

import java.nio.file.Path;

/** No {@code salesflow.yaml} was found where one was expected. */
public final class WorkspaceNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  /** The folder that should have held it; null when the message says where it was looked for. */
  private final transient Path folder;

  /**
   * A failure naming where {@code salesflow.yaml} was looked for.
   *
   * @param message what was searched, for a person
   */
  public WorkspaceNotFoundException(String message) {
    this(message, null);
  }

  /**
   * A failure for one folder without {@code salesflow.yaml}, which a caller may offer to create.
   *
   * @param message what is missing where, for a person
   * @param folder the folder that should have held it
   */
  public WorkspaceNotFoundException(String message, Path folder) {
    super(message);
    this.folder = folder;
  }

  /**
   * The folder that should have held {@code salesflow.yaml}.
   *
   * @return the folder, or null when the failure is not about one folder
   */
  public Path folder() {
    return folder;
  }
}
