/**
 * Tab completion from the command model, shared by the shell and the generated bash script: what
 * the word under the cursor can be, and the workspace's values for it.
 */
package dev.salesflow.cli.completion;
