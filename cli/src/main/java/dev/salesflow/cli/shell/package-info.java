/**
 * {@code salesflow shell} and the prompts: the JLine terminal, line reader and completer, and
 * whether a person is at a terminal at all. The only package that loads JLine; a shell feature goes here.
 */
package dev.salesflow.cli.shell;
