package dev.salesflow.cli.command;

import dev.salesflow.cli.Main;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the Maven project version). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {line()};
  }

  /** The one line {@code salesflow --version} prints. */
  public static String line() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "salesflow " + (version == null ? "development build" : version);
  }
}
