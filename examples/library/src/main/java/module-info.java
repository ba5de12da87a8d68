/** An application embedding salesflow-core: it needs nothing but the library's API module. */
module com.example.pipeline {
  requires dev.salesflow.core;
}
