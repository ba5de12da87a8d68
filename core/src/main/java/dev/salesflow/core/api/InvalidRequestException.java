package dev.salesflow.core.api;

/** A request names a bad value: an unknown stage, a malformed id or timestamp, a missing field. */
public final class InvalidRequestException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
