package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.api.Salesflow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "init", description = "Create a workspace: salesflow.yaml and cases/. Never overwrites.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to initialise (default: the current one).")
  Path dir;

  @Override
  public Integer call() {
    Path target = Salesflow.initWorkspace(root.context().cwd().resolve(dir == null ? Path.of(".") : dir));
    if (!root.quiet()) {
      root.context().err().println("Created workspace " + target);
    }
    return ExitCode.OK.code();
  }
}
