/**
 * Registering cases from a lead list: validating every row, finding duplicates, and what to report
 * for each row; reading the CSV itself is the CLI's.
 */
package dev.salesflow.core.leads;
