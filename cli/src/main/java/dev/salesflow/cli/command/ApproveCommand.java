package dev.salesflow.cli.command;

import dev.salesflow.cli.ExitCode;
import dev.salesflow.cli.Format;
import dev.salesflow.cli.output.CaseOutput;
import dev.salesflow.cli.shell.Terminals;
import dev.salesflow.core.api.Salesflow;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.model.InvalidRequestException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(mixinStandardHelpOptions = true, name = "approve", description = {
    "Record an approval signed with an SSH key (ssh-keygen -Y sign, namespace salesflow).",
    "The signature covers the case, role, amount, time and approver (--payload-only prints that text);",
    "--signature records one made elsewhere with ssh-keygen -Y sign -f KEY -n salesflow."})
public final class ApproveCommand implements Callable<Integer>, Formatted {
  @ParentCommand SalesflowCommand root;

  @Parameters(index = "0", paramLabel = "CASE", description = "Case id.") String caseId;
  @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The approving role, e.g. general_manager.")
  String role;
  @Option(names = "--amount", required = true, paramLabel = "N", description = "The amount approved.") String amount;
  @Option(names = "--by", paramLabel = "PERSON", description = "The approver (default: SALESFLOW_USER, else git's user.email).")
  String by;
  @Option(names = "--at", paramLabel = "TIMESTAMP", description = "When (default: now); give it when signing elsewhere.")
  String at;
  @Option(names = "--note", paramLabel = "TEXT", description = "Free text.") String note;
  @Option(names = "--key", paramLabel = "FILE",
      description = "Private key to sign with (default: git's user.signingkey, else ~/.ssh/id_ed25519).") Path key;
  @Option(names = "--signature", paramLabel = "FILE", description = "Record this signature (a .sig of ssh-keygen -Y sign).")
  Path signature;
  @Option(names = "--payload-only", description = "Print the text to sign and write nothing.") boolean payloadOnly;

  @Override
  public List<Format> formats() {
    return List.of(Format.TEXT, Format.JSON);
  }

  @Override
  public Integer call() {
    if ((key != null ? 1 : 0) + (signature != null ? 1 : 0) + (payloadOnly ? 1 : 0) > 1) {
      throw new InvalidRequestException("--key, --signature and --payload-only exclude each other");
    }
    try (Salesflow flow = root.openExisting()) {
      var zone = flow.zone();
      OffsetDateTime now = root.now(zone);
      OffsetDateTime when = at == null ? now : SalesflowCommand.timestamp("--at", at, zone);
      String approver = flow.currentPerson(by, root.context().env().get("SALESFLOW_USER"));
      if (approver == null) {
        throw new InvalidRequestException("who approves? pass --by PERSON or set SALESFLOW_USER");
      }
      flow.show(caseId); // an unknown case is refused before anything is signed
      String payload = Salesflow.approvalPayload(caseId, role, amount, when, approver);
      if (payloadOnly) {
        root.context().out().print(payload);
        root.context().out().flush();
        return ExitCode.OK.code();
      }
      String armored = signature != null
          ? Salesflow.readSignature(root.context().cwd().resolve(signature))
          : flow.signApproval(payload, key == null ? null : root.context().cwd().resolve(key), home(),
              Terminals.interactive(root.context().env()));
      var updated = flow.approve(caseId, role, amount, when, approver, armored, note, now);
      Event recorded = updated.events().get(updated.events().size() - 1);
      if (root.format(formats()) == Format.JSON) {
        root.context().out().println(CaseOutput.json(CaseOutput.event(recorded, zone)));
      } else if (!root.quiet()) {
        root.context().err().println("recorded a signed approval of " + amount + " by " + approver + " (" + role + ") on "
            + caseId + " at " + CaseOutput.time(when, zone));
      }
      return ExitCode.OK.code();
    }
  }

  private Path home() {
    String home = root.context().env().get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home);
  }
}
