package dev.salesflow.core.model;

/** No {@code salesflow.yaml} was found where one was expected. */
public final class WorkspaceNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure naming where {@code salesflow.yaml} was looked for.
   *
   * @param message what was searched, for a person
   */
  public WorkspaceNotFoundException(String message) {
    super(message);
  }
}
