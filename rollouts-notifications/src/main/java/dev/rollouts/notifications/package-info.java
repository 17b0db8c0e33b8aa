/**
 * Argo Rollouts' notifications for this library: the notification ConfigMap and Secret ({@link
 * dev.rollouts.notifications.NotificationConfig}), the built-in catalogue ({@link
 * dev.rollouts.notifications.BuiltInCatalogue}), reason-to-trigger mapping ({@link
 * dev.rollouts.notifications.Triggers}), what to send on an event or a state change ({@link
 * dev.rollouts.notifications.Planner}), the template variables ({@link
 * dev.rollouts.notifications.TemplateVariables}), and asynchronous delivery ({@link
 * dev.rollouts.notifications.Notifier}).
 */
package dev.rollouts.notifications;
