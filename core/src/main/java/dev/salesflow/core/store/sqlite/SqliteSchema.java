package dev.salesflow.core.store.sqlite;

import java.util.List;

/**
 * The database layout, one entry per schema version; {@code PRAGMA user_version} records how many
 * have been applied. Documented in the README for people querying with the sqlite3 shell.
 */
final class SqliteSchema {
  /** {@code PRAGMA application_id} of salesflow databases ("SFlw"). */
  static final int APPLICATION_ID = 0x53466C77;

  /** Migration i (0-based) brings a database from version i to version i + 1. */
  static final List<List<String>> MIGRATIONS = List.of(List.of(
      """
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )""",
      """
      CREATE TABLE cases (
        id            TEXT PRIMARY KEY,
        company       TEXT,
        industry      TEXT,
        size          TEXT,
        contact_name  TEXT,
        contact_title TEXT,
        phone         TEXT,
        email         TEXT,
        source        TEXT,
        priority      TEXT,
        owner         TEXT,
        registered_at TEXT,
        needs         TEXT,
        stage         TEXT
      )""",
      """
      CREATE TABLE events (
        case_id TEXT    NOT NULL REFERENCES cases(id),
        seq     INTEGER NOT NULL,
        at      TEXT    NOT NULL,
        at_unix INTEGER NOT NULL,
        type    TEXT    NOT NULL,
        by      TEXT,
        note    TEXT,
        fields  TEXT    NOT NULL DEFAULT '{}',
        PRIMARY KEY (case_id, seq)
      ) WITHOUT ROWID""",
      """
      CREATE TABLE clocks (
        case_id        TEXT    NOT NULL REFERENCES cases(id),
        rule           TEXT    NOT NULL,
        match_key      TEXT,
        started_unix   INTEGER NOT NULL,
        due_unix       INTEGER NOT NULL
      )""",
      "CREATE INDEX clocks_by_due ON clocks(due_unix)",
      "CREATE INDEX clocks_by_case ON clocks(case_id)"),
      // 2: each clock carries what overdue prints of its case (never changed by an event, or, for
      // the stage, rewritten with the clocks), and the due-time index covers every column overdue
      // reads: one range scan instead of a lookup in cases per clock
      List.of(
          "ALTER TABLE clocks ADD COLUMN stage TEXT",
          "ALTER TABLE clocks ADD COLUMN owner TEXT",
          "ALTER TABLE clocks ADD COLUMN priority TEXT",
          "ALTER TABLE clocks ADD COLUMN company TEXT",
          """
          UPDATE clocks SET stage = c.stage, owner = c.owner, priority = c.priority, company = c.company
          FROM cases c WHERE c.id = clocks.case_id""",
          "DROP INDEX clocks_by_due",
          """
          CREATE INDEX clocks_by_due
          ON clocks(due_unix, case_id, rule, match_key, started_unix, stage, owner, priority, company)"""),
      // 3: notify's sent-log, one row per notice delivered (level 0 due soon, 1 the owner, 2 their
      // manager, ...), so a cron job never sends one twice
      List.of(
          """
          CREATE TABLE notify_sent (
            case_id       TEXT NOT NULL,
            rule          TEXT NOT NULL,
            started_ms    INTEGER NOT NULL,
            level         INTEGER NOT NULL,
            recipient     TEXT NOT NULL,
            sent_unix     INTEGER NOT NULL,
            PRIMARY KEY (case_id, rule, started_ms, level, recipient)
          )"""),
      // 4: what the reports aggregate (report.CaseFacts), rewritten with the clocks: the new clock
      // fingerprint makes the store fill them for existing cases when it is opened
      List.of(
          "ALTER TABLE cases ADD COLUMN registered_unix INTEGER",
          "ALTER TABLE cases ADD COLUMN entered_at TEXT",
          "ALTER TABLE cases ADD COLUMN entered_unix INTEGER",
          "ALTER TABLE cases ADD COLUMN reached INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE cases ADD COLUMN lost_from TEXT",
          "ALTER TABLE cases ADD COLUMN lost_reason TEXT",
          "ALTER TABLE cases ADD COLUMN contract_value TEXT",
          "ALTER TABLE cases ADD COLUMN unknown_years TEXT",
          "ALTER TABLE cases ADD COLUMN as_of_unix INTEGER",
          "CREATE INDEX cases_by_as_of ON cases(as_of_unix)",
          // register's next number: ids of one length sort as their numbers
          "CREATE INDEX cases_by_id_length ON cases(length(id), id)",
          """
          CREATE TABLE report_clocks (
            case_id         TEXT    NOT NULL REFERENCES cases(id),
            rule            TEXT    NOT NULL,
            owner           TEXT,
            registered_unix INTEGER,
            started_unix    INTEGER NOT NULL,
            due_unix        INTEGER NOT NULL,
            warn_unix       INTEGER NOT NULL,
            stopped_unix    INTEGER,
            state           TEXT
          )""",
          "CREATE INDEX report_clocks_by_case ON report_clocks(case_id)",
          """
          CREATE INDEX report_clocks_to_stop ON report_clocks(rule, (stopped_unix - started_unix), started_unix, owner)
          WHERE stopped_unix IS NOT NULL"""),
      // 5: the reports' counts kept by triggers in the same transaction as every write
      // (ReportSummaries), the stage-entry times indexed per stage (aging's buckets are range
      // counts, its oldest cases the first of a range) and the running clocks by due time
      ReportSummaries.MIGRATION,
      // 6: the registration columns of cases hold the current registration (after edit and
      // reassign); `written` keeps the registration as first written, a JSON array of those
      // columns' values, once a correction has changed them (NULL before)
      List.of("ALTER TABLE cases ADD COLUMN written TEXT"),
      // 7: the cases opened by import (an `opened` first event), counted by the funnel over every
      // case without a lookup per case
      List.of("CREATE INDEX events_opened ON events(case_id) WHERE seq = 0 AND type = 'opened'"),
      // 8: each open case's estimated deal value and its summary, for the forecast
      ReportSummaries.MIGRATION_8);

  /** The version this build writes. */
  static final int VERSION = MIGRATIONS.size();

  /** The tables salesflow makes; any other table, a view or a trigger not in {@link ReportSummaries#TRIGGERS} is another program's. */
  static final java.util.Set<String> TABLES =
      java.util.Set.of("meta", "cases", "events", "clocks", "notify_sent", "report_clocks", "report_counts",
          "report_values", "report_clock_counts", "report_deal_values");

  /**
   * Refuses a database holding a schema object salesflow did not make: a trigger other than the
   * ones of {@link ReportSummaries} exactly as salesflow wrote them (another would run
   * inside salesflow's own write transactions, deleting or rewriting cases behind them), a view, or
   * another table (a virtual table's module runs code). SQLite's own tables ({@code sqlite_…},
   * such as the statistics of ANALYZE) and indexes on salesflow's tables (users add them for their
   * own queries; {@code trusted_schema=OFF} keeps unsafe functions out of them) are accepted.
   */
  static void refuseForeignObjects(java.sql.Connection db, java.nio.file.Path file) throws java.sql.SQLException {
    List<String> foreign = new java.util.ArrayList<>();
    try (java.sql.Statement s = db.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
      while (rs.next()) {
        String type = rs.getString(1);
        String name = rs.getString(2);
        String table = rs.getString(3);
        boolean ours = switch (type) {
          case "table" -> TABLES.contains(name) || name.startsWith("sqlite_");
          case "index" -> TABLES.contains(table);
          // salesflow's own, word for word: one altered by another program is refused like any other
          case "trigger" -> ReportSummaries.TRIGGERS.containsKey(name) && ReportSummaries.TRIGGERS.get(name).equals(rs.getString(4));
          default -> false; // view
        };
        if (!ours) {
          foreign.add(type + " '" + printable(name) + "'");
        }
      }
    }
    if (!foreign.isEmpty()) {
      throw new dev.salesflow.core.model.StoreException(file + " holds " + String.join(", ", foreign)
          + ", which salesflow did not create; refused so that no other program's code runs inside salesflow's"
          + " transactions (left untouched; drop them with the sqlite3 shell, or use another database)");
    }
  }

  /** {@code name} with control and format characters as {@code \\uXXXX}: it comes from another program. */
  private static String printable(String name) {
    StringBuilder b = new StringBuilder();
    name.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT) {
        b.append(String.format("\\u%04X", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  private SqliteSchema() {}
}
