package dev.salesflow.core.store.postgres;

import java.util.List;

/**
 * The tables of a salesflow schema, one entry per schema version; {@code meta.schema_version}
 * records how many have been applied. Statements run with the store's schema first on the search
 * path. Documented in the README for people querying with {@code psql}.
 */
final class PostgresSchema {
  /** Migration i (0-based) brings a schema from version i to version i + 1. */
  static final List<List<String>> MIGRATIONS = List.of(List.of(
      """
      CREATE TABLE meta (
        key   text PRIMARY KEY,
        value text NOT NULL
      )""",
      """
      CREATE TABLE cases (
        id            text COLLATE "C" PRIMARY KEY,
        company       text,
        industry      text,
        size          text,
        contact_name  text,
        contact_title text,
        phone         text,
        email         text,
        source        text,
        priority      text,
        owner         text,
        registered_at text,
        needs         text,
        stage         text
      )""",
      """
      CREATE TABLE events (
        case_id     text COLLATE "C" NOT NULL REFERENCES cases(id),
        seq         integer NOT NULL,
        at          text    NOT NULL,
        at_unix     bigint  NOT NULL,
        type        text    NOT NULL,
        recorded_by text,
        note        text,
        fields      json    NOT NULL DEFAULT '{}',
        PRIMARY KEY (case_id, seq)
      )""",
      """
      CREATE TABLE clocks (
        case_id      text COLLATE "C" NOT NULL REFERENCES cases(id),
        rule         text COLLATE "C" NOT NULL,
        match_key    text,
        started_unix bigint NOT NULL,
        due_unix     bigint NOT NULL,
        stage        text,
        owner        text,
        priority     text,
        company      text
      )""",
      // overdue is one index-only range scan, already in due order
      """
      CREATE INDEX clocks_by_due ON clocks (due_unix, case_id, rule)
        INCLUDE (match_key, started_unix, stage, owner, priority, company)""",
      "CREATE INDEX clocks_by_case ON clocks (case_id)",
      """
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'salesflow events are append-only';
      END $$""",
      """
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()"""),
      // 2: the registration columns of cases hold the current registration (after edit and
      // reassign); `written` keeps the registration as first written, a JSON array of those
      // columns' values, once a correction has changed them (NULL before)
      List.of("ALTER TABLE cases ADD COLUMN written text"));

  /** The version this build writes. */
  static final int VERSION = MIGRATIONS.size();

  private PostgresSchema() {}
}
