package dev.salesflow.core.api;

/** No {@code salesflow.yaml} was found where one was expected. */
public final class WorkspaceNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  public WorkspaceNotFoundException(String message) {
    super(message);
  }
}
