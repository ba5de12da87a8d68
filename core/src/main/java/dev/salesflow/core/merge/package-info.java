/**
 * The git merge driver of case files: events appended on both sides become one time-ordered log,
 * the registration merges field by field, the result is replayed through the state machine, and a
 * real conflict is written with git's markers around only the part in conflict. Files that are no
 * case file are merged as text by {@code git merge-file}.
 */
package dev.salesflow.core.merge;
