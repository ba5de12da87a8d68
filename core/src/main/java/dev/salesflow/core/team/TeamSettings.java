package dev.salesflow.core.team;

import dev.salesflow.core.model.Diagnostic;
import dev.salesflow.core.model.DiagnosticCode;
import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.SourcePosition;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.process.ApprovalRules;
import dev.salesflow.core.process.ApprovalTier;
import dev.salesflow.core.process.ProcessDefinition;
import dev.salesflow.core.yaml.SettingsBinder;
import dev.salesflow.core.yaml.YamlNode;
import dev.salesflow.core.yaml.YamlSyntaxException;
import dev.salesflow.core.yaml.YamlTreeReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The team settings of {@code salesflow.yaml}: {@code team:} (a mapping {@code {people: [...]}} or
 * a {@code FILE.yaml} holding one), {@code approvals:} (the approval matrix, a list of {@code {role,
 * from}}; without it {@code approval_threshold} is the general manager's tier), {@code signatures:
 * required|optional} and {@code allowed_signers: FILE}. Bound from the YAML tree with every problem
 * at its place; unknown keys are refused with the known ones listed.
 *
 * @param team the people, or null for a workspace without a team (free-form {@code by})
 * @param files the team file and allowed-signers file read, for {@code check}'s list of files
 * @param signers the allowed signers, or null
 */
public record TeamSettings(Team team, List<ApprovalTier> tiers, boolean signaturesRequired, AllowedSigners signers,
    List<Path> files) {
  /** The keys of {@code salesflow.yaml} read here. */
  public static final Set<String> KEYS = Set.of("team", "approvals", "signatures", "allowed_signers");
  private static final Set<String> TEAM_KEYS = Set.of("people");
  private static final Set<String> PERSON_KEYS = Set.of("id", "name", "email", "language", "roles", "manager");
  private static final Set<String> TIER_KEYS = Set.of("role", "from");

  public TeamSettings {
    tiers = List.copyOf(tiers);
    files = List.copyOf(files);
  }

  /** Whether anything here changes what is accepted (a team, signatures or a list of signers). */
  public boolean active() {
    return team != null || signaturesRequired || signers != null;
  }

  /** The settings of {@code tree}, read from {@code configFile} of the workspace at {@code root}. */
  public static TeamSettings load(Path root, YamlNode.Mapping tree, Path configFile, ProcessDefinition process,
      BigDecimal approvalThreshold) {
    Binder b = new Binder(configFile);
    Map<String, YamlNode.Entry> e = tree.entries();
    List<Path> files = new ArrayList<>();
    Team team = null;
    if (e.containsKey("team") && !SettingsBinder.isNull(e.get("team").value())) {
      YamlNode node = e.get("team").value();
      Binder teamBinder = b;
      if (node instanceof YamlNode.Scalar s && s.text() != null) {
        Path file = root.resolve(s.text());
        files.add(file);
        node = readFile(file, configFile, s.position());
        teamBinder = new Binder(file);
      }
      team = teamBinder.team(node, process.roleIds());
      if (teamBinder != b) {
        b.problems().addAll(teamBinder.problems());
      }
    }
    List<ApprovalTier> tiers = List.of(new ApprovalTier(ApprovalRules.GENERAL_MANAGER, approvalThreshold));
    if (e.containsKey("approvals")) {
      if (e.containsKey("approval_threshold")) {
        b.problem(DiagnosticCode.BAD_VALUE, e.get("approval_threshold").keyPosition(),
            "approval_threshold and approvals are both set: the matrix's tiers replace the threshold, remove one");
      }
      tiers = b.tiers(e.get("approvals").value(), process.roleIds());
    }
    boolean required = false;
    if (e.containsKey("signatures")) {
      String value = b.string(e.get("signatures").value(), "signatures");
      if ("required".equals(value)) {
        required = true;
      } else if (value != null && !"optional".equals(value)) {
        b.problem(DiagnosticCode.BAD_VALUE, e.get("signatures").value().position(),
            "signatures must be required or optional, got '" + value + "'");
      }
    }
    AllowedSigners signers = null;
    if (e.containsKey("allowed_signers")) {
      String name = b.string(e.get("allowed_signers").value(), "allowed_signers");
      if (name != null) {
        Path file = root.resolve(name);
        files.add(file);
        signers = readSigners(file, configFile, e.get("allowed_signers").value().position(), b);
      }
    }
    if (required && signers == null && e.containsKey("signatures")) {
      b.problem(DiagnosticCode.MISSING_FIELD, e.get("signatures").keyPosition(),
          "signatures: required needs allowed_signers: FILE (who may sign, by e-mail)");
    }
    if (!b.problems().isEmpty()) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, b.problems());
    }
    return new TeamSettings(team, tiers, required, signers, files);
  }

  private static YamlNode readFile(Path file, Path configFile, SourcePosition at) {
    if (!Files.isRegularFile(file)) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
          DiagnosticCode.BAD_VALUE, configFile, at, "team file " + file + " does not exist")));
    }
    try {
      return YamlTreeReader.readMapping(YamlTreeReader.decodeUtf8OrThrow(Files.readAllBytes(file), file));
    } catch (IOException ex) {
      throw new StoreException("cannot read " + file + ": " + ex.getMessage(), ex);
    } catch (YamlSyntaxException ex) {
      throw new DiagnosticsException(DiagnosticsException.Kind.CONFIGURATION, List.of(Diagnostic.error(
          DiagnosticCode.ofSlug(ex.code()), file, ex.position(), ex.getMessage())));
    }
  }

  private static AllowedSigners readSigners(Path file, Path configFile, SourcePosition at, Binder b) {
    if (!Files.isRegularFile(file)) {
      b.problem(DiagnosticCode.BAD_VALUE, at, "allowed signers file " + file + " does not exist");
      return null;
    }
    AllowedSigners signers;
    try {
      signers = AllowedSigners.parse(YamlTreeReader.decodeUtf8OrThrow(Files.readAllBytes(file), file));
    } catch (IOException ex) {
      throw new StoreException("cannot read " + file + ": " + ex.getMessage(), ex);
    }
    for (AllowedSigners.Problem p : signers.problems()) {
      b.problems().add(Diagnostic.error(DiagnosticCode.BAD_VALUE, file, p.at(), p.message()));
    }
    return signers;
  }

  /** Binds the team and the matrix, collecting every problem with its file and place. */
  private static final class Binder extends SettingsBinder {
    Binder(Path file) {
      super(file);
    }

    List<YamlNode> sequence(YamlNode node, String what) {
      if (node instanceof YamlNode.Sequence s) {
        return s.items();
      }
      problem(DiagnosticCode.WRONG_TYPE, node.position(), what + " must be a list, found " + node.kind());
      return List.of();
    }

    String string(YamlNode node, String what) {
      if (node == null || SettingsBinder.isNull(node)) {
        return null;
      }
      if (node instanceof YamlNode.Scalar s) {
        return s.text();
      }
      problem(DiagnosticCode.WRONG_TYPE, node.position(), what + " must be a single value, found " + node.kind());
      return null;
    }

    String field(Map<String, YamlNode.Entry> f, String key, String what) {
      YamlNode.Entry entry = f.get(key);
      return entry == null ? null : string(entry.value(), what + " " + key);
    }

    Team team(YamlNode node, List<String> roleIds) {
      Map<String, YamlNode.Entry> t = mapping(node, TEAM_KEYS, "team");
      List<Person> people = new ArrayList<>();
      List<YamlNode.Entry> managers = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      if (!t.containsKey("people")) {
        problem(DiagnosticCode.MISSING_FIELD, node.position(), "team needs people: [{id, name, email, roles}, ...]");
        return new Team(people);
      }
      for (YamlNode item : sequence(t.get("people").value(), "people")) {
        Map<String, YamlNode.Entry> f = mapping(item, PERSON_KEYS, "a person");
        String id = field(f, "id", "person");
        if (id == null || id.isBlank()) {
          problem(DiagnosticCode.MISSING_FIELD, item.position(), "a person needs an id");
          continue;
        }
        if (!ids.add(id)) {
          problem(DiagnosticCode.BAD_VALUE, f.get("id").value().position(), "person id '" + id + "' is used twice");
        }
        String email = field(f, "email", "person");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
          problem(DiagnosticCode.BAD_VALUE, f.get("email").value().position(), "email '" + email + "' is not an e-mail address");
        }
        String language = field(f, "language", "person");
        if (language != null && !language.equals("en") && !language.equals("zh")) {
          problem(DiagnosticCode.BAD_VALUE, f.get("language").value().position(), "language must be en or zh, got '" + language + "'");
        }
        List<String> roles = new ArrayList<>();
        if (f.containsKey("roles")) {
          YamlNode rolesNode = f.get("roles").value();
          List<YamlNode> items = rolesNode instanceof YamlNode.Scalar ? List.of(rolesNode) : sequence(rolesNode, "roles");
          for (YamlNode r : items) {
            String role = string(r, "a role");
            if (role != null && !roleIds.contains(role)) {
              problem(DiagnosticCode.BAD_VALUE, r.position(), "unknown role '" + role + "' (roles: " + String.join(", ", roleIds) + ")");
            } else if (role != null) {
              roles.add(role);
            }
          }
        }
        String manager = field(f, "manager", "person");
        if (manager != null) {
          managers.add(f.get("manager"));
        }
        people.add(new Person(id, field(f, "name", "person"), email, language, roles, manager));
      }
      for (YamlNode.Entry m : managers) {
        String manager = string(m.value(), "manager");
        if (!ids.contains(manager)) {
          problem(DiagnosticCode.BAD_VALUE, m.value().position(), "manager '" + manager + "' is no person of the team (people: "
              + String.join(", ", new TreeSet<>(ids)) + ")");
        }
      }
      return new Team(people);
    }

    List<ApprovalTier> tiers(YamlNode node, List<String> roleIds) {
      List<ApprovalTier> tiers = new ArrayList<>();
      for (YamlNode item : sequence(node, "approvals")) {
        Map<String, YamlNode.Entry> f = mapping(item, TIER_KEYS, "an approval tier");
        String role = field(f, "role", "approval tier");
        String from = field(f, "from", "approval tier");
        if (role == null || from == null) {
          problem(DiagnosticCode.MISSING_FIELD, item.position(), "an approval tier needs role and from: {role: sales_manager, from: 0}");
          continue;
        }
        if (!roleIds.contains(role)) {
          problem(DiagnosticCode.BAD_VALUE, f.get("role").value().position(), "unknown role '" + role + "' (roles: "
              + String.join(", ", roleIds) + ")");
          continue;
        }
        BigDecimal amount = dev.salesflow.core.model.Amounts.parse(from.replace("_", "")).orElse(null);
        if (amount == null) {
          problem(DiagnosticCode.BAD_VALUE, f.get("from").value().position(),
              "from " + dev.salesflow.core.model.Amounts.problem(from));
          continue;
        }
        if (amount.signum() < 0 || (!tiers.isEmpty() && amount.compareTo(tiers.get(tiers.size() - 1).from()) <= 0)) {
          problem(DiagnosticCode.BAD_VALUE, f.get("from").value().position(),
              "tiers go in ascending order of from, each 0 or more; got " + from);
          continue;
        }
        tiers.add(new ApprovalTier(role, amount));
      }
      if (tiers.isEmpty() && problems().isEmpty()) {
        problem(DiagnosticCode.MISSING_FIELD, node.position(), "approvals lists no tier");
      }
      return tiers;
    }
  }
}
