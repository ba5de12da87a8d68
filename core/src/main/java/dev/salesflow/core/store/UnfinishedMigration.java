package dev.salesflow.core.store;

import dev.salesflow.core.model.StoreException;
import java.nio.file.Path;

/**
 * The mark of a store that {@code migrate} began to fill and did not finish (killed, the machine
 * lost power): a file {@value #FOLDER_MARK} in a folder, a row {@code meta(key = '}{@value
 * #META_KEY}{@code ')} in a database. It is written before the first case and removed after the
 * last; while it is there every command but a new {@code migrate} into the same store refuses the
 * store, and that {@code migrate} replaces what the unfinished one wrote.
 */
public final class UnfinishedMigration {
  /** The mark in a folder of case files (hidden, not a case file). */
  public static final String FOLDER_MARK = ".salesflow-migrating";
  /** The key of the mark in a database's {@code meta} table. */
  public static final String META_KEY = "unfinished_migration";

  private UnfinishedMigration() {}

  /**
   * The refusal of a store holding the mark.
   *
   * @param store the store as messages name it ({@link CaseStore#describe()})
   * @param target the store as {@code migrate --to} names it
   */
  public static StoreException refusal(String store, String target) {
    return new StoreException(store + " holds an unfinished migration (salesflow migrate into it was stopped before"
        + " it finished, so cases are missing); run 'salesflow migrate --to " + target + "' again to replace it with"
        + " a complete copy, or remove it");
  }

  /** {@link #refusal} for a folder. */
  public static StoreException refusal(Path folder) {
    return refusal("case folder " + folder, folder.toString());
  }
}
