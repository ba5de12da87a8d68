package dev.salesflow.core.model;

/**
 * The outcome of {@link dev.salesflow.core.api.Salesflow#migrateTo}.
 *
 * @param cases how many cases were copied
 * @param from the source store, described for messages
 * @param to the target store, described for messages
 */
public record Migration(int cases, String from, String to) {}
