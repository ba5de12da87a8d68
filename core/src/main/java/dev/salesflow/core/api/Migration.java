package dev.salesflow.core.api;

/**
 * The outcome of {@link Salesflow#migrateTo}.
 *
 * @param cases how many cases were copied
 * @param from the source store, described for messages
 * @param to the target store, described for messages
 */
public record Migration(int cases, String from, String to) {}
