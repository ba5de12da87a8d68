/**
 * {@code check}: validates a workspace's settings and every case (file format, registration, replay,
 * SLA clocks) and returns all findings at once as diagnostics with file, line and column.
 */
package dev.salesflow.core.check;
