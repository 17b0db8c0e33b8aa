package dev.rollouts.operatorsdk;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.kubernetes.controller.ControllerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

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

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  Settings {
    namespace.ifPresent(
        n -> {
          if (n.length() > 63 || !DNS_LABEL.matcher(n).matches()) {
            throw invalid("namespace", "'" + n + "'", "a namespace name");
          }
        });
    instanceId.ifPresent(
        id -> {
          if (id.length() > 63 || !LABEL_VALUE.matcher(id).matches()) {
            throw invalid("instanceId", "'" + id + "'", "a label value");
          }
        });
    if (expectationTimeout.isNegative() || expectationTimeout.isZero()) {
      throw invalid("expectationTimeout", expectationTimeout, "positive");
    }
    if (conflictDelay.isNegative()) {
      throw invalid("conflictDelay", conflictDelay, "zero or positive");
    }
    if (!(clockRate > 0) || Double.isInfinite(clockRate)) {
      throw invalid("clock rate", clockRate, "positive and finite");
    }
  }

  /** A delay in the clock's time as real time. */
  Duration realTime(Duration clockTime) {
    return clockRate == 1.0
        ? clockTime
        : Duration.ofNanos((long) (clockTime.toNanos() / clockRate));
  }

  private static IllegalArgumentException invalid(String setting, Object value, String mustBe) {
    return new IllegalArgumentException(
        "RolloutReconciler setting " + setting + " is " + value + "; it must be " + mustBe);
  }
}
