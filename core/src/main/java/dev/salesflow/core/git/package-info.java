/**
 * The git command line, run as a child process: the text merge a case-file merge falls back to,
 * the files changed since a commit, and the repository settings of the merge driver.
 */
package dev.salesflow.core.git;
