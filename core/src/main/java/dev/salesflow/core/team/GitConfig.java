package dev.salesflow.core.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads one git setting ({@code git config --get KEY}) as git sees it in a folder. */
final class GitConfig {
  private GitConfig() {}

  /** The value of {@code key} in {@code dir}, or empty when it is unset or git is not installed. */
  static Optional<String> get(Path dir, String key) {
    try {
      Process git = new ProcessBuilder("git", "config", "--get", key).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      git.getOutputStream().close();
      String value = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return Optional.empty();
      }
      return git.exitValue() == 0 && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
