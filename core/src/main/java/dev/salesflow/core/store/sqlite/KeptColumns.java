package dev.salesflow.core.store.sqlite;

import dev.salesflow.core.model.Amounts;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.store.BadRows;
import dev.salesflow.core.store.RowDecoder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The values the reports read from what salesflow derives and keeps of each case (the report
 * columns of its row, and the counts of them), checked as they are read: one that another program
 * wrote and no write of salesflow could have is a {@link BadRows bad row} naming the case and the
 * column, so a report refuses with exit 3 and says what to mend rather than crash.
 */
final class KeptColumns {
  private final Connection db;
  private final Path file;
  private final ZoneId zone;

  KeptColumns(Connection db, Path file, ZoneId zone) {
    this.db = db;
    this.file = file;
    this.zone = zone;
  }

  /** The amount {@code text} of {@code column} ({@code contract_value}, {@code deal_value}) of some case. */
  BigDecimal amount(String column, String text) {
    return Amounts.parse(text).orElseThrow(() -> bad(column, text, Amounts.problem(text)));
  }

  /** {@code n} times the amount {@code text} of {@code column}: the value of {@code n} cases holding it. */
  BigDecimal amountTimes(String column, String text, long n) {
    return amount(column, text).multiply(BigDecimal.valueOf(n));
  }

  /** The estimated deal value {@code text} of some cases; null for none. */
  BigDecimal dealValue(String text) {
    return text == null ? null : amount("deal_value", text);
  }

  /** The years in {@code text}, the {@code unknown_years} of some cases: years separated by commas. */
  SortedSet<Integer> years(String text) {
    SortedSet<Integer> years = new TreeSet<>();
    for (String year : text.split(",", -1)) {
      if (year.length() != 4 || !year.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        throw bad("unknown_years", text, "not years separated by commas: '" + Amounts.shortened(text) + "'");
      }
      years.add(Integer.valueOf(year));
    }
    return years;
  }

  /** The stage entry time {@code text} of case {@code id}. */
  OffsetDateTime enteredAt(String id, String text) {
    return RowDecoder.enteredAt(file, zone, id, text);
  }

  /** The failure for value {@code text} of {@code column}, naming the first case holding it. */
  private RuntimeException bad(String column, String text, String problem) {
    try (PreparedStatement p = db.prepareStatement("SELECT id FROM cases WHERE " + column + " IS ? ORDER BY id LIMIT 1")) {
      p.setString(1, text);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          return BadRows.inCases(file, rs.getString(1), column, problem);
        }
      }
    } catch (SQLException e) {
      // the value is named without its case
    }
    return new StoreException(file + ": column " + column + " of the report counts holds a value no case row has: "
        + problem);
  }
}
