package dev.salesflow.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliContext;
import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import dev.salesflow.cli.command.CommandTree;
import dev.salesflow.cli.command.SalesflowCommand;
import dev.salesflow.cli.completion.CompletionModel.Candidate;
import dev.salesflow.cli.completion.CompletionModel.Place;
import dev.salesflow.cli.completion.CompletionModel.Slot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a word stands on a command line, and what the workspace offers there. */
class CompletionModelTest {
  @TempDir Path tmp;
  CompletionModel model;
  Path ws;

  @BeforeEach
  void setUp() {
    StringWriter sink = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(sink), new PrintWriter(sink), Map.of(), tmp);
    model = new CompletionModel(CommandTree.full(new SalesflowCommand(context)).getCommandSpec());
    ws = TestWorkspaces.examplesAt(tmp.resolve("acme"));
  }

  private Slot at(String line) {
    List<String> words = Arrays.asList(line.split(" ", -1));
    return model.locate(words.subList(0, words.size() - 1), words.get(words.size() - 1));
  }

  private List<String> offered(String line) {
    return model.candidates(at(line)).stream().map(Candidate::value).toList();
  }

  @Test
  void firstWordIsASubcommandAndHiddenHelpersAreNotOffered() {
    assertThat(at("").place()).isEqualTo(Place.COMMAND);
    assertThat(offered("")).contains("register", "advance", "shell", "completion").doesNotContain("__complete");
    assertThat(at("-w acme --now 2026-11-04T10:00 ").place()).as("after global options").isEqualTo(Place.COMMAND);
  }

  @Test
  void optionsIncludeTheCommandsOwnAndTheGlobalOnes() {
    Slot slot = at("advance ACME-2026-001 --");
    assertThat(slot.place()).isEqualTo(Place.OPTION);
    assertThat(offered("advance ACME-2026-001 --")).contains("--to", "--reason", "--dry-run", "--workspace", "--now");
  }

  @Test
  void positionalParametersAndOptionValuesHaveKinds() {
    assertThat(at("show ").kind()).isEqualTo(ValueKind.CASE);
    assertThat(at("-w acme show ACME").kind()).isEqualTo(ValueKind.CASE);
    assertThat(at("log ACME-2026-001 ").kind()).isEqualTo(ValueKind.EVENT);
    assertThat(at("log ACME-2026-001 meeting --by ").kind()).isEqualTo(ValueKind.OWNER);
    assertThat(at("advance ACME-2026-001 --to ").kind()).isEqualTo(ValueKind.STAGE);
    assertThat(at("advance --to needs ").kind()).as("the case after an option and its value").isEqualTo(ValueKind.CASE);
    assertThat(at("list --stage ").kind()).isEqualTo(ValueKind.STAGE);
    assertThat(at("register --source ").kind()).isEqualTo(ValueKind.SOURCE);
    assertThat(at("-w ").kind()).isEqualTo(ValueKind.DIRECTORY);
    assertThat(at("check ").kind()).isEqualTo(ValueKind.PATH);
    assertThat(at("log ACME-2026-001 meeting --note ").kind()).isEqualTo(ValueKind.NONE);
  }

  @Test
  void fixedValuesComeFromEnumsAndLabels() {
    assertThat(offered("list --format ")).contains("text", "json", "csv", "yaml");
    assertThat(offered("register --priority ")).containsExactly("A", "B", "C");
    assertThat(offered("overdue --lang ")).containsExactly("en", "zh");
    assertThat(offered("check --sla=")).containsExactly("--sla=error", "--sla=warn", "--sla=off");
  }

  @Test
  void eachCommandOffersOnlyTheFormatsItTakes() {
    assertThat(offered("list --format ")).containsExactly("text", "json", "csv", "yaml");
    assertThat(offered("advance --format=")).containsExactly("--format=text", "--format=json");
    assertThat(offered("check --format ")).containsExactly("text", "json", "junit", "sarif", "github");
    assertThat(offered("export --format ")).containsExactly("csv");
    assertThat(offered("--format ")).as("before the command")
        .containsExactly("text", "json", "csv", "yaml", "junit", "sarif", "github", "md", "html");
    assertThat(offered("migrate --format ")).as("migrate writes no format").isEmpty();
    assertThat(offered("migrate --")).doesNotContain("--format").contains("--to", "--store");
  }

  @Test
  void workspaceValuesAreReadFromTheWorkspace() {
    WorkspaceValues values = new WorkspaceValues(ws);
    assertThat(values.of(ValueKind.CASE, List.of())).hasSize(14).startsWith("ACME-2026-001");
    assertThat(values.of(ValueKind.STAGE, List.of()))
        .containsExactly("lead", "needs", "solution", "negotiation", "delivery", "after_sales", "closed", "lost");
    assertThat(values.of(ValueKind.OWNER, List.of())).contains("zhang.wei", "li.na").isSorted();
    assertThat(values.of(ValueKind.SOURCE, List.of())).contains("exhibition", "referral");
    assertThat(values.of(ValueKind.EVENT, List.of())).contains("meeting", "contract_signed").doesNotContain("advance");
  }

  @Test
  void eventTypesAfterACaseAreThoseAllowedInItsStage() {
    WorkspaceValues values = new WorkspaceValues(ws);
    String id = CliRun.in(tmp, "-w", ws.toString(), "list", "--stage", "negotiation", "--format", "csv")
        .out().lines().skip(1).findFirst().orElseThrow().split(",")[0];
    assertThat(values.of(ValueKind.EVENT, List.of(id)))
        .contains("meeting", "contract_signed", "approval")
        .doesNotContain("survey_done", "requirements_recorded");
  }

  @Test
  void caseIdsComeFromTheStoreGiven() throws Exception {
    assertThat(CliRun.in(tmp, "-w", ws.toString(), "migrate", "--to", "sqlite:copy.db").code()).isZero();
    java.nio.file.Files.delete(ws.resolve("cases/ACME-2026-001.yaml"));
    assertThat(new WorkspaceValues(ws).of(ValueKind.CASE, List.of())).hasSize(13).doesNotContain("ACME-2026-001");
    assertThat(new WorkspaceValues(ws, "sqlite:copy.db", tmp).of(ValueKind.CASE, List.of()))
        .hasSize(14).startsWith("ACME-2026-001");
    assertThat(new WorkspaceValues(ws, "sqlite:missing.db", tmp).of(ValueKind.CASE, List.of())).isEmpty();
    assertThat(tmp.resolve("missing.db")).doesNotExist();
  }

  @Test
  void noWorkspaceOrAnUnreadableOneGivesNoValues() {
    assertThat(new WorkspaceValues(tmp.resolve("nowhere")).of(ValueKind.CASE, List.of())).isEmpty();
    assertThat(new WorkspaceValues(null).of(ValueKind.STAGE, List.of())).isEmpty();
  }

  @Test
  void hiddenCompleteCommandPrintsValuesOneALine() {
    CliRun stages = CliRun.in(tmp, "-w", "acme", "__complete", "stage");
    assertThat(stages.code()).isZero();
    assertThat(stages.out().lines()).startsWith("lead", "needs", "solution");
    assertThat(CliRun.in(ws.resolve("cases"), "__complete", "owner").out().lines()).contains("zhang.wei");
    CliRun nowhere = CliRun.in(tmp, "__complete", "case");
    assertThat(nowhere.code()).as("no workspace: nothing, quietly").isZero();
    assertThat(nowhere.out() + nowhere.err()).isEmpty();
    assertThat(CliRun.in(tmp, "--help").out()).doesNotContain("__complete");
  }
}
