/**
 * The manager's reports (funnel, SLA compliance, aging, owners) computed over cases as values;
 * laying them out for people is the CLI's.
 */
package dev.salesflow.core.report;
