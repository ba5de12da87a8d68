package dev.salesflow.core.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salesflow.core.store.yaml.YamlDirectoryStore;
import dev.salesflow.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writers of a folder of case files killed mid-write. */
class YamlDirectoryStoreKillTest extends KillContract {
  private List<String> lastTemps = List.of();

  @Override
  String storeSetting() {
    return "";
  }

  /**
   * Every file in cases/ is a case file that parses, the lock file, or the one hidden temp file
   * per case that a write killed before its rename leaves (so they cannot pile up).
   */
  @Override
  void assertFilesSound(Workspace workspace) throws Exception {
    YamlDirectoryStore store = new YamlDirectoryStore(workspace.casesDir(), workspace.process(), workspace.zone());
    List<String> temps = new ArrayList<>();
    try (var files = Files.list(workspace.casesDir())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".yaml") && !name.startsWith(".")) {
          String id = name.substring(0, name.length() - ".yaml".length());
          assertThat(CASES).as("case file %s", name).contains(id);
          assertThat(store.loadFile(id).value().id()).isEqualTo(id); // parses, with positions
        } else if (!name.equals(".salesflow.lock")) {
          // a write killed before its rename leaves its case's one temp file; the next write replaces it
          assertThat(name).as("a left-over file is the hidden temp file of a case")
              .isIn(CASES.stream().map(id -> "." + id + ".yaml.tmp").toList());
          temps.add(name);
        }
      }
    }
    assertThat(store.ids()).as("temp files are no cases").containsExactlyElementsOf(CASES);
    lastTemps = temps;
  }

  @org.junit.jupiter.api.AfterEach
  void report() {
    System.out.printf("%s: %d hidden temp files left by killed writes at the end %s%n", getClass().getSimpleName(),
        lastTemps.size(), lastTemps);
  }
}
