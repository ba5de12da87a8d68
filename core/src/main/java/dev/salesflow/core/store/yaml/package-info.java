/**
 * The folder store: one YAML case file per case, read with exact source positions and appended to
 * without touching the bytes above, under a lock, through temp file, fsync and rename.
 */
package dev.salesflow.core.store.yaml;
