/**
 * A workspace: {@code salesflow.yaml} read into typed settings, the process and calendar it names,
 * and the store it opens.
 */
package dev.salesflow.core.workspace;
