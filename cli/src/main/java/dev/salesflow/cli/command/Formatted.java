package dev.salesflow.cli.command;

import dev.salesflow.cli.Format;
import java.util.List;

/**
 * A subcommand whose output the global {@code --format} chooses. {@link CommandTree} makes its help
 * and completion offer only {@link #formats()}; a subcommand that is not {@code Formatted} takes no
 * format, and its help does not show the option.
 */
interface Formatted {
  /** The formats this command writes, as {@link SalesflowCommand#format} accepts them. */
  List<Format> formats();
}
