package dev.salesflow.core.git;

import dev.salesflow.core.model.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes git merge case files with salesflow: the attribute that names the driver for
 * {@code cases/*.yaml} (checked in, shared by the team) and the two settings that define it (per
 * clone, since git never takes commands from a repository's own files).
 */
public final class GitSetup {
  /** The line of {@code .gitattributes} that sends case files to the driver. */
  public static final String ATTRIBUTE = "cases/*.yaml merge=salesflow";

  /** The driver's name in git's settings: {@code merge.<name>.driver}. */
  public static final String DRIVER = "salesflow";

  private GitSetup() {}

  /**
   * Adds {@link #ATTRIBUTE} to {@code root}'s {@code .gitattributes}, creating the file when
   * missing; a file that has the line already is left as it was.
   */
  public static void writeAttributes(Path root) {
    Path file = root.resolve(".gitattributes");
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, "# git merges case files with 'salesflow git-merge' once 'salesflow git-setup' ran in the clone\n"
            + ATTRIBUTE + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.lines().noneMatch(l -> l.strip().equals(ATTRIBUTE))) {
        Files.writeString(file, (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + ATTRIBUTE + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Defines the driver in the settings of the repository holding {@code dir}, running {@code
   * command} (the salesflow launcher, as the shell should read it) as {@code command git-merge %O
   * %A %B %P}.
   *
   * @return each setting made, key to value, in the order made
   */
  public static Map<String, String> configure(Path dir, String command) {
    Git git = new Git(dir);
    git.topLevel(); // a clear "not a git repository" before anything is set
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("merge." + DRIVER + ".name", "salesflow case files: appended events in time order, the registration field by field");
    settings.put("merge." + DRIVER + ".driver", command + " git-merge %O %A %B %P");
    settings.forEach(git::setConfig);
    return settings;
  }
}
