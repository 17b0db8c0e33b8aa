/**
 * The notification services: Slack ({@code chat.postMessage}), generic webhooks, Grafana
 * annotations, e-mail over SMTP and Microsoft Teams Workflows, each sending one rendered
 * notification per call over real HTTP/SMTP with timeouts, as notifications-engine shapes the
 * request. {@link dev.rollouts.notifications.service.NotificationServices#create} makes one from a
 * {@code service.<type>} entry; failures are {@link
 * dev.rollouts.notifications.service.SendException}s that tell transient from permanent.
 */
package dev.rollouts.notifications.service;
