package dev.salesflow.core.store.contract;

/** The store contract for a folder of case files. */
class YamlDirectoryStoreContractTest extends CaseStoreContract {
  @Override
  String storeSetting() {
    return "";
  }
}
