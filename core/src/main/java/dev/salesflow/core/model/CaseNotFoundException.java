package dev.salesflow.core.model;

/** No case has the requested id. */
public final class CaseNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;
  /** The id asked for. */
  private final String id;

  /**
   * A failure naming the id and the store searched.
   *
   * @param id the id asked for
   * @param where the store, described for messages (e.g. {@code case folder examples/cases})
   */
  public CaseNotFoundException(String id, String where) {
    super(Message.of(MessageKey.NO_CASE, id, where));
    this.id = id;
  }

  /**
   * The id no case has.
   *
   * @return the id asked for
   */
  public String id() {
    return id;
  }
}
