package dev.salesflow.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.FreshJvm;
import dev.salesflow.cli.forms.FormCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log CASE TYPE} under {@code forms: required} in a real terminal (tmux): it asks for each
 * required form field not given, Tab completes an enum, and asks again after a bad value; without a
 * terminal it asks nothing and the refusal lists every missing field.
 */
class FormPromptTest {
  @TempDir Path tmp;
  FormCases w;
  Path file;

  @BeforeEach
  void aCaseInDeliveryWithFormsRequired() throws Exception {
    w = new FormCases(tmp);
    file = w.writeCase("SF-2026-001", FormCases.TO_DELIVERY);
    w.setting("forms: required");
  }

  private List<String> log(String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"-w", w.ws.toString(), "--now", FormCases.NOW, "log", "SF-2026-001"}, 0, args, 0, 6);
    System.arraycopy(more, 0, args, 6, more.length);
    return FreshJvm.salesflow(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
  }

  @Test
  void atATerminalEachMissingFieldIsAskedWithCompletionAndAReAskAfterABadValue() throws Exception {
    String command = FreshJvm.shellLine(log("delivery_accepted", "--set", "remarks=box dented", "--at", "2026-11-20T15:00"));
    try (Tmux tmux = Tmux.start(tmp, tmp, Map.of("LANG", "en_US.UTF-8"), command)) {
      tmux.awaitLastLine("Items delivered 1, model [items.1.model]:");
      tmux.type("ACME-DS-40");
      tmux.send("Enter");
      tmux.awaitLastLine("Items delivered 1, quantity [items.1.quantity]:");
      tmux.type("none");
      tmux.send("Enter");
      tmux.await("field 'items.1.quantity' must be a quantity above 0, got 'none'; again, or leave it empty to skip");
      tmux.awaitLastLine("Items delivered 1, quantity [items.1.quantity]:");
      tmux.type("2");
      tmux.send("Enter");
      tmux.awaitLastLine("Result [result] (accepted/accepted_with_remarks/rejected):");
      tmux.type("accepted_w");
      tmux.send("Tab");
      tmux.awaitLastLine("Result [result] (accepted/accepted_with_remarks/rejected): accepted_with_remarks");
      tmux.send("Enter");
      tmux.awaitLastLine("Signed by (customer) [signer]:");
      tmux.type("Wang Lei");
      tmux.send("Enter");
      tmux.awaitLastLine("Date [date]:");
      tmux.type("2026-11-31");
      tmux.send("Enter");
      tmux.await("field 'date' must be");
      tmux.awaitLastLine("Date [date]:");
      tmux.type("2026-11-20");
      tmux.send("Enter");
      assertThat(tmux.await("[exited 0]")).contains("recorded delivery_accepted on SF-2026-001");
    }
    String last = Files.readAllLines(file, StandardCharsets.UTF_8).get(Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1);
    assertThat(last).contains("type: delivery_accepted", "remarks: box dented", "items.1.model: ACME-DS-40",
        "items.1.quantity: 2", "result: accepted_with_remarks", "signer: Wang Lei", "date: \"2026-11-20\"");
  }

  @Test
  void ctrlDStopsAskingAndTheRefusalListsWhatIsStillMissing() throws Exception {
    String before = Files.readString(file, StandardCharsets.UTF_8);
    String command = FreshJvm.shellLine(log("delivery_accepted", "--set", "result=accepted"));
    try (Tmux tmux = Tmux.start(tmp, tmp, Map.of("LANG", "en_US.UTF-8"), command)) {
      tmux.awaitLastLine("Items delivered 1, model [items.1.model]:");
      tmux.send("C-d");
      assertThat(tmux.await("[exited 1]")).contains("cannot record 'delivery_accepted' (forms: required)",
          "needs at least one item", "needs 'signer'", "needs 'date'");
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(before);
  }

  @Test
  void withoutATerminalNothingIsAskedAndTheRefusalListsEveryMissingField() throws Exception {
    String before = Files.readString(file, StandardCharsets.UTF_8);
    // in the terminal, but with standard input from /dev/null: no person to ask
    String command = FreshJvm.shellLine(log("delivery_accepted")) + " < /dev/null";
    try (Tmux tmux = Tmux.start(tmp, tmp, Map.of("LANG", "en_US.UTF-8"), command)) {
      String screen = tmux.await("[exited 1]");
      assertThat(screen).contains("'delivery_accepted' form: needs at least one item", "needs 'result'", "needs 'signer'",
          "needs 'date'").doesNotContain("[items.1.model]:", "[signer]:");
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(before);
  }
}
