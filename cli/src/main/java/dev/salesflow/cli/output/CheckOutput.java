package dev.salesflow.cli.output;

import dev.salesflow.core.model.CheckReport;
import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a check report for people (text) and for CI systems (json, junit, sarif, github). */
public final class CheckOutput {
  private CheckOutput() {}

  /** Paths as the user gave them: relative to the working folder when inside it. */
  static String path(Path file, Path cwd) {
    if (file == null) {
      return "<input>";
    }
    Path abs = file.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  public static Map<String, Object> json(CheckReport report, Path cwd) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", report.files().size());
    m.put("errors", report.errors());
    m.put("warnings", report.warnings());
    m.put("imported", report.imported());
    m.put("findings", report.findings().stream().map(d -> finding(d, cwd)).toList());
    return m;
  }

  /** One finding as {@code check --format json} shows it: file, line, column, severity, code, name, message, case. */
  static Map<String, Object> finding(Diagnostic d, Path cwd) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", path(d.file(), cwd));
    f.put("line", d.position().line());
    f.put("column", d.position().column());
    f.put("severity", d.severity().label());
    f.put("code", d.code().id());
    f.put("name", d.code().slug());
    f.put("message", d.message());
    f.put("case", d.caseId());
    return f;
  }

  /** One testcase per file checked; each error a failure, each warning noted in system-out. */
  public static String junit(CheckReport report, Path cwd) {
    Map<Path, List<Diagnostic>> byFile = report.findings().stream()
        .collect(Collectors.groupingBy(d -> d.file() == null ? Path.of("<input>") : d.file(), LinkedHashMap::new, Collectors.toList()));
    List<Path> files = new ArrayList<>(report.files());
    byFile.keySet().stream().filter(f -> !files.contains(f)).forEach(files::add);
    long failed = files.stream().filter(f -> byFile.getOrDefault(f, List.of()).stream().anyMatch(d -> d.severity() == Severity.ERROR)).count();
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuites name=\"salesflow check\" tests=\"").append(files.size()).append("\" failures=\"").append(failed).append("\">\n");
    x.append("  <testsuite name=\"salesflow check\" tests=\"").append(files.size()).append("\" failures=\"").append(failed)
        .append("\" errors=\"0\" skipped=\"0\">\n");
    for (Path file : files) {
      List<Diagnostic> findings = byFile.getOrDefault(file, List.of());
      String name = path(file, cwd);
      x.append("    <testcase classname=\"salesflow.check\" name=\"").append(xml(name)).append('"');
      if (findings.isEmpty()) {
        x.append("/>\n");
        continue;
      }
      x.append(">\n");
      List<Diagnostic> errors = findings.stream().filter(d -> d.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        x.append("      <failure type=\"").append(errors.get(0).code().id()).append("\" message=\"")
            .append(xml(errors.size() + " error(s); first: " + errors.get(0).message())).append("\">");
        x.append(xml(errors.stream().map(d -> line(d, cwd)).collect(Collectors.joining("\n"))));
        x.append("</failure>\n");
      }
      List<Diagnostic> warnings = findings.stream().filter(d -> d.severity() == Severity.WARNING).toList();
      if (!warnings.isEmpty()) {
        x.append("      <system-out>").append(xml(warnings.stream().map(d -> line(d, cwd)).collect(Collectors.joining("\n"))))
            .append("</system-out>\n");
      }
      x.append("    </testcase>\n");
    }
    x.append("  </testsuite>\n</testsuites>\n");
    return x.toString();
  }

  public static String line(Diagnostic d, Path cwd) {
    return line(d, cwd, "en");
  }

  /** The finding as {@code check}'s text shows it, its message in {@code lang}; place, severity and code stay as they are. */
  public static String line(Diagnostic d, Path cwd, String lang) {
    return String.format("%s:%d:%d: %s: %s [%s %s]", path(d.file(), cwd), d.position().line(), d.position().column(),
        d.severity().label(), d.message(lang), d.code().id(), d.code().slug());
  }

  private static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
          if (legal) {
            out.appendCodePoint(cp);
          } else {
            out.append("\uFFFD");
          }
        }
      }
    });
    return out.toString();
  }

  /** SARIF 2.1.0 with every rule salesflow has and one result per finding. */
  public static Map<String, Object> sarif(CheckReport report, Path cwd, String version) {
    List<DiagnosticCode> codes = Arrays.asList(DiagnosticCode.values());
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "salesflow");
    driver.put("version", version);
    driver.put("informationUri", "https://github.com/salesflow/salesflow");
    driver.put("rules", codes.stream().map(c -> {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", c.id());
      rule.put("name", c.slug());
      rule.put("shortDescription", Map.of("text", c.slug().replace('-', ' ')));
      return rule;
    }).toList());
    List<Map<String, Object>> results = new ArrayList<>();
    for (Diagnostic d : report.findings()) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", d.position().line());
      region.put("startColumn", d.position().column());
      Map<String, Object> physical = new LinkedHashMap<>();
      physical.put("artifactLocation", Map.of("uri", uri(d.file(), cwd)));
      physical.put("region", region);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", d.code().id());
      result.put("ruleIndex", codes.indexOf(d.code()));
      result.put("level", d.severity() == Severity.ERROR ? "error" : "warning");
      result.put("message", Map.of("text", d.message()));
      result.put("locations", List.of(Map.of("physicalLocation", physical)));
      results.add(result);
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(run));
    return sarif;
  }

  private static String uri(Path file, Path cwd) {
    String p = path(file, cwd).replace('\\', '/');
    StringBuilder out = new StringBuilder();
    for (byte b : p.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80 || "/-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  /** GitHub Actions workflow commands, escaped as GitHub documents. */
  public static String github(CheckReport report, Path cwd) {
    return github(report, cwd, "en");
  }

  /** GitHub Actions workflow commands whose messages (what the annotations show people) are in {@code lang}. */
  public static String github(CheckReport report, Path cwd, String lang) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : report.findings()) {
      out.append("::").append(d.severity() == Severity.ERROR ? "error" : "warning")
          .append(" file=").append(property(path(d.file(), cwd)))
          .append(",line=").append(d.position().line())
          .append(",col=").append(d.position().column())
          .append(",title=").append(property(d.code().id() + " " + d.code().slug()))
          .append("::").append(message(d.message(lang))).append('\n');
    }
    return out.toString();
  }

  private static String message(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return message(s).replace(":", "%3A").replace(",", "%2C");
  }
}
