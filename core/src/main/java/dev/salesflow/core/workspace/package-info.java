/**
 * A workspace: {@code salesflow.yaml} read into typed settings, the process and calendar it names,
 * and the store it opens (the one place a store spec becomes a store).
 */
package dev.salesflow.core.workspace;
