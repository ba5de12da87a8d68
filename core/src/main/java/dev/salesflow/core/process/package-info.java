/**
 * The sales process as data: stages, event types, guards and the state machine that replays a case's
 * events; loading a process file and the generated default process. A new guard kind goes here.
 */
package dev.salesflow.core.process;
