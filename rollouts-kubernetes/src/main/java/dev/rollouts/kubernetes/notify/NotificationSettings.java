package dev.rollouts.kubernetes.notify;

import dev.rollouts.notifications.DeliveryListener;
import dev.rollouts.notifications.Notifier;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the controller sends notifications: the namespace it is installed in (where {@code
 * argo-rollouts-notification-configmap} and {@code argo-rollouts-notification-secret} are read;
 * Argo's default {@code argo-rollouts}), whether Rollout namespaces may carry their own
 * configuration (Argo's {@code --self-service-notification-enabled}), a listener for delivery
 * outcomes (such as {@link dev.rollouts.notifications.MicrometerDeliveryListener}), and tuning of
 * the {@link Notifier} (workers, retries, timeouts).
 */
public final class NotificationSettings {

  /** Argo's install namespace. */
  public static final String DEFAULT_NAMESPACE = "argo-rollouts";

  final String controllerNamespace;
  final boolean selfService;
  final DeliveryListener listener;
  final UnaryOperator<Notifier.Builder> tuning;

  private NotificationSettings(
      String controllerNamespace,
      boolean selfService,
      DeliveryListener listener,
      UnaryOperator<Notifier.Builder> tuning) {
    this.controllerNamespace = controllerNamespace;
    this.selfService = selfService;
    this.listener = listener;
    this.tuning = tuning;
  }

  /** Configuration read from {@value #DEFAULT_NAMESPACE} only. */
  public static NotificationSettings defaults() {
    return new NotificationSettings(DEFAULT_NAMESPACE, false, DeliveryListener.NONE, b -> b);
  }

  /** Read the controller's configuration from {@code namespace}. */
  public NotificationSettings controllerNamespace(String namespace) {
    return new NotificationSettings(
        Objects.requireNonNull(namespace), selfService, listener, tuning);
  }

  /** Also read each Rollout namespace's own ConfigMap and Secret. */
  public NotificationSettings selfService(boolean enabled) {
    return new NotificationSettings(controllerNamespace, enabled, listener, tuning);
  }

  /** Also tell {@code listener} of every delivery's outcome. */
  public NotificationSettings listener(DeliveryListener listener) {
    return new NotificationSettings(
        controllerNamespace, selfService, Objects.requireNonNull(listener), tuning);
  }

  /** Adjust the {@link Notifier} (workers, queue, retries, timeout). */
  public NotificationSettings tuning(UnaryOperator<Notifier.Builder> tuning) {
    return new NotificationSettings(
        controllerNamespace, selfService, listener, Objects.requireNonNull(tuning));
  }
}
