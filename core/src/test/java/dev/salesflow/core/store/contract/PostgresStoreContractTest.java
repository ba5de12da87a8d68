package dev.salesflow.core.store.contract;

import dev.salesflow.core.store.postgres.PostgresServer;

/** The store contract for a PostgreSQL store, each test in a schema of its own on the test server. */
class PostgresStoreContractTest extends CaseStoreContract {
  @Override
  String storeSetting() {
    return "store: " + PostgresServer.get().newSchemaSpec() + "\n";
  }
}
