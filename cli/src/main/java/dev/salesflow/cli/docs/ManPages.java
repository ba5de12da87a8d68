package dev.salesflow.cli.docs;

import dev.salesflow.cli.completion.CompletionModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man pages, {@code salesflow.1} and one {@code salesflow-COMMAND.1} per visible
 * subcommand, in roff (the man macros) from picocli's model of the commands, so they say what
 * {@code --help} says. The build runs {@link #main} to put them in the release archives; {@code
 * man/man1/} holds the checked-in copies a test compares with a fresh generation.
 */
public final class ManPages {
  private ManPages() {}

  /** Writes every page into the folder given as the only argument (created if missing). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> page : generate().entrySet()) {
      Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** The pages for the commands as they are now, by file name, {@code salesflow.1} first. */
  public static Map<String, String> generate() {
    CommandSpec root = CompletionModel.allCommands();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("salesflow.1", rootPage(root));
    for (CommandSpec command : CompletionModel.visibleSubcommands(root)) {
      pages.put("salesflow-" + command.name() + ".1", commandPage(root, command));
    }
    return pages;
  }

  private static String rootPage(CommandSpec root) {
    List<CommandSpec> commands = CompletionModel.visibleSubcommands(root);
    StringBuilder s = header("salesflow", root.usageMessage().description()[0]);
    s.append(".SH SYNOPSIS\n")
        .append(".B salesflow\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n")
        .append(".br\n.B salesflow\n\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n");
    s.append(".SH DESCRIPTION\n");
    description(s, root.usageMessage().description());
    s.append(".PP\n").append(text("Each command has its own page, salesflow-COMMAND(1); "
        + "'salesflow COMMAND --help' prints the same summary.")).append('\n');
    s.append(".SH COMMANDS\n");
    for (CommandSpec command : commands) {
      s.append(".TP\n\\fBsalesflow\\-").append(command.name()).append("\\fR(1)\n")
          .append(text(formatted(command.usageMessage().description()[0]))).append('\n');
    }
    s.append(".SH GLOBAL OPTIONS\n")
        .append(text("Accepted before or after the command.")).append('\n');
    options(s, CompletionModel.options(root));
    s.append(ROOT_SECTIONS);
    s.append(".SH SEE ALSO\n");
    List<String> refs = new ArrayList<>();
    for (CommandSpec command : commands) {
      refs.add("\\fBsalesflow\\-" + command.name() + "\\fR(1)");
    }
    s.append(String.join(",\n", refs)).append('\n');
    return s.toString();
  }

  private static String commandPage(CommandSpec root, CommandSpec command) {
    String[] description = command.usageMessage().description();
    StringBuilder s = header("salesflow-" + command.name(), description[0]);
    s.append(".SH SYNOPSIS\n.B salesflow\n[\\fIGLOBAL OPTIONS\\fR] \\fB").append(text(command.name())).append("\\fR");
    List<OptionSpec> own = new ArrayList<>();
    for (OptionSpec o : CompletionModel.options(command)) {
      if (!o.inherited() && !o.usageHelp() && !o.versionHelp()) {
        own.add(o);
      }
    }
    if (own.stream().anyMatch(o -> !o.required())) {
      s.append(" [\\fIOPTIONS\\fR]");
    }
    for (OptionSpec o : own) {
      if (o.required()) {
        s.append(' ').append(optionWithValue(o, o.longestName()));
      }
    }
    for (PositionalParamSpec p : command.positionalParameters()) {
      if (!p.hidden()) {
        String label = "\\fI" + text(p.paramLabel()) + "\\fR" + (p.arity().max() > 1 ? "..." : "");
        s.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
      }
    }
    s.append('\n');
    s.append(".SH DESCRIPTION\n");
    description(s, description);
    List<PositionalParamSpec> positionals = command.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!positionals.isEmpty()) {
      s.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : positionals) {
        s.append(".TP\n\\fI").append(text(p.paramLabel())).append("\\fR\n")
            .append(text(formatted(String.join(" ", p.description())))).append('\n');
      }
    }
    s.append(".SH OPTIONS\n");
    List<OptionSpec> listed = new ArrayList<>(own);
    for (OptionSpec o : CompletionModel.options(command)) {
      if (!o.inherited() && (o.usageHelp() || o.versionHelp())) {
        listed.add(o);
      }
    }
    options(s, listed);
    s.append(".SH GLOBAL OPTIONS\n").append("The global options of \\fBsalesflow\\fR(1) are accepted here too, ")
        .append(text("before or after the command:")).append('\n');
    List<String> globals = new ArrayList<>();
    for (OptionSpec o : CompletionModel.options(root)) {
      if (!o.usageHelp() && !o.versionHelp()) {
        globals.add(optionWithValue(o, o.longestName()));
      }
    }
    s.append(String.join(",\n", globals)).append(".\n");
    s.append(".SH EXIT STATUS\n").append(EXIT_CODES);
    s.append(".SH SEE ALSO\n\\fBsalesflow\\fR(1)\n");
    return s.toString();
  }

  private static StringBuilder header(String name, String summary) {
    StringBuilder s = new StringBuilder();
    s.append(".\\\" Generated from salesflow's command model by dev.salesflow.cli.docs.ManPages: do not edit.\n");
    s.append(".TH ").append(text(name.toUpperCase(Locale.ROOT))).append(" 1 \"\" \"salesflow\" \"salesflow manual\"\n")
        .append(".nh\n.ad l\n"); // no hyphenation, ragged right: options and file names stay whole
    s.append(".SH NAME\n").append(text(name)).append(" \\- ").append(text(trimPeriod(formatted(summary)))).append('\n');
    return s;
  }

  /** Description lines: plain lines are paragraphs; a run of indented lines is a table kept as written. */
  private static void description(StringBuilder s, String[] lines) {
    boolean kept = false;
    for (String raw : lines) {
      String line = formatted(raw);
      boolean indented = line.startsWith("  "); // a block kept as laid out; picocli's help command starts with one blank
      if (indented && !kept) {
        s.append(".PP\n.RS 2\n.nf\n");
      } else if (!indented && kept) {
        s.append(".fi\n.RE\n");
      }
      if (!indented) {
        s.append(".PP\n");
      }
      s.append(text(indented ? line.substring(2) : line.strip())).append('\n');
      kept = indented;
    }
    if (kept) {
      s.append(".fi\n.RE\n");
    }
  }

  private static void options(StringBuilder s, List<OptionSpec> options) {
    for (OptionSpec o : options) {
      List<String> names = new ArrayList<>();
      for (String name : o.names()) {
        names.add(name.equals(o.longestName()) ? optionWithValue(o, name) : "\\fB" + text(name) + "\\fR");
      }
      s.append(".TP\n").append(String.join(", ", names)).append('\n')
          .append(text(formatted(String.join(" ", o.description())))).append('\n');
    }
  }

  /** {@code --name=LABEL} in the man page's fonts ({@code --name} alone for a flag). */
  private static String optionWithValue(OptionSpec o, String name) {
    String value = o.arity().max() > 0 ? "=\\fI" + text(o.paramLabel()) + "\\fR" : "";
    return "\\fB" + text(name) + "\\fR" + value + (o.isMultiValue() ? "..." : "");
  }

  private static String trimPeriod(String line) {
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * {@code value} as roff text: backslashes and hyphens escaped (a plain {@code -} may be set as a
   * hyphen, and options must be copyable), and a leading {@code .} or {@code '} kept from reading
   * as a request.
   */
  static String text(String value) {
    String escaped = value.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }

  /**
   * A description as picocli shows it: its {@code String.format} escapes, {@code %%} and {@code %n}
   * (a blank here), undone; without the blanks around a line that is not indented as a block.
   */
  private static String formatted(String value) {
    StringBuilder s = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 1 < value.length() && (value.charAt(i + 1) == '%' || value.charAt(i + 1) == 'n')) {
        s.append(value.charAt(++i) == '%' ? '%' : ' ');
      } else {
        s.append(c);
      }
    }
    return s.toString().startsWith("  ") ? s.toString() : s.toString().strip();
  }

  private static final String EXIT_CODES = """
      .TP
      .B 0
      All good.
      .TP
      .B 1
      Findings: a refused advance or event, a breached deadline (overdue), check errors.
      .TP
      .B 2
      Usage: bad flag or value, unknown case, no workspace, invalid salesflow.yaml or process.
      .TP
      .B 3
      A case file or the store could not be read or written.
      """;

  private static final String ROOT_SECTIONS = ".SH EXIT STATUS\n" + EXIT_CODES + """
      .PP
      Machine output (json, csv) goes to standard output alone; messages go to standard error.
      .SH ENVIRONMENT
      .TP
      .B SALESFLOW_NOW
      The time to pretend it is, as \\fB\\-\\-now\\fR (the option wins).
      .TP
      .B SALESFLOW_JAVA_OPTS
      Options added to the Java virtual machine's, by the launcher script.
      .TP
      .B SALESFLOW_CDS
      0 turns the launcher's class\\-data archive off.
      .TP
      .B XDG_CACHE_HOME
      Where an installed launcher keeps its class\\-data archive when its own folder is not writable
      (default ~/.cache; the archive is in salesflow/VERSION/ there).
      .SH FILES
      .TP
      .I salesflow.yaml
      The workspace's settings: time zone, calendar, SLA rules, store; the folder holding it is the workspace.
      .TP
      .I cases/ID.yaml
      One case: its registration form, then its events, oldest first.
      """;
}
