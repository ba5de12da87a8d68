/**
 * salesflow's rule-checking library: open a workspace, read and write cases through the sales
 * process's state machine, compute SLA clocks on a business calendar, list overdue follow-ups and
 * check case files. A caller starts at {@link dev.salesflow.core.api.Salesflow}, the one entry point
 * ({@link dev.salesflow.core.api}); the values it takes and returns (cases, events, clocks,
 * diagnostics, reports, exceptions) are in {@link dev.salesflow.core.model}. Every other package is
 * internal and may change.
 */
@SuppressWarnings("requires-automatic") // lunar-java (cn.6tail:lunar) names no module
module dev.salesflow.core {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.postgresql.jdbc;
  requires jakarta.mail;
  requires java.net.http;
  requires org.xerial.sqlitejdbc;
  requires org.yaml.snakeyaml;
  requires lunar;

  exports dev.salesflow.core.api;
  exports dev.salesflow.core.model;

  // settings, process and calendar files are bound to these packages' records by Jackson
  opens dev.salesflow.core.model to com.fasterxml.jackson.databind;
  opens dev.salesflow.core.calendar to com.fasterxml.jackson.databind;
  opens dev.salesflow.core.process to com.fasterxml.jackson.databind;
  opens dev.salesflow.core.sla to com.fasterxml.jackson.databind;
  opens dev.salesflow.core.workspace to com.fasterxml.jackson.databind;
}
