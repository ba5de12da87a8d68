package dev.salesflow.core.model;

/** No case has the requested id. */
public final class CaseNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure naming the id and the store searched.
   *
   * @param id the id asked for
   * @param where the store, described for messages (e.g. {@code case folder examples/cases})
   */
  public CaseNotFoundException(String id, String where) {
    super("no case '" + id + "' in " + where);
  }
}
