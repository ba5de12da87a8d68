package dev.salesflow.core.model;

/** Base of every failure salesflow reports to its caller with a message fit for a person. */
public abstract class SalesflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The message as a catalog entry; {@link #getMessage} is its English text. */
  private final transient Message text;

  protected SalesflowException(String message) {
    super(message);
    this.text = Message.literal(String.valueOf(message));
  }

  protected SalesflowException(String message, Throwable cause) {
    super(message, cause);
    this.text = Message.literal(String.valueOf(message));
  }

  /**
   * A failure whose message is a catalog entry.
   *
   * @param text the message; its English text is {@link #getMessage}
   */
  protected SalesflowException(Message text) {
    super(text.english());
    this.text = text;
  }

  /**
   * The message in a language.
   *
   * @param lang {@code en} or {@code zh}
   * @return the message, in that language where the catalog has it
   */
  public String message(String lang) {
    return text == null || "en".equals(lang) ? getMessage() : text.in(lang);
  }
}
