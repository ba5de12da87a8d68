package dev.salesflow.core.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * How to import a lead list.
 *
 * @param skipInvalid register the valid rows even when some are invalid (default: nothing is
 *     registered unless every row is valid)
 * @param dryRun check every row and report what would be registered, writing nothing
 * @param defaults values for fields a row leaves blank, e.g. the source of an exhibition's list
 */
public record ImportOptions(boolean skipInvalid, boolean dryRun, Map<RegistrationField, String> defaults) {
  /**
   * Copies the defaults so the options are immutable.
   *
   * @param skipInvalid register the valid rows even when some are invalid
   * @param dryRun write nothing
   * @param defaults values for blank fields, or null for none
   */
  public ImportOptions {
    defaults = defaults == null || defaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(defaults));
  }
}
