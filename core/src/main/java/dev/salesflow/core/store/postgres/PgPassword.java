package dev.salesflow.core.store.postgres;

import java.util.Map;
import java.util.Optional;

/**
 * Where the password of a PostgreSQL store comes from: {@code SALESFLOW_PG_PASSWORD}, else
 * {@code PGPASSWORD}; with neither set, the driver looks it up in the password file ({@code
 * PGPASSFILE}, else {@code ~/.pgpass}, in libpq's format). Never from {@code salesflow.yaml} or the
 * store spec, and never part of a message.
 */
final class PgPassword {
  private PgPassword() {}

  static Optional<String> from(Map<String, String> env) {
    for (String name : new String[] {"SALESFLOW_PG_PASSWORD", "PGPASSWORD"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
