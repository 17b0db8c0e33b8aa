package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.notify.NotificationSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of one controller, as {@link RolloutController.Builder#build()} took them: an
 * immutable snapshot, checked once. The controller reads only this, never the builder.
 */
record ControllerSettings(
    KubernetesClient client,
    Optional<String> namespace,
    Optional<String> instanceId,
    int workers,
    RolloutEngine engine,
    Optional<LeaderElection> leaderElection,
    ControllerMetrics metrics,
    Optional<NotificationSettings> notifications,
    Duration resyncPeriod,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Duration expectationTimeout,
    Duration startTimeout,
    Duration closeTimeout,
    Clock clock,
    double clockRate) {

  /** Most workers a controller may run: beyond this, threads cost more than they give. */
  static final int MAX_WORKERS = 256;

  private static final SettingChecks CHECK = SettingChecks.of("RolloutController");

  /**
   * Checks every setting; the first one that is wrong is named in the message.
   *
   * @throws IllegalArgumentException naming the setting, its value and what it must be
   */
  ControllerSettings {
    CHECK.namespace("namespace", namespace);
    CHECK.instanceId("instanceId", instanceId);
    if (workers < 1 || workers > MAX_WORKERS) {
      throw CHECK.invalid("workers", workers, "between 1 and " + MAX_WORKERS);
    }
    CHECK.notNegative("resyncPeriod", resyncPeriod, "no resync");
    CHECK.positive("retryBackoff base", retryBaseDelay);
    CHECK.positive("retryBackoff max", retryMaxDelay);
    if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw CHECK.invalid(
          "retryBackoff max", retryMaxDelay, "at least the base delay (" + retryBaseDelay + ")");
    }
    CHECK.positive("expectationTimeout", expectationTimeout);
    CHECK.positive("startTimeout", startTimeout);
    CHECK.positive("closeTimeout", closeTimeout);
    CHECK.clockRate("clock rate", clockRate);
  }
}
