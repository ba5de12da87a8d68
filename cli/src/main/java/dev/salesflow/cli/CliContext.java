package dev.salesflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: its two output streams, the environment and the
 * working folder. Tests pass their own; nothing reads System.* directly.
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd) {}
