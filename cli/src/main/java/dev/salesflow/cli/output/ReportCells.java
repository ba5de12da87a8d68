package dev.salesflow.cli.output;

import dev.salesflow.cli.output.ReportSheet.Coded;
import dev.salesflow.cli.output.ReportSheet.Kind;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/** How a report cell reads: formatted for people, or as a plain value for json and csv. */
final class ReportCells {
  /** What an empty cell shows (no clock judged, no stage after this one). */
  static final String NONE = "-";

  private ReportCells() {}

  /** How cells read for people: dates in {@code zone}, durations in English or Chinese units. */
  record Style(ZoneId zone, String lang) {
    boolean zh() {
      return "zh".equals(lang);
    }
  }

  /** {@code value} as people read it: 1,850,000 · 85.7% · 2d 4h · 2026-10-12. */
  static String human(Kind kind, Object value, Style style) {
    if (value == null) {
      return NONE;
    }
    return switch (kind) {
      case COUNT -> String.valueOf(value);
      case TEXT -> ((String) value).replaceAll("[\\r\\n\\t]+", " ");
      case CODE -> ((Coded) value).label();
      case MONEY -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format((BigDecimal) value);
      case PERCENT -> percent((Double) value);
      case HOURS, DAYS -> style.zh() ? chineseDuration((Duration) value) : CaseOutput.humanDuration((Duration) value);
      case TIME -> ((OffsetDateTime) value).atZoneSameInstant(style.zone()).toLocalDate().toString();
    };
  }

  /** {@code value} for json and csv: ids, plain numbers, percentages, hours or days with one decimal. */
  static Object machine(Kind kind, Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case TEXT, COUNT, MONEY -> value;
      case CODE -> ((Coded) value).id();
      case PERCENT -> oneDecimal((Double) value * 100);
      case HOURS -> oneDecimal(((Duration) value).toSeconds() / 3600.0);
      case DAYS -> oneDecimal(((Duration) value).toSeconds() / 86400.0);
      case TIME -> CaseOutput.time((OffsetDateTime) value, zone);
    };
  }

  /** {@link CaseOutput#humanDuration} in Chinese units: 2天4小时, 3小时20分, 45分. */
  static String chineseDuration(Duration d) {
    return CaseOutput.humanDuration(d).replace(" ", "").replace("d", "天").replace("h", "小时").replace("m", "分");
  }

  private static double oneDecimal(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static String percent(double ratio) {
    double pct = oneDecimal(ratio * 100);
    return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct)) + "%";
  }
}
