/**
 * The one {@link dev.salesflow.core.store.CaseStore} interface every backend implements, and
 * {@link dev.salesflow.core.store.StoreSpec}, the typed name of a store. A new store is a
 * subpackage here, one kind in {@code StoreSpec} and one case where the workspace opens it; it must
 * pass the contract suite in the tests. A store that indexes deadlines returns them in due order.
 */
package dev.salesflow.core.store;
