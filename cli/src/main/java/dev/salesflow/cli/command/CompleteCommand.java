package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.completion.ValueKind;
import dev.salesflow.cli.completion.WorkspaceValues;
import dev.salesflow.core.model.SalesflowException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code salesflow __complete KIND [CASE]}: the workspace's values of one kind, one a line, for the
 * bash completion script. Hidden; prints nothing (and exits 0) when there is no workspace.
 */
@Command(name = "__complete", hidden = true,
    description = "Print completion candidates: case, stage, event, owner or source.")
final class CompleteCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "KIND") String kind;

  @Parameters(index = "1..*", paramLabel = "WORD", description = "The command's positional words so far.")
  List<String> positionals = List.of();

  @Override
  public Integer call() {
    ValueKind valueKind = ValueKind.ofWord(kind).orElse(ValueKind.NONE);
    Path workspace;
    try {
      workspace = root.workspaceRoot();
    } catch (SalesflowException none) {
      return ExitCode.OK.code();
    }
    new WorkspaceValues(workspace, root.store, root.context().cwd()).of(valueKind, positionals).forEach(root.context().out()::println);
    return ExitCode.OK.code();
  }
}
