package dev.salesflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checked-in generated Java that a test keeps equal to a fresh generation. */
public final class GeneratedSource {
  private GeneratedSource() {}

  /**
   * Asserts that {@code checkedIn} holds {@code fresh}; with {@code -D<updateProperty>=true} it is
   * rewritten first (then review the diff).
   *
   * @param test the test class, named in the message with the command that regenerates
   * @param from what the source is generated from, for the message
   */
  public static void assertFresh(Path checkedIn, String fresh, Class<?> test, String updateProperty, String from)
      throws IOException {
    if (Boolean.getBoolean(updateProperty)) {
      Files.writeString(checkedIn, fresh, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(checkedIn, StandardCharsets.UTF_8))
        .as("%s differs from %s; run 'mvn -B -q -pl core test -Dtest=%s -D%s=true' and review the diff",
            checkedIn.getFileName(), from, test.getSimpleName(), updateProperty)
        .isEqualTo(fresh);
  }
}
