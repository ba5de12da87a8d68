package dev.salesflow.core.api;

/** No case has the requested id. */
public final class CaseNotFoundException extends SalesflowException {
  private static final long serialVersionUID = 1L;

  public CaseNotFoundException(String id, String where) {
    super("no case '" + id + "' in " + where);
  }
}
