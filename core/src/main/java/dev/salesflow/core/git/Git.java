package dev.salesflow.core.git;

import dev.salesflow.core.model.InvalidRequestException;
import dev.salesflow.core.model.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code git} in a folder and hands back what it printed. git is asked for plain, stable
 * output ({@code -z} lists, no pager, no colour); its messages are passed on in exceptions.
 */
public final class Git {
  private final Path dir;

  /** git run with {@code dir} as its working folder (git finds the repository from there). */
  public Git(Path dir) {
    this.dir = dir;
  }

  /** What a run of git printed, and its exit code. */
  public record Result(int code, byte[] out, String err) {
    /** Standard output as UTF-8 text. */
    public String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code git args...}; any exit code is returned, for the caller to judge. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "--no-pager", "-c", "color.ui=never"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new InvalidRequestException("cannot run git (" + e.getMessage() + "); is git installed and on PATH?");
    }
    try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(stderr));
      byte[] out = readAll(stdout);
      int code = process.waitFor();
      return new Result(code, out, new String(err.join(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new StoreException("git " + String.join(" ", args) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while git " + String.join(" ", args) + " ran");
    }
  }

  /** Runs {@code git args...} and returns its output, or throws with git's message when it fails. */
  public String require(String... args) {
    Result r = run(args);
    if (r.code() != 0) {
      throw new InvalidRequestException("git " + String.join(" ", args) + " failed in " + dir + ": "
          + (r.err().isEmpty() ? "exit code " + r.code() : r.err()));
    }
    return r.text();
  }

  /** The top folder of the repository holding the working folder. */
  public Path topLevel() {
    return Path.of(require("rev-parse", "--show-toplevel").strip());
  }

  /**
   * The files under the working folder changed between {@code ref} and the work tree (in commits,
   * staged or not) that still exist, resolved against the working folder; {@code ref} is any
   * revision git takes, e.g. {@code origin/main}, {@code HEAD~3} or a commit id. Files git does not
   * track yet are not listed.
   */
  public List<Path> changedSince(String ref) {
    if (ref.isBlank() || ref.startsWith("-")) {
      throw new InvalidRequestException("'" + ref + "' is not a git revision");
    }
    String names = require("diff", "--name-only", "-z", "--relative", "--no-renames", "--diff-filter=d", ref, "--", ".");
    List<Path> changed = new ArrayList<>();
    for (String name : names.split("\0")) {
      if (!name.isEmpty()) {
        changed.add(dir.resolve(name));
      }
    }
    return changed;
  }

  /** Sets {@code key} to {@code value} in the repository's own settings ({@code .git/config}). */
  public void setConfig(String key, String value) {
    require("config", "--local", key, value);
  }

  private static byte[] readAll(InputStream in) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
