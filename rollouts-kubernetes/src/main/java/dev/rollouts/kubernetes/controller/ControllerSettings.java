package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.RolloutEngine;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /** A namespace name: an RFC 1123 label. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** A label value: what {@code controller-instance-id} may hold. */
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  /**
   * Checks every setting; the first one that is wrong is named in the message.
   *
   * @throws IllegalArgumentException naming the setting, its value and what it must be
   */
  ControllerSettings {
    namespace.ifPresent(
        n -> {
          if (n.length() > 63 || !DNS_LABEL.matcher(n).matches()) {
            throw invalid(
                "namespace",
                "'" + n + "'",
                "a namespace name (lower-case letters, digits and '-', at most 63 characters)");
          }
        });
    instanceId.ifPresent(
        id -> {
          if (id.length() > 63 || !LABEL_VALUE.matcher(id).matches()) {
            throw invalid(
                "instanceId",
                "'" + id + "'",
                "a label value (letters, digits, '-', '_' and '.', starting and ending with a"
                    + " letter or digit, at most 63 characters), as it is matched against the"
                    + " argo-rollouts.argoproj.io/controller-instance-id label");
          }
        });
    if (workers < 1 || workers > MAX_WORKERS) {
      throw invalid("workers", workers, "between 1 and " + MAX_WORKERS);
    }
    if (resyncPeriod.isNegative()) {
      throw invalid("resyncPeriod", resyncPeriod, "zero (no resync) or positive");
    }
    positive("retryBackoff base", retryBaseDelay);
    positive("retryBackoff max", retryMaxDelay);
    if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw invalid(
          "retryBackoff max", retryMaxDelay, "at least the base delay (" + retryBaseDelay + ")");
    }
    positive("expectationTimeout", expectationTimeout);
    positive("startTimeout", startTimeout);
    positive("closeTimeout", closeTimeout);
    if (!(clockRate > 0) || Double.isInfinite(clockRate)) {
      throw invalid("clock rate", clockRate, "positive and finite");
    }
  }

  private static void positive(String setting, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw invalid(setting, value, "positive");
    }
  }

  private static IllegalArgumentException invalid(String setting, Object value, String mustBe) {
    return new IllegalArgumentException(
        "RolloutController setting " + setting + " is " + value + "; it must be " + mustBe);
  }
}
