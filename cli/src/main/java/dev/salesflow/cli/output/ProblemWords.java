package dev.salesflow.cli.output;

import dev.salesflow.core.model.ColumnProblem;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RegistrationProblem;
import dev.salesflow.core.model.RequestProblem;

/**
 * The core's problems in the command line's words: a registration field by {@code register}'s
 * flag, a lead list's column problem with the {@code import} flags that fix it.
 */
public final class ProblemWords {
  private ProblemWords() {}

  /** {@code summary: problem; problem}, each problem as {@link #of(RequestProblem)} words it. */
  public static String of(InvalidRequestException e) {
    StringBuilder s = new StringBuilder(e.summary() == null ? "" : e.summary() + ": ");
    String separator = "";
    java.util.List<String> columns = null;
    for (RequestProblem p : e.problems()) {
      s.append(separator).append(columns(p) != null ? brief(p) : of(p));
      separator = "; ";
      columns = columns == null ? columns(p) : columns;
    }
    if (columns != null) {
      // a lead list of 30 columns lacking six fields would repeat them six times
      s.append(separator).append("the file's columns: ").append(String.join(", ", columns));
    }
    return s.toString();
  }

  /** The header row a column problem quotes, or null for a problem that quotes none. */
  private static java.util.List<String> columns(RequestProblem problem) {
    if (problem instanceof ColumnProblem.NoColumn none) {
      return none.headers();
    }
    return problem instanceof ColumnProblem.UnknownColumn unknown ? unknown.headers() : null;
  }

  /** A column problem without the header row, which {@link #of(InvalidRequestException)} lists once. */
  private static String brief(RequestProblem problem) {
    if (problem instanceof ColumnProblem.UnknownColumn unknown) {
      return "--map " + unknown.column() + "=" + unknown.field() + ": the file has no column '" + unknown.column() + "'";
    }
    String column = ((ColumnProblem.NoColumn) problem).field().column();
    return "no column gives " + column + "; use --map COLUMN=" + column + " or --default " + column + "=VALUE";
  }

  /** One problem, e.g. {@code missing --contact-name} or {@code no column gives owner (...); use --map ...}. */
  public static String of(RequestProblem problem) {
    if (problem instanceof RegistrationProblem r) {
      return r.describe("--" + r.field().flag());
    }
    if (problem instanceof ColumnProblem.UnknownColumn || problem instanceof ColumnProblem.UnknownField) {
      return "--map " + problem.message();
    }
    if (problem instanceof ColumnProblem.SameField) {
      return problem.message() + " (use --map COLUMN=ignore for one of them)";
    }
    ColumnProblem.NoColumn none = (ColumnProblem.NoColumn) problem;
    String column = none.field().column();
    return none.message() + "; use --map COLUMN=" + column + " or --default " + column + "=VALUE";
  }
}
