package dev.salesflow.core.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * @param dateFormat the {@link ImportTimes#of pattern} of the list's times ({@code registered_at},
 *     {@code stage_at}), or null for ISO-8601
 * @param zone the zone of the times of the list and its event file that have no offset, or null for
 *     the workspace's
 * @param headers the file's header of each column that gives a field, by the field's column name
 *     ({@code source} → {@code Lead Source}), for messages; fields not in it are named by their own name
 */
public record ImportOptions(boolean skipInvalid, boolean dryRun, Map<RegistrationField, String> defaults,
    Map<DealField, String> dealDefaults, String dateFormat, ZoneId zone, Map<String, String> headers) {
  /**
   * Copies the maps so the options are immutable, and checks the pattern.
   *
   * @param skipInvalid register the valid rows even when some are invalid
   * @param dryRun write nothing
   * @param defaults values for blank fields, or null for none
   * @param dealDefaults values for blank deal fields, or null for none
   * @param dateFormat the pattern of the list's times, or null for ISO-8601
   * @param zone the zone of times without an offset, or null for the workspace's
   * @param headers the file's headers by field column name, or null for none
   * @throws InvalidRequestException when {@code dateFormat} is not a pattern that reads dates
   */
  public ImportOptions {
    defaults = defaults == null || defaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(defaults));
    dealDefaults = dealDefaults == null || dealDefaults.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(dealDefaults));
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (dateFormat != null) {
      ImportTimes.of(dateFormat, ZoneOffset.UTC);
    }
  }

  /**
   * Options with ISO-8601 times in the workspace's zone.
   *
   * @param skipInvalid register the valid rows even when some are invalid
   * @param dryRun write nothing
   * @param defaults values for blank fields, or null for none
   * @param dealDefaults values for blank deal fields, or null for none
   */
  public ImportOptions(boolean skipInvalid, boolean dryRun, Map<RegistrationField, String> defaults,
      Map<DealField, String> dealDefaults) {
    this(skipInvalid, dryRun, defaults, dealDefaults, null, null, null);
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

  /**
   * How the list's times are read, values without an offset in {@link #zone} or else {@code workspaceZone}.
   *
   * @param workspaceZone the workspace's zone
   * @return the reader of the list's times
   */
  public ImportTimes times(ZoneId workspaceZone) {
    return ImportTimes.of(dateFormat, zone == null ? workspaceZone : zone);
  }

  /**
   * These options naming the fields by the file's headers.
   *
   * @param headers the file's header of each column that gives a field, by the field's column name
   * @return the options with {@code headers}
   */
  public ImportOptions withHeaders(Map<String, String> headers) {
    return new ImportOptions(skipInvalid, dryRun, defaults, dealDefaults, dateFormat, zone, headers);
  }

  /**
   * The header of the column giving field {@code column}.
   *
   * @param column a field's column name, e.g. {@code source}
   * @return the file's header, or null when no column gives it
   */
  public String header(String column) {
    return headers.get(column);
  }
}
