package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.MetricResult;
import dev.rollouts.analysis.status.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's phase from its metrics: Argo's {@code assessRunStatus} ({@code analysis/analysis.go}).
 *
 * <p>Each metric is assessed ({@link MetricAssessment}); a metric whose phase changes takes its
 * last measurement's message, and one that completes records a {@code Metric<Phase>} event. The
 * run's phase is the worst completed phase of its non-dry-run metrics (Successful, Running,
 * Pending, Inconclusive, Error, Failed, worst last); it stays Running while any metric has no
 * result or is not completed, unless the run is terminating, when the worst phase so far decides
 * (Successful if none). Its message is {@code Metric "<name>" assessed <Phase> due to <reason>},
 * with {@code : "Error Message: <metric message>"} when the metric has one; {@code Run Terminated}
 * when terminated by {@code spec.terminate}. Dry-run metrics are assessed and counted in {@code
 * dryRunSummary} but never decide the run; their message becomes {@code Metric assessed <Phase> due
 * to <reason>}.
 */
final class RunAssessment {

  private RunAssessment() {}

  /** The outcome of one assessment. */
  record Outcome(
      AnalysisPhase phase,
      String message,
      RunSummary runSummary,
      RunSummary dryRunSummary,
      List<AnalysisEvent> events) {}

  /**
   * Assesses every metric, updating {@code results} (by name, in status order) in place.
   *
   * @param terminate {@code spec.terminate}
   * @param terminating whether the run was terminating when this reconcile began
   */
  static Outcome assess(
      List<Metric> metrics,
      Map<String, MetricResult> results,
      MetricRules rules,
      boolean terminate,
      boolean terminating) {
    Optional<AnalysisPhase> worst = Optional.empty();
    String worstMessage = terminate ? "Run Terminated" : "";
    boolean everythingCompleted = true;
    int[] run = new int[5];
    int[] dry = new int[5];
    List<AnalysisEvent> events = new ArrayList<>();
    for (Metric metric : metrics) {
      boolean dryRun = rules.isDryRun(metric.name());
      (dryRun ? dry : run)[0]++;
      MetricResult result = results.get(metric.name());
      if (result == null) {
        everythingCompleted = false;
        continue;
      }
      AnalysisPhase phase = MetricAssessment.assess(metric, result, terminating);
      if (result.phase() != phase) {
        if (phase.completed()) {
          events.add(
              new AnalysisEvent(
                  phase == AnalysisPhase.Error || phase == AnalysisPhase.Failed,
                  "Metric" + phase,
                  "Metric '" + metric.name() + "' Completed. Result: " + phase));
        }
        MetricResult.Builder changed = MetricResult.builder().from(result).phase(phase);
        result.lastMeasurement().ifPresent(m -> changed.message(m.message()));
        result = changed.build();
        results.put(metric.name(), result);
      }
      if (!phase.completed()) {
        everythingCompleted = false;
        continue;
      }
      MetricAssessment.Limit limit = MetricAssessment.limits(metric, result);
      if (!dryRun) {
        if (worst.isEmpty() || worst.get().isWorse(phase)) {
          worst = Optional.of(phase);
          if (!limit.reason().isEmpty()) {
            worstMessage =
                "Metric \""
                    + metric.name()
                    + "\" assessed "
                    + phase
                    + " due to "
                    + limit.reason()
                    + result.message().map(m -> ": \"Error Message: " + m + "\"").orElse("");
          }
        }
        count(run, limit);
      } else {
        if (worst.isEmpty()) {
          worst = Optional.of(AnalysisPhase.Successful);
        }
        if (!limit.reason().isEmpty()) {
          result =
              MetricResult.builder()
                  .from(result)
                  .message("Metric assessed " + phase + " due to " + limit.reason())
                  .build();
          results.put(metric.name(), result);
        }
        count(dry, limit);
      }
    }
    worstMessage = worstMessage.strip();
    RunSummary runSummary = new RunSummary(run[0], run[1], run[2], run[3], run[4]);
    RunSummary dryRunSummary = new RunSummary(dry[0], dry[1], dry[2], dry[3], dry[4]);
    if (terminating) {
      return new Outcome(
          worst.orElse(AnalysisPhase.Successful), worstMessage, runSummary, dryRunSummary, events);
    }
    if (!everythingCompleted || worst.isEmpty()) {
      return new Outcome(AnalysisPhase.Running, "", runSummary, dryRunSummary, events);
    }
    return new Outcome(worst.get(), worstMessage, runSummary, dryRunSummary, events);
  }

  /** Counts a completed metric as Argo's summary does: by its limit's phase, else Successful. */
  private static void count(int[] summary, MetricAssessment.Limit limit) {
    switch (limit.phase().orElse(AnalysisPhase.Successful)) {
      case Failed -> summary[2]++;
      case Inconclusive -> summary[3]++;
      case Error -> summary[4]++;
      default -> summary[1]++;
    }
  }
}
