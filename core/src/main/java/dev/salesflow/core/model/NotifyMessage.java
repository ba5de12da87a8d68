package dev.salesflow.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The one message {@code notify} sends (or, in a dry run, would send) to one person: the follow-ups
 * not yet told to them, in their language.
 *
 * @param recipient the person id
 * @param email their e-mail address, or null
 * @param language {@code en} or {@code zh}
 * @param channels where it goes: {@code email} and/or the webhook's kind
 * @param subject the subject line
 * @param body the plain-text body
 * @param notices the follow-ups it tells of
 * @param failure why it could not be sent, or null when it was sent (or is a dry run's)
 */
public record NotifyMessage(String recipient, String email, String language, List<String> channels, String subject,
    String body, List<NotifyNotice> notices, String failure) {
  /**
   * Copies the lists.
   *
   * @param recipient the person id; not null
   * @param email the e-mail address, or null
   * @param language the language; not null
   * @param channels the channels
   * @param subject the subject; not null
   * @param body the body; not null
   * @param notices the follow-ups
   * @param failure why it was not sent, or null
   */
  public NotifyMessage {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    channels = List.copyOf(channels);
    notices = List.copyOf(notices);
  }

  /**
   * This message marked as not sent.
   *
   * @param why what went wrong, without any secret
   * @return the same message with {@code failure} set
   */
  public NotifyMessage failed(String why) {
    return new NotifyMessage(recipient, email, language, channels, subject, body, notices, why);
  }
}
