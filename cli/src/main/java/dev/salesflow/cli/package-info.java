/**
 * The {@code salesflow} command line: {@link dev.salesflow.cli.Main}, and what every part shares:
 * the outside world a run may touch ({@link dev.salesflow.cli.CliContext}), exit codes and output formats.
 */
package dev.salesflow.cli;
