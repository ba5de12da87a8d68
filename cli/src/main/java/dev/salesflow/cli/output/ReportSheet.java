package dev.salesflow.cli.output;

import java.util.List;
import java.util.Objects;

/**
 * A report laid out for people and for scripts: facts, tables and charts whose cells keep their raw
 * values, so that text, markdown and html show them formatted and json and csv as plain numbers
 * and ids. Labels are already in the chosen language.
 *
 * @param kind the report's id ({@code funnel}, {@code sla}, ...), also its key in json
 * @param scope what the report covers and when, e.g. "All cases · as of 2026-11-26 18:00"
 */
public record ReportSheet(String kind, String title, String scope, List<Fact> facts, List<Table> tables, List<Chart> charts) {
  public ReportSheet {
    facts = List.copyOf(facts);
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
  }

  /** This sheet with only the table {@code key} (and no charts or facts), or null when it has none. */
  ReportSheet only(String key) {
    return tables.stream().filter(t -> t.key().equals(key)).findFirst()
        .map(t -> new ReportSheet(kind, title, scope, List.of(), List.of(t), List.of()))
        .orElse(null);
  }

  /** How a value is shown and exported. */
  enum Kind {
    /** Free text (a company, a reason): neutralised against formulas in csv. */
    TEXT,
    /** A {@link Coded} stage or rule: its label for people, its id for scripts. */
    CODE,
    /** An Integer. */
    COUNT,
    /** A BigDecimal amount, grouped by thousands for people. */
    MONEY,
    /** A Double ratio 0..1 (or null); exported as a percentage with one decimal. */
    PERCENT,
    /** A Duration (or null); exported in hours with one decimal. */
    HOURS,
    /** A Duration; exported in days with one decimal. */
    DAYS,
    /** An OffsetDateTime; its date for people, ISO-8601 for scripts. */
    TIME;

    boolean numeric() {
      return this == COUNT || this == MONEY || this == PERCENT || this == HOURS || this == DAYS;
    }
  }

  /** A stage or rule: {@code id} for scripts, {@code label} for people. */
  record Coded(String id, String label) {}

  /** One headline number. */
  record Fact(String key, String label, Kind kind, Object value) {}

  /** What text output does with a text column when the table is too wide for the terminal. */
  enum TextFit {
    /** Break the cell over several lines. */
    WRAP,
    /** Cut the cell short with an ellipsis. */
    TRUNCATE,
    /** Leave the column out of text output (it repeats what another column says). */
    HIDE
  }

  /**
   * One column.
   *
   * @param narrowLabel the header in text output, where columns are scarce; null for {@code label}
   */
  record Column(String key, String label, String narrowLabel, Kind kind, TextFit fit) {
    Column(String key, String label, Kind kind) {
      this(key, label, null, kind, TextFit.WRAP);
    }

    Column(String key, String label, String narrowLabel, Kind kind) {
      this(key, label, narrowLabel, kind, TextFit.WRAP);
    }

    Column(String key, String label, Kind kind, TextFit fit) {
      this(key, label, null, kind, fit);
    }

    String textLabel() {
      return narrowLabel == null ? label : narrowLabel;
    }
  }

  /**
   * A table; {@code legend} explains narrow headers in text output and is null when none are used.
   */
  record Table(String key, String title, List<Column> columns, List<List<Object>> rows, String legend) {
    Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("table " + key + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
        }
      }
    }
  }

  /**
   * A bar chart of one number per label.
   *
   * @param kind COUNT, MONEY or PERCENT; percentages are drawn against 100%
   * @param funnel draw the bars centred, narrowing as a funnel does
   */
  record Chart(String key, String title, Kind kind, List<Bar> bars, boolean funnel) {
    Chart {
      Objects.requireNonNull(kind, "kind");
      bars = List.copyOf(bars);
    }

    /** The value a full-length bar stands for. */
    double scale() {
      if (kind == Kind.PERCENT) {
        return 1.0;
      }
      return bars.stream().filter(b -> b.value() != null).mapToDouble(b -> b.value().doubleValue()).max().orElse(0);
    }
  }

  /** One bar; a null value has no bar (e.g. no clock judged yet). */
  record Bar(String label, Number value) {}
}
