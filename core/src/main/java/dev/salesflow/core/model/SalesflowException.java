package dev.salesflow.core.model;

/** Base of every failure salesflow reports to its caller with a message fit for a person. */
public abstract class SalesflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SalesflowException(String message) {
    super(message);
  }

  protected SalesflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
