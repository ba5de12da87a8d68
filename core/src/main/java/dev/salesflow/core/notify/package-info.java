/**
 * {@code notify}: tells each owner of their breached and soon-due follow-ups, escalates up the
 * manager chain after each rule's {@code escalate_after}, over SMTP and chat webhooks, and keeps a
 * sent-log so that no notice goes out twice.
 */
package dev.salesflow.core.notify;
