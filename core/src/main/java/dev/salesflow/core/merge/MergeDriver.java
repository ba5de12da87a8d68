package dev.salesflow.core.merge;

import dev.salesflow.core.model.DiagnosticsException;
import dev.salesflow.core.model.MergeOutcome;
import dev.salesflow.core.model.StoreException;
import dev.salesflow.core.model.WorkspaceNotFoundException;
import dev.salesflow.core.process.ProcessLoader;
import dev.salesflow.core.process.StateMachine;
import dev.salesflow.core.store.yaml.CaseFileReader;
import dev.salesflow.core.workspace.Workspace;
import dev.salesflow.core.workspace.WorkspaceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * git's merge driver for case files ({@code salesflow git-merge %O %A %B %P}): merges the three
 * versions git hands over and writes the result into OURS, as a case where the files are case
 * files, else as text with {@code git merge-file}. Either way nothing of either side is lost.
 */
public final class MergeDriver {
  private MergeDriver() {}

  /**
   * Merges {@code ours} and {@code theirs} from {@code base} into {@code ours}.
   *
   * @param name the file's path in the repository ({@code %P}), or null
   * @param cwd the folder git runs the driver in (the top of the work tree): {@code name} is
   *     relative to it, and the workspace whose process judges the case is the nearest one above
   *     the file (without one, the default process)
   */
  public static MergeOutcome run(Path base, Path ours, Path theirs, String name, Path cwd) {
    byte[] b = readOrEmpty(base);
    byte[] o = read(ours);
    byte[] t = read(theirs);
    String shown = name != null ? name : ours.toString();
    CaseMerge merge;
    try {
      merge = forFile(name == null ? null : cwd.resolve(name), cwd);
    } catch (DiagnosticsException e) {
      return TextMerge.merge(base, ours, theirs, shown, "the workspace's settings or process cannot be read ("
          + e.diagnostics().get(0).message() + ")");
    }
    CaseMerge.Result result = merge.merge(name, b, o, t);
    if (result instanceof CaseMerge.Merged m) {
      write(ours, m.bytes());
      return MergeOutcome.ofCase(List.of());
    }
    if (result instanceof CaseMerge.Conflicted c) {
      write(ours, c.bytes());
      return MergeOutcome.ofCase(c.conflicts());
    }
    return TextMerge.merge(base, ours, theirs, shown, ((CaseMerge.AsText) result).reason());
  }

  /** The merge under the process of the workspace holding {@code file}, else of the default one. */
  private static CaseMerge forFile(Path file, Path cwd) {
    Optional<Path> root = Workspace.find(file != null && file.getParent() != null ? file.getParent() : cwd);
    if (root.isPresent()) {
      try {
        Workspace w = Workspace.open(root.get());
        return new CaseMerge(w.stateMachine(), w.zone());
      } catch (WorkspaceNotFoundException e) {
        // a salesflow.yaml that went away meanwhile: as without a workspace
      }
    }
    WorkspaceConfig defaults = WorkspaceConfig.defaults();
    return new CaseMerge(new StateMachine(ProcessLoader.defaultProcess(), defaults.approvalThreshold()),
        ZoneId.of(WorkspaceConfig.DEFAULT_TIMEZONE));
  }

  private static byte[] readOrEmpty(Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new byte[0];
    }
    return read(file);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StoreException("cannot merge: " + file + " does not exist");
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces OURS through a temporary file beside it, so a failed write leaves it as it was. */
  private static void write(Path ours, byte[] bytes) {
    Path temp = ours.resolveSibling(ours.getFileName() + ".salesflow-merge.tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, ours, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the write already failed with its own message
      }
      throw new StoreException("cannot write the merged " + ours + ": " + e.getMessage(), e);
    }
  }
}
