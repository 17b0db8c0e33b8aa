package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When each metric is measured: Argo's {@code generateMetricTasks} and {@code
 * calculateNextReconcileTime} ({@code analysis/analysis.go}).
 *
 * <p>Argo measures when {@code now.After(due)}; its clock has nanoseconds, so a requeue at the due
 * time always lands after it. Here a measurement is due at {@code now >= due}, so that a caller
 * with a coarse or simulated clock that requeues exactly at the due time measures then.
 */
final class TaskPlanner {

  /** Argo's {@code DefaultErrorRetryInterval}: the wait after an Error, whatever the interval. */
  static final Duration ERROR_RETRY_INTERVAL = Duration.ofSeconds(10);

  private TaskPlanner() {}

  /**
   * Argo's {@code IsTerminating}: {@code spec.terminate}, or a non-dry-run metric already Failed,
   * Error or Inconclusive.
   */
  static boolean terminating(boolean terminate, AnalysisRunStatus status) {
    return terminate
        || status.metricResults().stream()
            .anyMatch(
                r ->
                    !r.dryRun()
                        && (r.phase() == AnalysisPhase.Failed
                            || r.phase() == AnalysisPhase.Error
                            || r.phase() == AnalysisPhase.Inconclusive));
  }

  /** The tasks for this reconcile; {@code resolved.get(i)} is {@code run}'s metric i resolved. */
  static List<MeasurementTask> tasks(AnalysisRun run, List<Metric> resolved, Instant now) {
    AnalysisRunStatus status = run.status();
    boolean terminating = terminating(run.spec().terminate(), status);
    List<MeasurementTask> tasks = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      Metric metric = resolved.get(i);
      Metric written = run.spec().metrics().get(i);
      Optional<MetricResult> result = status.result(metric.name());
      if (result.map(r -> r.phase().completed()).orElse(false)) {
        continue;
      }
      Optional<Measurement> last = result.flatMap(MetricResult::lastMeasurement);
      if (last.isPresent() && last.get().finishedAt().isEmpty()) {
        Optional<Instant> resumeAt = last.get().resumeAt();
        if (!terminating && resumeAt.isPresent() && resumeAt.get().isAfter(now)) {
          continue;
        }
        tasks.add(
            new MeasurementTask(
                terminating ? MeasurementTask.Kind.TERMINATE : MeasurementTask.Kind.RESUME,
                written,
                run.spec().args(),
                last));
        continue;
      }
      if (terminating) {
        continue;
      }
      if (last.isEmpty()) {
        if (hasText(metric.initialDelay())) {
          if (status.startedAt().isEmpty()) {
            continue;
          }
          Instant due =
              status.startedAt().get().plus(GoDuration.parse(metric.initialDelay().get()));
          if (due.isAfter(now)) {
            continue;
          }
        }
        tasks.add(
            new MeasurementTask(
                MeasurementTask.Kind.RUN, written, run.spec().args(), Optional.empty()));
        continue;
      }
      OptionalInt effectiveCount = metric.effectiveCount();
      if (effectiveCount.isPresent() && result.get().count() >= effectiveCount.getAsInt()) {
        continue;
      }
      Duration interval = interval(metric, last.get()).orElse(ERROR_RETRY_INTERVAL);
      if (!now.isBefore(last.get().finishedAt().get().plus(interval))) {
        tasks.add(
            new MeasurementTask(
                MeasurementTask.Kind.RUN, written, run.spec().args(), Optional.empty()));
      }
    }
    return tasks;
  }

  /** Argo's {@code calculateNextReconcileTime} over the new status. */
  static Optional<Instant> nextReconcile(
      AnalysisRunStatus status, List<Metric> resolved, Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Metric metric : resolved) {
      Optional<MetricResult> result = status.result(metric.name());
      if (result.map(r -> r.phase().completed()).orElse(false)) {
        continue;
      }
      Optional<Measurement> last = result.flatMap(MetricResult::lastMeasurement);
      Optional<Instant> at = Optional.empty();
      if (last.isEmpty()) {
        if (hasText(metric.initialDelay())) {
          Instant start = status.startedAt().orElse(now);
          at = Optional.of(start.plus(GoDuration.parse(metric.initialDelay().get())));
        }
      } else if (last.get().finishedAt().isEmpty()) {
        at = last.get().resumeAt();
      } else {
        OptionalInt effectiveCount = metric.effectiveCount();
        boolean countReached =
            effectiveCount.isPresent() && result.get().count() >= effectiveCount.getAsInt();
        if (!countReached) {
          at = interval(metric, last.get()).map(i -> last.get().finishedAt().get().plus(i));
        }
      }
      if (at.isPresent() && (next.isEmpty() || next.get().isAfter(at.get()))) {
        next = at;
      }
    }
    return next;
  }

  /** 10 s after an Error, else the metric's interval if it has one. */
  private static Optional<Duration> interval(Metric metric, Measurement last) {
    if (last.phase() == AnalysisPhase.Error) {
      return Optional.of(ERROR_RETRY_INTERVAL);
    }
    return metric.interval().filter(s -> !s.isEmpty()).map(GoDuration::parse);
  }

  private static boolean hasText(Optional<String> s) {
    return s.isPresent() && !s.get().isEmpty();
  }
}
