package dev.rollouts.analysis;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records a provider's answer in the metric's result: Argo's bookkeeping in {@code runMeasurements}
 * ({@code analysis/analysis.go}).
 *
 * <p>A completed measurement gets {@code finishedAt} if it has none, and the counters move:
 * Successful adds to {@code successful}, {@code count} and {@code consecutiveSuccess} and clears
 * {@code consecutiveError}; Failed and Inconclusive add to their counter and {@code count} and
 * clear both consecutive counters; Error adds to {@code error} and {@code consecutiveError} and
 * clears {@code consecutiveSuccess}, leaving {@code count} alone. A terminated measurement that
 * ends Successful or Inconclusive says {@code Metric Terminated}. Secret values become {@code
 * *****} in the message. A metric's first result starts Running, with its dry-run flag and the
 * provider's metadata.
 */
final class MeasurementRecorder {

  private final ConditionJudge judge;

  MeasurementRecorder(ConditionJudge judge) {
    this.judge = judge;
  }

  MetricResult record(
      Optional<MetricResult> existing,
      MeasurementTask task,
      Metric resolved,
      ProviderResult answer,
      boolean dryRun,
      Map<String, String> metricMetadata,
      Set<String> secrets,
      Instant stamp) {
    Measurement measurement = measurement(task, resolved, answer, stamp);
    if (task.kind() == MeasurementTask.Kind.TERMINATE
        && (measurement.phase() == AnalysisPhase.Successful
            || measurement.phase() == AnalysisPhase.Inconclusive)) {
      measurement = Measurement.builder().from(measurement).message("Metric Terminated").build();
    }
    MetricResult result =
        existing.orElseGet(
            () ->
                MetricResult.builder()
                    .name(task.metricName())
                    .phase(AnalysisPhase.Running)
                    .dryRun(dryRun)
                    .metadata(metricMetadata)
                    .build());
    MetricResult.Builder next = MetricResult.builder().from(result);
    if (measurement.phase().completed()) {
      if (measurement.finishedAt().isEmpty()) {
        measurement = Measurement.builder().from(measurement).finishedAt(stamp).build();
      }
      switch (measurement.phase()) {
        case Successful ->
            next.successful(result.successful() + 1)
                .count(result.count() + 1)
                .consecutiveError(0)
                .consecutiveSuccess(result.consecutiveSuccess() + 1);
        case Failed ->
            next.failed(result.failed() + 1)
                .count(result.count() + 1)
                .consecutiveError(0)
                .consecutiveSuccess(0);
        case Inconclusive ->
            next.inconclusive(result.inconclusive() + 1)
                .count(result.count() + 1)
                .consecutiveError(0)
                .consecutiveSuccess(0);
        default ->
            next.error(result.error() + 1)
                .consecutiveError(result.consecutiveError() + 1)
                .consecutiveSuccess(0);
      }
    }
    measurement = Secrets.mask(measurement, secrets);
    List<Measurement> measurements = new ArrayList<>(result.measurements());
    if (task.inFlight().isPresent() && !measurements.isEmpty()) {
      measurements.set(measurements.size() - 1, measurement);
    } else {
      measurements.add(measurement);
    }
    return next.measurements(measurements).build();
  }

  private Measurement measurement(
      MeasurementTask task, Metric resolved, ProviderResult answer, Instant stamp) {
    Instant startedAt = task.inFlight().flatMap(Measurement::startedAt).orElse(stamp);
    if (answer instanceof ProviderResult.Value value) {
      ConditionJudge.Judgement judgement = judge.judge(resolved, value, stamp);
      return Measurement.builder()
          .phase(judgement.phase())
          .message(judgement.message())
          .startedAt(startedAt)
          .finishedAt(stamp)
          .value(value.text())
          .metadata(value.metadata())
          .build();
    }
    if (answer instanceof ProviderResult.Decided decided) {
      Measurement m = decided.measurement();
      return m.startedAt().isPresent()
          ? m
          : Measurement.builder().from(m).startedAt(startedAt).build();
    }
    ProviderResult.Failure failure = (ProviderResult.Failure) answer;
    Measurement.Builder error =
        task.inFlight().isPresent()
            ? Measurement.builder().from(task.inFlight().get())
            : Measurement.builder().startedAt(startedAt);
    return error.phase(AnalysisPhase.Error).message(failure.message()).finishedAt(stamp).build();
  }
}
