package dev.salesflow.core.notify;

import dev.salesflow.core.model.NotifyMessage;
import java.time.Duration;

/** Where a message goes: an SMTP server or a chat webhook. */
sealed interface Channel permits SmtpChannel, WebhookChannel {
  /** The name a message lists among its channels: {@code email}, or the webhook's kind. */
  String name();

  /** Whether this channel can reach a person with this e-mail address (or none: null) at all. */
  boolean reaches(String email);

  /** Sends once, without retrying. */
  void send(NotifyMessage message) throws DeliveryException;

  /** Tries up to {@code attempts} times, waiting {@code backoff}, then twice that, between tries. */
  default void sendRetrying(NotifyMessage message, int attempts, Duration backoff) throws DeliveryException {
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      try {
        send(message);
        return;
      } catch (DeliveryException e) {
        if (!e.retryable() || attempt >= attempts) {
          throw attempt > 1 ? new DeliveryException(e.getMessage() + " (after " + attempt + " tries)", false) : e;
        }
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
        throw new DeliveryException(name() + ": interrupted", false);
      }
      wait = wait.multipliedBy(2);
    }
  }
}
