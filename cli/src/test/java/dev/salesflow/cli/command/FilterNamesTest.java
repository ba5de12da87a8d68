package dev.salesflow.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.cli.CliRun;
import dev.salesflow.cli.TestWorkspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filter naming nobody ('overdue --owner nobdoy') is a usage error, not "Nothing overdue"; on every store. */
class FilterNamesTest {
  private static final String NOW = "2026-11-26T18:00:00+08:00";

  @TempDir Path dir;

  private CliRun sf(Path ws, String store, String... args) {
    List<String> all = new ArrayList<>(List.of("-w", ws.toString(), "--now", NOW));
    if (store != null) {
      all.add("--store");
      all.add(store);
    }
    all.addAll(List.of(args));
    return CliRun.in(dir, all.toArray(String[]::new));
  }

  @Test
  void anUnknownOwnerOrStageIsNamedUnlessAllowed() {
    Path ws = TestWorkspaces.examplesAt(dir.resolve("acme"));
    assertThat(sf(ws, null, "migrate", "--to", "sqlite:" + dir.resolve("c.db")).code()).isZero();
    for (String store : new String[] {null, "sqlite:" + dir.resolve("c.db")}) {
      for (String[] args : List.of(new String[] {"overdue", "--owner", "li.nna"}, new String[] {"list", "--owner", "li.nna"},
          new String[] {"report", "funnel", "--owner", "li.nna"})) {
        CliRun typo = sf(ws, store, args);
        assertThat(typo.code()).as("%s %s", store, typo).isEqualTo(2);
        assertThat(typo.err()).contains("no case has the owner 'li.nna'", "--allow-unknown");
        assertThat(typo.out()).isEmpty();
        List<String> allowed = new ArrayList<>(List.of(args));
        allowed.add("--allow-unknown");
        assertThat(sf(ws, store, allowed.toArray(String[]::new)).code()).as("%s %s", store, allowed).isZero();
      }
      CliRun known = sf(ws, store, "list", "--owner", "li.na", "--format", "json");
      assertThat(known.code()).isZero();
      assertThat(known.out()).contains("\"owner\" : \"li.na\"");
      assertThat(sf(ws, store, "overdue", "--owner", "li.na").code()).isIn(0, 1);
      CliRun stage = sf(ws, store, "list", "--stage", "negotation");
      assertThat(stage.code()).isEqualTo(2);
      assertThat(stage.err()).contains("unknown stage 'negotation' (stages: ");
    }
  }
}
