package dev.rollouts.operatorsdk;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.controller.ControllerMetrics;
import dev.rollouts.kubernetes.controller.SettingChecks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A {@link RolloutReconciler}'s settings, as its builder took them: immutable, checked once. */
record Settings(
    Optional<String> namespace,
    Optional<String> instanceId,
    RolloutEngine engine,
    ControllerMetrics metrics,
    Duration expectationTimeout,
    Duration conflictDelay,
    Clock clock,
    double clockRate,
    boolean watchAnalysisRuns) {

  private static final SettingChecks CHECK = SettingChecks.of("RolloutReconciler");

  Settings {
    CHECK.namespace("namespace", namespace);
    CHECK.instanceId("instanceId", instanceId);
    CHECK.positive("expectationTimeout", expectationTimeout);
    CHECK.notNegative("conflictDelay", conflictDelay, "at once");
    CHECK.clockRate("clock rate", clockRate);
  }

  /** A delay in the clock's time as real time. */
  Duration realTime(Duration clockTime) {
    return clockRate == 1.0
        ? clockTime
        : Duration.ofNanos((long) (clockTime.toNanos() / clockRate));
  }
}
