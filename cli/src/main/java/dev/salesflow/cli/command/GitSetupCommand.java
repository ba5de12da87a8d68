package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.launch.Launcher;
import dev.salesflow.core.api.Salesflow;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "git-setup", description = {
    "Make git merge case files with salesflow in this clone (git config merge.salesflow.*).",
    "Sets merge.salesflow.name and merge.salesflow.driver (this salesflow, by its absolute path) and prints",
    "them. The workspace's .gitattributes (written by init, added here when missing) sends cases/*.yaml to it."})
final class GitSetupCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Override
  public Integer call() {
    Map<String, String> settings = Salesflow.gitSetup(root.context().cwd(), Launcher.command(root.context().env()));
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      root.context().out().println("git config " + setting.getKey() + " " + Launcher.quote(setting.getValue()));
    }
    return ExitCode.OK.code();
  }
}
