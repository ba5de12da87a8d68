package dev.salesflow.core.store.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts the reports read instead of aggregating every case: tables of a count {@code n} per
 * distinct combination of the facts a report groups by, kept equal to {@code SELECT ..., count(*)
 * ... GROUP BY ...} over {@code cases} and {@code report_clocks} by triggers on those tables, so
 * every write (of this salesflow, of a later one, of the sqlite3 shell) updates them in its own
 * transaction. A combination whose count drops to 0 is deleted: the tables stay as small as the
 * number of combinations in use (owners times stages times paths through the process).
 *
 * <ul>
 *   <li>{@code report_counts}: cases per owner, stage, stages reached, stage lost from, reason
 *       lost and unknown calendar years (funnel, owners, unknown years);
 *   <li>{@code report_values}: cases per owner, stage and contract value (funnel's value);
 *   <li>{@code report_deal_values}: cases per owner, stage and estimated deal value, null for none
 *       (the forecast; added by schema migration 8);
 *   <li>{@code report_clock_counts}: clocks per rule, owner and final state, a null state counting
 *       the running ones (SLA and owners' alerts, with the running ones not yet due counted by
 *       {@code report_clocks_running}).
 * </ul>
 */
final class ReportSummaries {
  /** One summary table: its key columns, the table it counts and which rows of it. */
  private record Summary(String table, List<String> keys, String source, String only) {
    String columns() {
      return String.join(", ", keys);
    }

    String create() {
      return "CREATE TABLE " + table + " (" + keys.stream().map(k -> k + " " + (k.equals("reached") ? "INTEGER" : "TEXT"))
          .collect(Collectors.joining(", ")) + ", n INTEGER NOT NULL)";
    }

    /** Its contents from the rows of its source table, as the triggers keep them. */
    String fill() {
      return "INSERT INTO " + table + " (" + columns() + ", n) SELECT " + columns() + ", count(*) FROM " + source
          + (only == null ? "" : " WHERE " + only) + " GROUP BY " + columns();
    }

    /** The key of the row {@code row} (NEW or OLD), matched with IS (equal, or both null). */
    private String match(String row) {
      return keys.stream().map(k -> k + " IS " + row + "." + k).collect(Collectors.joining(" AND "));
    }

    private String only(String row) {
      return only == null ? "" : " AND " + only.replace("contract_value", row + ".contract_value");
    }

    /** Statements counting row NEW in. */
    private String add() {
      return "INSERT INTO " + table + " (" + columns() + ", n) SELECT "
          + keys.stream().map(k -> "NEW." + k).collect(Collectors.joining(", ")) + ", 0 WHERE NOT EXISTS (SELECT 1 FROM "
          + table + " WHERE " + match("NEW") + ")" + only("NEW") + ";\n"
          + "  UPDATE " + table + " SET n = n + 1 WHERE " + match("NEW") + ";\n";
    }

    /** Statements counting row OLD out. */
    private String remove() {
      return "  UPDATE " + table + " SET n = n - 1 WHERE " + match("OLD") + ";\n"
          + "  DELETE FROM " + table + " WHERE n = 0 AND " + match("OLD") + ";\n";
    }

    /**
     * Statements counting in the rows of its source with a rowid above parameter 1 and {@code only},
     * as its insert trigger would have one by one: the combinations not yet kept, then every
     * combination's count raised by its number of such rows.
     */
    List<String> countNewRows() {
      String newRows = " FROM " + source + " WHERE rowid > ?1" + (only == null ? "" : " AND " + only);
      String sameKey = keys.stream().map(k -> table + "." + k + " IS g." + k).collect(Collectors.joining(" AND "));
      return List.of(
          "INSERT INTO " + table + " (" + columns() + ", n) SELECT " + columns() + ", 0 FROM (SELECT DISTINCT " + columns()
              + newRows + ") AS g WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + sameKey + ")",
          "UPDATE " + table + " SET n = n + g.c FROM (SELECT " + columns() + ", count(*) AS c" + newRows + " GROUP BY "
              + columns() + ") AS g WHERE " + sameKey);
    }

    /** Its three triggers, by name. */
    Map<String, String> triggers() {
      Map<String, String> t = new LinkedHashMap<>();
      t.put(table + "_insert", "CREATE TRIGGER " + table + "_insert AFTER INSERT ON " + source + " BEGIN\n  " + add() + "END");
      t.put(table + "_delete", "CREATE TRIGGER " + table + "_delete AFTER DELETE ON " + source + " BEGIN\n" + remove() + "END");
      t.put(table + "_update", "CREATE TRIGGER " + table + "_update AFTER UPDATE OF " + columns() + " ON " + source
          + " WHEN " + keys.stream().map(k -> "OLD." + k + " IS NOT NEW." + k).collect(Collectors.joining(" OR "))
          + " BEGIN\n" + remove() + "  " + add() + "END");
      return t;
    }
  }

  private static final List<Summary> SUMMARIES = List.of(
      new Summary("report_counts", List.of("owner", "stage", "reached", "lost_from", "lost_reason", "unknown_years"),
          "cases", null),
      new Summary("report_values", List.of("owner", "stage", "contract_value"), "cases", "contract_value IS NOT NULL"),
      new Summary("report_clock_counts", List.of("rule", "owner", "state"), "report_clocks", null));

  private static final Summary DEAL_VALUES =
      new Summary("report_deal_values", List.of("owner", "stage", "deal_value"), "cases", null);

  /** The triggers keeping the summaries, by name, with the SQL text SQLite keeps of each. */
  static final Map<String, String> TRIGGERS;

  /** Schema migration 5: the summaries filled from the rows there are, their triggers, the indexes the reports read. */
  static final List<String> MIGRATION;

  /**
   * Schema migration 8: the estimated deal value of each case ({@code report.CaseFacts}) and its
   * summary; the new clock fingerprint makes the store fill the values of existing cases when opened.
   */
  static final List<String> MIGRATION_8;

  static {
    Map<String, String> triggers = new LinkedHashMap<>();
    List<String> migration = new ArrayList<>();
    for (Summary s : SUMMARIES) {
      add(s, migration);
      triggers.putAll(s.triggers());
    }
    migration.addAll(triggers.values());
    migration.add("CREATE INDEX cases_by_stage_entered ON cases (stage, entered_unix, id)");
    migration.add("CREATE INDEX report_clocks_running ON report_clocks (due_unix, rule, owner, warn_unix) WHERE state IS NULL");
    MIGRATION = List.copyOf(migration);
    List<String> deals = new ArrayList<>(List.of("ALTER TABLE cases ADD COLUMN deal_value TEXT"));
    add(DEAL_VALUES, deals);
    deals.addAll(DEAL_VALUES.triggers().values());
    MIGRATION_8 = List.copyOf(deals);
    triggers.putAll(DEAL_VALUES.triggers());
    TRIGGERS = java.util.Collections.unmodifiableMap(triggers);
  }

  /**
   * Inserts many rows into {@code cases} and {@code report_clocks} with the summaries counted once
   * per batch rather than by a trigger per row (a bulk load's main cost otherwise): within the
   * caller's transaction the insert triggers are dropped, {@code insert} runs, the new rows (those
   * with a rowid above the largest before) are counted in with one grouped statement per summary,
   * and the triggers are made again, with the same text. SQLite's DDL is transactional: a failure
   * or a kill before the commit leaves the triggers as they were, and no other connection ever sees
   * the store without them.
   */
  static void countedOnce(java.sql.Connection db, SqlWork insert) throws java.sql.SQLException {
    List<Summary> all = new ArrayList<>(SUMMARIES);
    all.add(DEAL_VALUES);
    Map<String, Long> before = new LinkedHashMap<>();
    try (java.sql.Statement s = db.createStatement()) {
      for (String source : List.of("cases", "report_clocks")) {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT coalesce(max(rowid), 0) FROM " + source)) {
          before.put(source, rs.getLong(1));
        }
      }
      for (Summary summary : all) {
        s.execute("DROP TRIGGER " + summary.table() + "_insert");
      }
      insert.run();
      for (Summary summary : all) {
        for (String sql : summary.countNewRows()) {
          try (java.sql.PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, before.get(summary.source()));
            p.executeUpdate();
          }
        }
        s.execute(TRIGGERS.get(summary.table() + "_insert"));
      }
    }
  }

  /** Work on the database that may fail with an {@link java.sql.SQLException}. */
  interface SqlWork {
    void run() throws java.sql.SQLException;
  }

  /** The statements creating summary {@code s}, its key index and its contents from the rows there are. */
  private static void add(Summary s, List<String> migration) {
    migration.add(s.create());
    migration.add("CREATE INDEX " + s.table() + "_by_key ON " + s.table() + " (" + s.columns() + ")");
    migration.add(s.fill());
  }

  private ReportSummaries() {}
}
