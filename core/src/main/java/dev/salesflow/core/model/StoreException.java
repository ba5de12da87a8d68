package dev.salesflow.core.model;

/** The store or a file could not be read or written. */
public final class StoreException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure caused by another, usually an {@code IOException} or {@code SQLException}.
   *
   * @param message what could not be read or written, and why
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failure found by salesflow itself, e.g. a database that is not a salesflow one.
   *
   * @param message what could not be read or written, and why
   */
  public StoreException(String message) {
    super(message);
  }
}
