/**
 * Documentation generated from the command model: the man pages the release archives and the
 * Debian package install.
 */
package dev.salesflow.cli.docs;
