/**
 * Start-up paths the launcher script runs besides {@code Main}: the class-data-sharing training
 * run and the one-time copy of sqlite-jdbc's native library. (Quick argument reading, the third
 * start-up trick, sets the commands' fields and so lives in {@code command}.)
 */
package dev.salesflow.cli.launch;
