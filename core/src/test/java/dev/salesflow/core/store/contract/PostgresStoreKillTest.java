package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.store.postgres.PostgresServer;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;

/** Writers of a PostgreSQL store killed mid-write: the server rolls back what they had not committed. */
class PostgresStoreKillTest extends KillContract {
  private final PostgresServer server = PostgresServer.get();
  private final String spec = server.newSchemaSpec();

  @Override
  String storeSetting() {
    return "store: " + spec + "\n";
  }

  /**
   * Every case's events are numbered 0..n-1, and the materialised stages and clocks equal those
   * built from scratch for the same cases in another schema.
   */
  @Override
  void assertFilesSound(Workspace workspace) throws Exception {
    String schema = PostgresServer.schemaOf(spec);
    assertThat(server.rows(schema,
        "SELECT case_id FROM events GROUP BY case_id HAVING count(*) <> max(seq) + 1 OR min(seq) <> 0"))
        .as("events numbered 0..n-1 per case").isEmpty();
    String fresh = server.newSchemaSpec();
    List<Case> cases;
    try (CaseStore kept = workspace.openStore()) {
      cases = kept.loadAll();
    }
    try (CaseStore rebuilt = workspace.openStore(fresh, Path.of("."))) {
      rebuilt.createAll(cases.iterator());
    }
    String clocks = "SELECT case_id, rule, coalesce(match_key, ''), started_unix, due_unix, stage, owner, priority, company"
        + " FROM clocks ORDER BY case_id, rule, match_key, started_unix";
    String stages = "SELECT id, stage FROM cases ORDER BY id";
    assertThat(server.rows(schema, stages)).as("stages as written").isNotEmpty()
        .isEqualTo(server.rows(PostgresServer.schemaOf(fresh), stages));
    assertThat(server.rows(schema, clocks)).as("running clocks as written equal rebuilt ones")
        .isEqualTo(server.rows(PostgresServer.schemaOf(fresh), clocks));
  }
}
