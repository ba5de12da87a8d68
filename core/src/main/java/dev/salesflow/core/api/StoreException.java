package dev.salesflow.core.api;

/** The store or a file could not be read or written. */
public final class StoreException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
