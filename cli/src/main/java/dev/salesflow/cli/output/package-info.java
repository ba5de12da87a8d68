/**
 * Everything a command prints: text tables, json, csv, yaml, markdown and html writers, the
 * reports' sheets, check's formats (text, json, junit, sarif, github), error messages with their
 * source line, the progress bar. A new output format goes here.
 */
package dev.salesflow.cli.output;
