/**
 * The library's one entry point, {@link dev.salesflow.core.api.Salesflow}: open a workspace or a
 * store and do everything through it. It sits on top of every other package and nothing below
 * depends on it; the values it takes and returns are in {@link dev.salesflow.core.model}.
 */
package dev.salesflow.core.api;
