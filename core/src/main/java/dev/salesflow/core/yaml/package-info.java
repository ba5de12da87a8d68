/**
 * Safe YAML reading: a tree of nodes with source positions (no anchors, tags or object
 * construction) and binding such a tree to records, rejecting unknown keys with the known ones listed.
 */
package dev.salesflow.core.yaml;
