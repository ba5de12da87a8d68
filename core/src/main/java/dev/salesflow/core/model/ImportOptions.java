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
 * @param dealDefaults values for deal fields a row with a stage after the first leaves blank, e.g.
 *     the reason of lost deals
 */
public record ImportOptions(boolean skipInvalid, boolean dryRun, Map<RegistrationField, String> defaults,
    Map<DealField, String> dealDefaults) {
  /**
   * Copies the defaults so the options are immutable.
   *
   * @param skipInvalid register the valid rows even when some are invalid
   * @param dryRun write nothing
   * @param defaults values for blank fields, or null for none
   * @param dealDefaults values for blank deal fields, or null for none
   */
  public ImportOptions {
    defaults = defaults == null || defaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(defaults));
    dealDefaults = dealDefaults == null || dealDefaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(dealDefaults));
  }

  /**
   * Options without deal defaults.
   *
   * @param skipInvalid register the valid rows even when some are invalid
   * @param dryRun write nothing
   * @param defaults values for blank fields, or null for none
   */
  public ImportOptions(boolean skipInvalid, boolean dryRun, Map<RegistrationField, String> defaults) {
    this(skipInvalid, dryRun, defaults, null);
  }
}
