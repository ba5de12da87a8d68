package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.completion.CompletionScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "completion", description = {
    "Print the bash completion script (zsh: through bashcompinit).",
    "bash: source <(salesflow completion)   zsh: autoload -U +X bashcompinit && bashcompinit && source <(salesflow completion)"})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand SalesflowCommand root;

  @Override
  public Integer call() {
    root.context().out().print(script());
    return ExitCode.OK.code();
  }

  /** The script the build generated into the jar; generated now when running from classes without it. */
  static String script() {
    try (InputStream in = CompletionCommand.class.getResourceAsStream(CompletionScript.RESOURCE)) {
      return in == null ? CompletionScript.generate() : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
