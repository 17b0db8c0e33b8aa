package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.Metric;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Argo's {@code ValidateMetrics} / {@code ValidateMetric} ({@code utils/analysis/factory.go}), run
 * on every reconcile of a run, with Argo's messages.
 */
final class MetricValidation {

  private MetricValidation() {}

  /** The first problem of {@code metrics}, as Argo words it, if there is one. */
  static Optional<String> problem(List<Metric> metrics) {
    if (metrics.isEmpty()) {
      return Optional.of("no metrics specified");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      if (!names.add(metric.name())) {
        return Optional.of("metrics[" + i + "]: duplicate name '" + metric.name() + "'");
      }
      int at = i;
      Optional<String> problem = problem(metric).map(p -> "metrics[" + at + "]: " + p);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The first problem of one metric, if there is one. */
  static Optional<String> problem(Metric metric) {
    int count = metric.count().map(IntOrString::intValue).orElse(0);
    int failureLimit = metric.failureLimitValue();
    int successLimit = metric.consecutiveSuccessLimitValue();
    int inconclusiveLimit = metric.inconclusiveLimitValue();
    if (successLimit < 0) {
      return Optional.of("consecutiveSuccessLimit must be >= 0");
    }
    if (failureLimit < -1) {
      return Optional.of("failureLimit must be >= 0, or -1 to be disabled");
    }
    if (successLimit == 0 && failureLimit == -1) {
      return Optional.of("failureLimit and consecutiveSuccessLimit cannot both be disabled");
    }
    if (inconclusiveLimit < 0) {
      return Optional.of("inconclusiveLimit must be >= 0");
    }
    if (metric.consecutiveErrorLimit().isPresent() && metric.consecutiveErrorLimitValue() < 0) {
      return Optional.of("consecutiveErrorLimit must be >= 0");
    }
    if (count > 0) {
      if (failureLimit >= 0 && count < failureLimit + successLimit) {
        return Optional.of(
            "count ("
                + count
                + ") must be >= failureLimit + consecutiveSuccessLimit ("
                + failureLimit
                + " + "
                + successLimit
                + ") if both >= 0");
      }
      if (failureLimit < 0 && count < successLimit) {
        return Optional.of("count must be >= consecutiveSuccessLimit");
      }
      if (count < inconclusiveLimit) {
        return Optional.of("count must be >= inconclusiveLimit");
      }
    }
    if (count > 1 && metric.interval().isEmpty()) {
      return Optional.of("interval must be specified when count > 1");
    }
    Optional<String> interval = durationProblem(metric.interval(), "invalid interval string: ");
    if (interval.isPresent()) {
      return interval;
    }
    Optional<String> delay = durationProblem(metric.initialDelay(), "invalid startDelay string: ");
    if (delay.isPresent()) {
      return delay;
    }
    int providers = metric.providerTypes().size();
    if (providers == 0) {
      return Optional.of("no provider specified");
    }
    if (providers > 1) {
      return Optional.of("multiple providers specified");
    }
    return Optional.empty();
  }

  private static Optional<String> durationProblem(Optional<String> text, String prefix) {
    if (text.isEmpty() || text.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      GoDuration.parse(text.get());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(prefix + e.getMessage());
    }
  }
}
