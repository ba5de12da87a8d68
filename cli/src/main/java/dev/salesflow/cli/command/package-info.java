/**
 * One class per subcommand, each thin: read the options, make one core call, hand the result to
 * {@code output}, return the exit code. The root command's global options, the subcommand tree,
 * and {@link dev.salesflow.cli.command.QuickArgs}, the picocli-free reader of plain arguments,
 * which lives here because it sets the commands' own fields. A new command goes here and into
 * {@link dev.salesflow.cli.command.CommandTree}.
 */
package dev.salesflow.cli.command;
