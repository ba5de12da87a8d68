package dev.salesflow.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.Contact;
import dev.salesflow.core.model.Customer;
import dev.salesflow.core.model.Priority;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.store.CaseStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL schema whose tables carry a trigger or a rule another program created is refused
 * when opened, naming it, before salesflow writes anything that would fire it.
 */
class PostgresForeignTriggerTest {
  @TempDir Path root;
  private final PostgresServer server = PostgresServer.get();

  @Test
  void aTriggerOrRuleOnOurTablesIsRefusedBeforeItRuns() throws Exception {
    String spec = server.newSchemaSpec();
    String schema = PostgresServer.schemaOf(spec);
    Files.createDirectories(root.resolve("cases"));
    Files.writeString(root.resolve("salesflow.yaml"), "timezone: Asia/Shanghai\nstore: " + spec + "\n");
    Workspace workspace = Workspace.open(root);
    try (CaseStore store = workspace.openStore()) {
      store.create(newCase("ACME-2026-001"));
    }
    server.admin(PostgresServer.DATABASE,
        "CREATE FUNCTION " + schema + ".wipe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " UPDATE " + schema + ".cases SET owner = 'mallory'; RETURN NEW; END $$",
        "CREATE TRIGGER wipe AFTER INSERT ON " + schema + ".events FOR EACH ROW EXECUTE FUNCTION " + schema + ".wipe()");

    assertThatThrownBy(workspace::openStore).isInstanceOf(StoreException.class)
        .hasMessageContaining("trigger wipe on events").hasMessageContaining("did not create");
    assertThat(server.rows(schema, "SELECT owner FROM cases")).containsExactly("zhang.wei");

    server.admin(PostgresServer.DATABASE, "DROP TRIGGER wipe ON " + schema + ".events",
        "CREATE RULE hide AS ON INSERT TO " + schema + ".events DO INSTEAD NOTHING");
    assertThatThrownBy(workspace::openStore).isInstanceOf(StoreException.class).hasMessageContaining("rule hide on events");

    server.admin(PostgresServer.DATABASE, "DROP RULE hide ON " + schema + ".events");
    try (CaseStore store = workspace.openStore()) {
      assertThat(store.ids()).as("salesflow's own append-only trigger is accepted").containsExactly("ACME-2026-001");
    }
    server.admin(PostgresServer.DATABASE, "CREATE OR REPLACE FUNCTION " + schema + ".events_append_only() RETURNS trigger"
        + " LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
    assertThatThrownBy(workspace::openStore).as("its body replaced by another program")
        .isInstanceOf(StoreException.class).hasMessageContaining("trigger events_append_only on events");
  }

  private static Case newCase(String id) {
    return new Case(id, new Customer("ACME", "retail", null, new Contact("Li", null, "123", null)),
        "online", Priority.B, "zhang.wei", OffsetDateTime.parse("2026-11-02T09:30:00+08:00"), null, List.of());
  }
}
