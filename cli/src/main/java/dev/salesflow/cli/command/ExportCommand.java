package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseCsv;
import dev.salesflow.cli.output.TerminalWriter;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.CaseFilter;
import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.RegistrationField;
import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "export", description = {
    "Write every case's registration (or, with --events, every event) as CSV, to FILE or to stdout ('-').",
    "Case columns are the fields 'import' reads, so export then import copies cases to another workspace.",
    "A cell starting with = + - @, a tab or a carriage return gets a leading ' so spreadsheets show it as text"
        + " instead of running it as a formula; 'import' removes that quote again."})
final class ExportCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(paramLabel = "FILE|-", description = "Where to write; '-' for stdout.") String target;
  @Option(names = "--events", description = "Export every event of every case instead of the cases.") boolean events;
  @Option(names = "--bom", description = "Start FILE with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.")
  boolean bom;

  @Override
  public List<Format> formats() {
    return List.of(Format.CSV);
  }

  @Override
  public Integer call() {
    if (root.explicitFormat() != null && !formats().contains(root.explicitFormat())) {
      throw new InvalidRequestException("export writes CSV; --format " + root.explicitFormat().label() + " is not supported here");
    }
    try (Salesflow flow = root.openExisting()) {
      if (target.equals("-")) {
        TerminalWriter.machineOutput(root.context().out(), true);
        write(flow, root.context().out());
        return ExitCode.OK.code();
      }
      Path file = root.context().cwd().resolve(target);
      refuseTarget(flow, file);
      int rows;
      // into a file beside the target, moved over it at the end: a case that cannot be read
      // half-way leaves no half-written export (nor a damaged earlier one)
      Path dir = file.toAbsolutePath().getParent();
      Path partial = null;
      try {
        partial = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
          if (bom) {
            out.write('\uFEFF');
          }
          rows = write(flow, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | UncheckedIOException e) {
        throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
      } finally {
        if (partial != null) {
          try {
            Files.deleteIfExists(partial);
          } catch (IOException ignored) {
            // only a leftover hidden file; the error that matters is already on its way
          }
        }
      }
      if (!root.quiet()) {
        root.context().err().println("Wrote " + rows + (events ? " events" : " cases") + " to " + target);
      }
      return ExitCode.OK.code();
    }
  }

  /**
   * Refuses a target inside the workspace's own files (a CSV among the case files breaks every
   * command), a symbolic link (its target is not overwritten: the rename below would replace the
   * link itself, so a link is refused rather than silently replaced) and anything but a regular file.
   */
  private void refuseTarget(Salesflow flow, Path file) {
    flow.ownPartAt(file).ifPresent(part -> {
      throw new InvalidRequestException("export: " + target + " is in " + part + "; write the CSV somewhere else");
    });
    if (Files.isSymbolicLink(file)) {
      throw new InvalidRequestException("export: " + target + " is a symbolic link; export does not write through"
          + " links (remove it, or name the file it points to)");
    }
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException("export: " + target + " exists and is not a regular file");
    }
  }

  /** Streams the cases (or events) to {@code out} as they are read; returns how many rows. */
  private int write(Salesflow flow, Appendable out) {
    return events
        ? CaseCsv.events(out, flow.process().eventColumns(), flow::forEachStored)
        : CaseCsv.cases(out, flow.zone(), cases -> flow.forEachStanding(CaseFilter.ALL, EnumSet.allOf(RegistrationField.class), cases));
  }
}
