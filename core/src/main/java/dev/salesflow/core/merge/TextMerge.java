package dev.salesflow.core.merge;

import dev.salesflow.core.git.Git;
import dev.salesflow.core.model.MergeOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * git's own line-wise three-way merge ({@code git merge-file}), for files that are not case files:
 * the result, with conflict markers where both sides changed the same lines, replaces OURS; a
 * binary file is left as OURS was (git keeps THEIRS in the index), reported as a conflict.
 */
final class TextMerge {
  private TextMerge() {}

  static MergeOutcome merge(Path base, Path ours, Path theirs, String name, String why) {
    Git git = new Git(ours.toAbsolutePath().getParent());
    Git.Result r = git.run("merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
        ours.toAbsolutePath().toString(), base.toAbsolutePath().toString(), theirs.toAbsolutePath().toString());
    if (r.code() == 0) {
      return MergeOutcome.text(why, List.of());
    }
    if (r.code() > 0 && r.code() < 128) {
      return MergeOutcome.text(why, List.of(name + ": " + r.code() + " conflicting " + (r.code() == 1 ? "hunk" : "hunks")
          + " merged as text, marked with <<<<<<< ours / >>>>>>> theirs"));
    }
    return MergeOutcome.text(why, List.of(name + ": not merged (" + (r.err().isEmpty() ? "git merge-file failed" : r.err())
        + "); our version is left in place, theirs is in the index ('git checkout --theirs -- " + name + "')"));
  }
}
