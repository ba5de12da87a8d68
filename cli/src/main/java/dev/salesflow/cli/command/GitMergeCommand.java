package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.MergeOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "git-merge", description = {
    "git's merge driver for case files; git runs it as 'salesflow git-merge %%O %%A %%B %%P' (see git-setup).",
    "Appended events are merged in time order, the registration field by field, the result replayed; the",
    "merge replaces OURS. Other files are merged as text. Exit 0 merged, 1 conflicts left, marked as git does."})
final class GitMergeCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "BASE", description = "The common version (%%O); empty when both sides added the file.")
  Path base;

  @Parameters(index = "1", paramLabel = "OURS", description = "Our version (%%A), replaced by the merge.")
  Path ours;

  @Parameters(index = "2", paramLabel = "THEIRS", description = "Their version (%%B).")
  Path theirs;

  @Parameters(index = "3", arity = "0..1", paramLabel = "PATH", description = "The file's path in the repository (%%P).")
  String name;

  @Override
  public Integer call() {
    Path cwd = root.context().cwd();
    MergeOutcome outcome = Salesflow.gitMerge(cwd.resolve(base), cwd.resolve(ours), cwd.resolve(theirs), name, cwd);
    PrintWriter err = root.context().err();
    String shown = name != null ? name : ours.toString();
    if (outcome.method() == MergeOutcome.Method.TEXT && !root.quiet()) {
      err.println("salesflow git-merge: " + shown + " merged as text: " + outcome.textReason());
    }
    for (String conflict : outcome.conflicts()) {
      err.println("salesflow git-merge: CONFLICT " + conflict);
    }
    return outcome.clean() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
  }
}
