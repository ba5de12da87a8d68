package dev.salesflow.cli;

import dev.salesflow.core.api.InvalidRequestException;
import dev.salesflow.core.api.StoreException;
import dev.salesflow.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    Path target = root.context().cwd().resolve(dir == null ? Path.of(".") : dir).normalize();
    Path config = target.resolve(Workspace.CONFIG_FILE);
    if (Files.exists(config)) {
      throw new InvalidRequestException(config + " already exists; not overwriting it");
    }
    try {
      Files.createDirectories(target.resolve("cases"));
      Files.writeString(config, Workspace.initialConfig(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW);
      Path ignore = target.resolve("cases/.gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# the case store's write lock and interrupted temporary files\n.salesflow.lock\n.*.tmp\n",
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create workspace in " + target + ": " + e.getMessage(), e);
    }
    if (!root.quiet()) {
      root.context().err().println("Created workspace " + target.toAbsolutePath().normalize());
    }
    return ExitCode.OK.code();
  }
}
