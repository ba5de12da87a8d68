package dev.salesflow.core.notify;

/**
 * A channel could not deliver a message. {@code retryable} for what may pass on a later try (a
 * timeout, a refused connection, a 5xx or 429 answer); never carries a secret in its message.
 */
final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  DeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }
}
