package dev.salesflow.cli.output;

import dev.salesflow.core.model.ImportResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code import} prints: a summary for people, or every row's outcome as json. */
public final class ImportOutput {
  private ImportOutput() {}

  public static String text(ImportResult r, boolean dryRun, boolean skipInvalid) {
    StringBuilder s = new StringBuilder();
    for (ImportResult.Duplicate d : r.duplicates()) {
      s.append("row ").append(d.row()).append(": ").append(d.company()).append(" / ").append(d.contact())
          .append(d.existing().startsWith("row ") ? " repeats " : " is already registered as ")
          .append(d.existing()).append("; skipped\n");
    }
    int n = r.registered().size();
    if (r.written()) {
      s.append("Registered ").append(cases(n)).append(n == 0 ? "" : " (" + range(r.registered()) + ")");
    } else if (dryRun) {
      s.append("Dry run: would register ").append(cases(n));
    } else if (!r.errors().isEmpty() && !skipInvalid) {
      s.append("Nothing registered: ").append(r.errors().size()).append(r.errors().size() == 1 ? " invalid row" : " invalid rows")
          .append(" (fix them, or register the valid rows with --skip-invalid)");
    } else {
      s.append("Registered no cases");
    }
    s.append(" from ").append(r.rows()).append(r.rows() == 1 ? " row" : " rows");
    if (!r.duplicates().isEmpty()) {
      s.append("; ").append(r.duplicates().size()).append(" already registered");
    }
    if (!r.errors().isEmpty() && (skipInvalid || dryRun)) {
      s.append("; ").append(r.errors().size()).append(" invalid");
    }
    return s.append(".\n").toString();
  }

  private static String cases(int n) {
    return n + (n == 1 ? " case" : " cases");
  }

  private static String range(List<ImportResult.Registered> registered) {
    String first = registered.get(0).id();
    String last = registered.get(registered.size() - 1).id();
    return first.equals(last) ? first : first + " … " + last;
  }

  public static Map<String, Object> json(ImportResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", r.rows());
    m.put("written", r.written());
    m.put("registered", r.registered().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("id", x.id());
      e.put("company", x.company());
      return e;
    }).toList());
    m.put("duplicates", r.duplicates().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("company", x.company());
      e.put("contact", x.contact());
      e.put("existing", x.existing());
      return e;
    }).toList());
    m.put("errors", r.errors().stream().map(x -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("row", x.row());
      e.put("message", x.message());
      return e;
    }).toList());
    return m;
  }
}
