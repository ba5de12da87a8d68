package dev.salesflow.cli;

import dev.salesflow.cli.command.CommandTree;
import dev.salesflow.cli.command.QuickArgs;
import dev.salesflow.cli.command.SalesflowCommand;
import dev.salesflow.cli.command.VersionProvider;
import dev.salesflow.cli.output.ErrorJson;
import dev.salesflow.cli.output.Reporter;
import dev.salesflow.cli.output.StdoutStream;
import dev.salesflow.cli.output.TerminalWriter;
import dev.salesflow.core.model.CaseNotFoundException;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.Message;
import dev.salesflow.core.model.MessageKey;
import dev.salesflow.core.model.RefusedException;
import dev.salesflow.core.model.SalesflowException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Entry point: {@code main} exits with what {@link #run} returns. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // stdout is buffered and flushed at the end of each run (and of each command in the shell):
    // overdue over a million cases writes 160,000 rows, and a flush per row costs a system call each
    StdoutStream stdout = new StdoutStream(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = messagesAfter(out, new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code = run(new CliContext(out, err, System.getenv(), Path.of(""), stdout, System.in, null), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * The message stream: each write to {@code to} first flushes {@code out}, so under {@code 2>&1}
   * (a CI log, {@code | less}) a message comes after the output printed before it, as it was
   * written: {@code check}'s summary after its findings, a warning after the rows it is about.
   * Messages are few; the flush costs nothing when {@code out} holds nothing.
   */
  public static PrintWriter messagesAfter(PrintWriter out, Writer to) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] chars, int off, int len) throws IOException {
        out.flush();
        to.write(chars, off, len);
      }

      @Override
      public void flush() throws IOException {
        to.flush();
      }

      @Override
      public void close() throws IOException {
        to.close();
      }
    }, true);
  }

  /**
   * Runs salesflow as a command line would, writing machine output to {@code out} and messages to
   * {@code err}, and returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, String... args) {
    return run(new CliContext(out, err, env, cwd), args);
  }

  /** {@link #run(PrintWriter, PrintWriter, Map, Path, String...)} in {@code context}. */
  public static int run(CliContext given, String... args) {
    CliContext context = given.terminalSafe();
    TerminalWriter.machineOutput(context.out(), false); // text until a command chooses a machine format
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    if (args.length == 1 && CommandTree.VERSION.contains(args[0])) {
      // Answered before picocli builds any model: its reflection costs more than the JVM's start.
      for (String line : VersionProvider.lines()) {
        out.println(line);
      }
      out.flush();
      return ExitCode.OK.code();
    }
    SalesflowCommand quickRoot = new SalesflowCommand(context);
    Callable<Integer> quick = QuickArgs.read(quickRoot, args);
    int code = quick != null ? call(quickRoot, quick) : viaPicocli(new SalesflowCommand(context), args);
    out.flush();
    String lost = StdoutStream.whyLost(out, context.stdout());
    if (lost != null) {
      // a script reading stdout must not take a full disk for an empty result
      err.println("salesflow: could not write the output to stdout: " + lost);
      code = ExitCode.IO.code();
    }
    err.flush();
    return code;
  }

  /** Runs a command whose arguments {@link QuickArgs} read, as picocli's {@code execute} would. */
  private static int call(SalesflowCommand root, Callable<Integer> command) {
    try {
      Integer code = command.call();
      return root.withSkipped(code == null ? ExitCode.OK.code() : code);
    } catch (Exception e) {
      return root.withSkipped(failed(root, command, e));
    }
  }

  /** Reads {@code args} with picocli, then runs the command they name. */
  public static int viaPicocli(SalesflowCommand root, String... args) {
    CommandLine cli = CommandTree.forArgs(root, args);
    cli.setOut(root.context().out());
    cli.setErr(root.context().err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(root, commandLine.getCommand(), e));
    cli.setParameterExceptionHandler((e, args1) -> {
      String lang = UsageWords.language(root, args1);
      e.getCommandLine().getErr().println("salesflow: " + usageMessage(e).in(lang));
      e.getCommandLine().getErr().println(
          Message.of(MessageKey.TRY_HELP, e.getCommandLine().getCommandSpec().qualifiedName()).in(lang));
      return ExitCode.USAGE.code();
    });
    return root.withSkipped(cli.execute(args));
  }

  /**
   * A usage error in words: an unknown command or argument named as the user typed it, with
   * picocli's suggestions, not "Unmatched argument at index 2" (an index the shell's added options
   * shift); picocli's other messages as catalog entries ({@link UsageWords}).
   */
  static Message usageMessage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      boolean command = e.getCommandLine().getParent() == null && !word.startsWith("-");
      Message message = Message.of(command ? MessageKey.UNKNOWN_COMMAND : MessageKey.UNEXPECTED_ARGUMENT, word);
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        message = Message.of(MessageKey.DID_YOU_MEAN, message,
            new Message.Joined(Message.of(MessageKey.OR), suggestions.stream().map(w -> "'" + w + "'").toList()));
      }
      return message;
    }
    return UsageWords.of(e.getMessage());
  }

  /**
   * Reports the failure of {@code command} on stderr (and, under {@code --format json}, as a JSON
   * error object on stdout) and returns its exit code.
   */
  private static int failed(SalesflowCommand root, Object command, Exception e) {
    ExitCode code = exitCodeOf(e);
    if (root.failsInJson(command)) {
      ErrorJson.print(root.context().out(), e, code);
    }
    new Reporter(root.context().err(), root.verbose(), root.messageLanguage(), root.context().cwd()).failure(e, code);
    return code.code();
  }

  /**
   * The one mapping from failures to exit codes: salesflow's own exceptions and I/O failures by
   * their meaning; anything else is a bug ({@link ExitCode#INTERNAL}).
   */
  static ExitCode exitCodeOf(Throwable e) {
    if (e instanceof RefusedException) {
      return ExitCode.FINDINGS;
    }
    if (e instanceof CaseNotFoundException
        || e instanceof InvalidRequestException
        || e instanceof WorkspaceNotFoundException
        || e instanceof CommandLine.ParameterException) {
      return ExitCode.USAGE;
    }
    if (e instanceof DiagnosticsException d) {
      return d.kind() == DiagnosticsException.Kind.CASE_FILE ? ExitCode.IO : ExitCode.USAGE;
    }
    if (e instanceof SalesflowException || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      return ExitCode.IO; // StoreException, and a failure to read or write a file or the output
    }
    return ExitCode.INTERNAL;
  }
}
