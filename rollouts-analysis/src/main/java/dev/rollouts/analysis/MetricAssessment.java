package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A metric's phase from its measurements and limits: Argo's {@code assessMetricStatus} and {@code
 * assessMetricFailureInconclusiveOrError} ({@code analysis/analysis.go}).
 *
 * <p>In order: a completed phase is kept; no measurement is Pending (Successful when the run is
 * terminating); an in-flight one is Running; then the limits, where a later rule overrides an
 * earlier one and each is a strict {@code >}: {@code failed > failureLimit} (unless -1) is Failed,
 * {@code inconclusive > inconclusiveLimit} Inconclusive, {@code consecutiveError >
 * consecutiveErrorLimit} (default 4) Error; {@code consecutiveSuccess >= consecutiveSuccessLimit}
 * (when above 0) is Successful early; with the count reached, a consecutive-success limit not
 * reached is Inconclusive (Failed when failureLimit is -1), else Successful; an indefinite metric,
 * or one whose count is not reached, is Running (Successful when terminating).
 */
final class MetricAssessment {

  private MetricAssessment() {}

  /** A phase and the reason a limit gave, e.g. {@code failed (2) > failureLimit (1)}. */
  record Limit(Optional<AnalysisPhase> phase, String reason) {
    static final Limit NONE = new Limit(Optional.empty(), "");
  }

  static AnalysisPhase assess(Metric metric, MetricResult result, boolean terminating) {
    if (result.phase().completed()) {
      return result.phase();
    }
    Optional<Measurement> last = result.lastMeasurement();
    if (last.isEmpty()) {
      return terminating ? AnalysisPhase.Successful : AnalysisPhase.Pending;
    }
    if (!last.get().phase().completed()) {
      return AnalysisPhase.Running;
    }
    Limit limit = limits(metric, result);
    if (limit.phase().isPresent()) {
      return limit.phase().get();
    }
    int successLimit = metric.consecutiveSuccessLimitValue();
    if (successLimit > 0 && result.consecutiveSuccess() >= successLimit) {
      return AnalysisPhase.Successful;
    }
    OptionalInt effectiveCount = metric.effectiveCount();
    if (effectiveCount.isPresent() && result.count() >= effectiveCount.getAsInt()) {
      boolean failureApplicable = metric.failureLimitValue() >= 0;
      boolean successApplicable = successLimit > 0;
      if (failureApplicable && successApplicable) {
        return AnalysisPhase.Inconclusive;
      }
      if (successApplicable) {
        return AnalysisPhase.Failed;
      }
      return AnalysisPhase.Successful;
    }
    return terminating ? AnalysisPhase.Successful : AnalysisPhase.Running;
  }

  /** Argo's {@code assessMetricFailureInconclusiveOrError}. */
  static Limit limits(Metric metric, MetricResult result) {
    Limit limit = Limit.NONE;
    int failureLimit = metric.failureLimitValue();
    if (failureLimit >= 0 && result.failed() > failureLimit) {
      limit =
          new Limit(
              Optional.of(AnalysisPhase.Failed),
              "failed (" + result.failed() + ") > failureLimit (" + failureLimit + ")");
    }
    int inconclusiveLimit = metric.inconclusiveLimitValue();
    if (result.inconclusive() > inconclusiveLimit) {
      limit =
          new Limit(
              Optional.of(AnalysisPhase.Inconclusive),
              "inconclusive ("
                  + result.inconclusive()
                  + ") > inconclusiveLimit ("
                  + inconclusiveLimit
                  + ")");
    }
    int errorLimit = metric.consecutiveErrorLimitValue();
    if (result.consecutiveError() > errorLimit) {
      limit =
          new Limit(
              Optional.of(AnalysisPhase.Error),
              "consecutiveErrors ("
                  + result.consecutiveError()
                  + ") > consecutiveErrorLimit ("
                  + errorLimit
                  + ")");
    }
    return limit;
  }
}
