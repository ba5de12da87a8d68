/**
 * The one {@link dev.salesflow.core.store.CaseStore} interface every backend implements, and what
 * stores share (running clocks for overdue). A new store is a subpackage here plus one line in
 * {@code StoreSpec}; it must pass the contract suite in the tests.
 */
package dev.salesflow.core.store;
