package dev.salesflow.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code salesflow --version} prints: the Maven project version, the git commit the jar was
 * built from and the build date, from the {@code build.properties} the build wrote into the jar.
 * The build date is the commit's (committer) date, not the clock's, so building one commit twice
 * gives the same jar; a build from a work tree with uncommitted changes says so ({@code -dirty}).
 */
public final class VersionProvider implements IVersionProvider {
  /** The resource the build fills in. */
  static final String RESOURCE = "/dev/salesflow/cli/build.properties";

  @Override
  public String[] getVersion() {
    return lines();
  }

  /** The lines {@code salesflow --version} prints: {@code salesflow VERSION}, {@code commit C}, {@code built DATE}. */
  public static String[] lines() {
    Properties build = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new String[] {"salesflow development build"};
      }
      build.load(in);
    } catch (IOException e) {
      return new String[] {"salesflow development build"};
    }
    return new String[] {
      "salesflow " + build.getProperty("version", "unknown"),
      "commit " + build.getProperty("commit", "unknown"),
      "built " + build.getProperty("date", "unknown")};
  }
}
