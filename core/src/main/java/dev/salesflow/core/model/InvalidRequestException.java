package dev.salesflow.core.model;

/** A request names a bad value: an unknown stage, a malformed id or timestamp, a missing field. */
public final class InvalidRequestException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure with a message naming the bad value and, where it helps, the accepted ones.
   *
   * @param message what is wrong, for a person
   */
  public InvalidRequestException(String message) {
    super(message);
  }
}
