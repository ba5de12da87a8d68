package dev.salesflow.core.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the password comes from: SALESFLOW_PG_PASSWORD, then PGPASSWORD, else the driver's password file. */
class PgPasswordTest {
  @Test
  void salesflowsVariableComesFirstThenLibpqs() {
    assertThat(PgPassword.from(Map.of("SALESFLOW_PG_PASSWORD", "a", "PGPASSWORD", "b"))).hasValue("a");
    assertThat(PgPassword.from(Map.of("PGPASSWORD", "b"))).hasValue("b");
    assertThat(PgPassword.from(Map.of("SALESFLOW_PG_PASSWORD", "", "PGPASSWORD", "b"))).hasValue("b");
    assertThat(PgPassword.from(Map.of())).as("left to ~/.pgpass").isEmpty();
  }
}
