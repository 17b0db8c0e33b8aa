/**
 * Notifications wired into the controller: the notification ConfigMap and Secret watched with
 * informers, events turned into notifications, the {@code when} state path, failures recorded as
 * Events. See {@link dev.rollouts.kubernetes.notify.NotificationSettings}.
 */
package dev.rollouts.kubernetes.notify;
