package dev.salesflow.core.team;

import dev.salesflow.core.model.Case;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.Event;
import dev.salesflow.core.process.ApprovalRules;
import dev.salesflow.core.process.EventTypeSpec;
import dev.salesflow.core.process.Guard;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.process.Stage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may record what: an event's {@code by} must be a person of the team, holding one of the roles
 * the process names for its type (and the role an approval names); an approval's signature must be
 * an SSH signature in the {@code salesflow} namespace, by a key the allowed-signers file lists for
 * the approver's e-mail, over the approval's canonical text ({@link ApprovalPayload}). Used when an
 * event is recorded (refused), by {@code check} (findings) and by the approval guard (an approval
 * with a finding does not count).
 */
public final class Authority implements ApprovalRules.Check {
  /** The SSHSIG namespace of approvals. */
  public static final String NAMESPACE = "salesflow";
  /** The event field holding an approval's armored signature. */
  public static final String SIGNATURE = "signature";

  /**
   * One thing wrong with an event.
   *
   * @param field the event's field it is about ({@code by}, {@code signature}), or null for the event
   */
  public record Finding(DiagnosticCode code, String field, String message) {}

  private final ProcessDefinition process;
  private final TeamSettings settings;
  private final Set<String> approvalTypes = new HashSet<>();

  public Authority(ProcessDefinition process, TeamSettings settings) {
    this.process = process;
    this.settings = settings;
    for (Stage stage : process.stages()) {
      for (Guard guard : stage.exit()) {
        if (guard instanceof Guard.Approval a) {
          approvalTypes.add(a.type());
        } else if (guard instanceof Guard.FloorPrice f) {
          approvalTypes.add(f.type());
        }
      }
    }
  }

  /** Whether events of {@code type} are approvals, which may carry a signature. */
  public boolean isApproval(String type) {
    return approvalTypes.contains(type);
  }

  @Override
  public String whyNot(Case c, Event approval) {
    List<Finding> findings = findings(c.id(), approval);
    return findings.isEmpty() ? null : findings.get(0).message();
  }

  /** Everything wrong with {@code e}, recorded on case {@code caseId}; empty when nothing is. */
  public List<Finding> findings(String caseId, Event e) {
    List<Finding> out = new ArrayList<>();
    Team team = settings.team();
    Person person = null;
    if (team != null) {
      person = team.person(e.by()).orElse(null);
      if (person == null) {
        out.add(new Finding(DiagnosticCode.UNKNOWN_PERSON, "by", (e.by() == null ? "the event names no person ('by')"
            : "'" + e.by() + "' is no person of the team") + " (people: " + String.join(", ", team.ids()) + ")"));
      } else {
        roles(e, person, out);
      }
    }
    if (approvalTypes.contains(e.type())) {
      String signature = e.fields().get(SIGNATURE);
      if (signature == null) {
        if (settings.signaturesRequired()) {
          out.add(new Finding(DiagnosticCode.UNSIGNED_APPROVAL, null, "the '" + e.type()
              + "' is not signed (signatures: required): record it with 'salesflow approve'"));
        }
      } else {
        signature(caseId, e, person, signature, out);
      }
    }
    return out;
  }

  private void roles(Event e, Person person, List<Finding> out) {
    EventTypeSpec spec = process.eventTypes().get(e.type());
    if (spec == null) {
      return;
    }
    boolean holdsOne = spec.roles().isEmpty();
    for (String role : spec.roles()) {
      holdsOne |= person.holds(role);
    }
    if (!holdsOne) {
      out.add(new Finding(DiagnosticCode.ROLE_NOT_ALLOWED, "by", "'" + e.type() + "' is recorded by "
          + String.join(" or ", spec.roles()) + "; " + person.id() + " holds " + held(person)));
    }
    String named = spec.roleField() == null ? null : e.fields().get(spec.roleField());
    if (named != null && !person.holds(named)) {
      out.add(new Finding(DiagnosticCode.ROLE_NOT_ALLOWED, "by", "the '" + e.type() + "' names the role " + named
          + ", which " + person.id() + " does not hold (" + person.id() + " holds " + held(person) + ")"));
    }
  }

  private static String held(Person person) {
    return person.roles().isEmpty() ? "no role" : String.join(", ", person.roles());
  }

  private void signature(String caseId, Event e, Person person, String armored, List<Finding> out) {
    SshSignature sig;
    try {
      sig = SshSignature.parse(armored, NAMESPACE);
    } catch (IllegalArgumentException bad) {
      out.add(new Finding(DiagnosticCode.BAD_SIGNATURE, SIGNATURE, "the signature " + bad.getMessage()));
      return;
    }
    AllowedSigners signers = settings.signers();
    if (signers != null) {
      String principal = person != null ? person.email() : e.by();
      if (principal == null) {
        out.add(new Finding(DiagnosticCode.UNKNOWN_SIGNER, SIGNATURE, (person != null ? person.id() + " has no e-mail in the team"
            : "the approval names no approver") + ", so allowed_signers lists no key for them"));
      } else if (!signers.allows(principal, sig.publicKey(), NAMESPACE)) {
        out.add(new Finding(DiagnosticCode.UNKNOWN_SIGNER, SIGNATURE, "signed with the key " + sig.publicKey()
            + ", which allowed_signers does not list for " + principal
            + (signers.keysFor(principal) == 0 ? " (it lists no key for them)" : "")));
      }
    }
    String role = e.fields().get(Guard.Approval.ROLE_FIELD);
    String payload = ApprovalPayload.text(caseId, role, e.fields().get("amount"), e.at(), e.by());
    if (!sig.verifies(payload.getBytes(StandardCharsets.UTF_8))) {
      out.add(new Finding(DiagnosticCode.EDITED_AFTER_SIGNING, SIGNATURE, "the signature does not match the approval's"
          + " case, role, amount, time and approver: the event was edited after it was signed, or the signature is"
          + " another approval's"));
    }
  }
}
