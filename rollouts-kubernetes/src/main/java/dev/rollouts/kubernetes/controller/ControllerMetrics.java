package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.notifications.DeliveryListener;
import java.time.Duration;
import java.util.Optional;

/**
 * What the controller reports as it works, in the spirit of Argo Rollouts' metrics: the state of
 * each Rollout ({@code rollout_info}), each reconcile's duration and outcome ({@code
 * rollout_reconcile}, {@code rollout_reconcile_error}) and the events it records ({@code
 * rollout_events_total}). {@link MicrometerMetrics} reports them to a Micrometer registry.
 *
 * <p>Called from worker threads; implementations must be thread-safe and fast.
 */
public interface ControllerMetrics {

  /** How a reconcile ended. */
  enum Outcome {
    /** The Decision was applied (or asked for nothing). */
    SUCCESS,
    /** The caches had not caught up with the last writes yet; tried again shortly. */
    WAITING,
    /** A write hit a newer version of an object (HTTP 409); read again and decided again. */
    CONFLICT,
    /** The Rollout could not be read; it got the {@code InvalidSpec} condition. */
    INVALID_SPEC,
    /** A request failed or something broke; retried with backoff. */
    ERROR
  }

  /** A reconcile of {@code namespace/name} took {@code took} and ended with {@code outcome}. */
  void reconciled(String namespace, String name, Duration took, Outcome outcome);

  /** A Rollout's state after a reconcile. */
  void rolloutInfo(RolloutInfo info);

  /** A Rollout is gone; forget it. */
  void rolloutRemoved(String namespace, String name);

  /** An event was recorded on a Rollout. */
  void eventRecorded(String namespace, String name, RolloutEvent event);

  /**
   * Where the notification metrics ({@code notification_send_success}, {@code
   * notification_send_error}, {@code notification_send}) go, when this reports to a registry.
   */
  default Optional<DeliveryListener> notificationListener() {
    return Optional.empty();
  }

  /** Reports nothing. */
  static ControllerMetrics none() {
    return NoMetrics.INSTANCE;
  }

  /** {@link ControllerMetrics#none()}. */
  enum NoMetrics implements ControllerMetrics {
    /** The one instance. */
    INSTANCE;

    @Override
    public void reconciled(String namespace, String name, Duration took, Outcome outcome) {}

    @Override
    public void rolloutInfo(RolloutInfo info) {}

    @Override
    public void rolloutRemoved(String namespace, String name) {}

    @Override
    public void eventRecorded(String namespace, String name, RolloutEvent event) {}
  }
}
