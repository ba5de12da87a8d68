package dev.salesflow.cli.command;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.KeptWorkspaces;
import dev.salesflow.cli.Main;
import dev.salesflow.cli.output.BatchOutput;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "batch", description = {
    "Run many commands in one process: one per line, as typed after 'salesflow' (quotes as in a shell), or a JSON",
    "object such as {\"cmd\": \"log\", \"case\": \"ACME-2026-001\", \"type\": \"meeting\"}. The store is opened once.",
    "Blank lines and lines starting with # are skipped. Global options given here apply to every line.",
    "Stops at the first line that fails unless --keep-going; exits with the worst exit code of its lines.",
    "--format json prints one JSON object per line run: line, command, exit, output (the command's JSON) or error."})
final class BatchCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The commands (default -: standard input).")
  String file = "-";
  @Option(names = "--keep-going", description = "Run every line, even after one failed.") boolean keepGoing;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() throws IOException {
    boolean json = root.format(formats()) == Format.JSON;
    CliContext context = root.context();
    Path workspace = root.workspace != null || Salesflow.findWorkspace(context.cwd()).isPresent()
        ? root.workspaceRoot().toAbsolutePath().normalize() : null;
    SessionArgs session = new SessionArgs(spec, workspace, Set.of("--format"));
    BatchOutput output = new BatchOutput(context.out(), context.err(), json, root.quiet());
    int worst = ExitCode.OK.code();
    try (KeptWorkspaces kept = new KeptWorkspaces(); BufferedReader lines = open()) {
      CliContext inBatch = context.keeping(kept);
      int number = 0;
      for (String text = readLine(lines); text != null; text = readLine(lines)) {
        BatchLine line;
        try {
          line = BatchLine.of(++number, text);
        } catch (InvalidRequestException e) {
          line = null;
          output.refused(number, text, e.getMessage());
        }
        int code = line == null ? ExitCode.USAGE.code() : line.words().isEmpty() ? ExitCode.OK.code() : run(line, session, inBatch, output);
        worst = Math.max(worst, code);
        if (code != ExitCode.OK.code() && !keepGoing) {
          output.stopped(number);
          break;
        }
      }
    }
    return worst;
  }

  private int run(BatchLine line, SessionArgs session, CliContext context, BatchOutput output) {
    List<String> words = new ArrayList<>(line.words());
    String command = CommandTree.commandWord(words.toArray(String[]::new));
    if ("batch".equals(command) || "shell".equals(command)) {
      output.refused(line.number(), line.text(), "'" + command + "' cannot run inside a batch");
      return ExitCode.USAGE.code();
    }
    if (!output.json()) {
      int code = Main.run(context, session.of(words));
      if (code != ExitCode.OK.code()) {
        output.failed(line.number(), line.text(), code);
      }
      return code;
    }
    if (command != null && !SessionArgs.mentions(words, "--format") && CommandTree.formats(command).contains(Format.JSON)) {
      words.add("--format");
      words.add("json");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(context.writingTo(new PrintWriter(out), new PrintWriter(err), null), session.of(words));
    output.result(line.number(), line.text(), code, out.toString(), err.toString());
    return code;
  }

  private BufferedReader open() throws IOException {
    if (file.equals("-")) {
      if (root.context().in() == null) {
        throw new InvalidRequestException("no standard input to read commands from (name a FILE)");
      }
      return new BufferedReader(new InputStreamReader(root.context().in(), StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(root.context().cwd().resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new StoreException("cannot read " + file + ": no such file");
    }
  }

  private String readLine(BufferedReader lines) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new StoreException("cannot read " + (file.equals("-") ? "standard input" : file) + ": " + e, e);
    }
  }
}
