package dev.rollouts.analysis;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.spec.TtlStrategy;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.analysis.status.MetricResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pure AnalysisRun engine: Argo Rollouts' {@code reconcileAnalysisRun} ({@code
 * analysis/analysis.go}) as two functions of the run and {@code now}.
 *
 * <pre>{@code
 * List<MeasurementTask> tasks = engine.tasks(run, now);          // what to measure now
 * MeasurementResults results = ...take them (MeasurementRunner)...;
 * Reconciliation r = engine.reconcile(run, now, results);        // status, events, requeue
 * }</pre>
 *
 * <p>{@link #reconcile} must be given the same {@code run} and {@code now} as the {@link #tasks}
 * call whose tasks {@code results} answers; it recomputes those tasks. A run whose arguments,
 * metrics or rules are invalid becomes Error with Argo's message ({@code Unable to resolve metric
 * arguments: ...}, {@code Analysis spec invalid: metrics[0]: ...}); a completed run only has its
 * {@code ttlStrategy} applied.
 *
 * <p>An engine holds only caches (parsed conditions; each spec's resolved metrics): it is
 * thread-safe, and one instance serves every run. It reads no clock and does no I/O; times it
 * writes are {@code now} in whole seconds, as Kubernetes stores them.
 */
public final class AnalysisRunEngine {

  private static final int MAX_PREPARED = 1024;

  private final MeasurementRecorder recorder = new MeasurementRecorder(new ConditionJudge());

  /** Each spec's resolved metrics and rules, computed once: specs change rarely, status often. */
  private final Map<AnalysisRunSpec, Prepared> prepared = new ConcurrentHashMap<>();

  private AnalysisRunEngine() {}

  /** A new engine. */
  public static AnalysisRunEngine create() {
    return new AnalysisRunEngine();
  }

  /** The measurements to start, resume or terminate now; empty for a completed or invalid run. */
  public List<MeasurementTask> tasks(AnalysisRun run, Instant now) {
    if (run.status().completed()) {
      return List.of();
    }
    Prepared prepared = prepare(run);
    return prepared.problem().isPresent()
        ? List.of()
        : TaskPlanner.tasks(run, prepared.metrics(), now);
  }

  /**
   * Records {@code results}, assesses the run, and says when to look again.
   *
   * @throws IllegalArgumentException if {@code results} does not answer a task of {@link
   *     #tasks(AnalysisRun, Instant) tasks(run, now)}
   */
  public Reconciliation reconcile(AnalysisRun run, Instant now, MeasurementResults results) {
    AnalysisRunStatus status = run.status();
    if (status.completed()) {
      return afterCompletion(run, now);
    }
    Prepared prepared = prepare(run);
    if (prepared.problem().isPresent()) {
      return error(status, prepared.problem().get());
    }
    List<MeasurementTask> tasks = TaskPlanner.tasks(run, prepared.metrics(), now);
    if (!tasks.isEmpty() && results.unresolvedArgs().isPresent()) {
      return error(status, "Unable to resolve metric arguments: " + results.unresolvedArgs().get());
    }
    Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
    boolean terminating = TaskPlanner.terminating(run.spec().terminate(), status);
    Map<String, MetricResult> byName = new LinkedHashMap<>();
    status.metricResults().forEach(r -> byName.put(r.name(), r));
    for (MeasurementTask task : tasks) {
      ProviderResult answer = results.results().get(task.metricName());
      if (answer == null) {
        throw new IllegalArgumentException(
            "no result for the measurement of metric '" + task.metricName() + "' asked at " + now);
      }
      MetricResult recorded =
          recorder.record(
              Optional.ofNullable(byName.get(task.metricName())),
              task,
              prepared.metric(task.metricName()),
              answer,
              prepared.rules().isDryRun(task.metricName()),
              results.metricMetadata().getOrDefault(task.metricName(), Map.of()),
              results.secretValues(),
              stamp);
      byName.put(task.metricName(), recorded);
    }
    RunAssessment.Outcome outcome =
        RunAssessment.assess(
            prepared.metrics(), byName, prepared.rules(), run.spec().terminate(), terminating);
    List<AnalysisEvent> events = new ArrayList<>(outcome.events());
    AnalysisRunStatus.Builder next =
        AnalysisRunStatus.builder()
            .from(status)
            .startedAt(status.startedAt().orElse(stamp))
            .runSummary(outcome.runSummary())
            .dryRunSummary(outcome.dryRunSummary());
    if (status.phase().orElse(null) != outcome.phase()) {
      next.phase(outcome.phase()).message(Optional.of(outcome.message()).filter(m -> !m.isEmpty()));
      if (outcome.phase().completed()) {
        events.add(completionEvent(outcome.phase()));
        next.completedAt(status.completedAt().orElse(stamp));
      }
    }
    List<Reconciliation.GarbageCollection> collections = new ArrayList<>();
    List<MetricResult> kept = new ArrayList<>();
    for (MetricResult result : byName.values()) {
      int limit = prepared.rules().retentionLimit(result.name());
      int size = result.measurements().size();
      if (size > limit && prepared.has(result.name())) {
        collections.add(new Reconciliation.GarbageCollection(result.name(), limit));
        result =
            MetricResult.builder()
                .from(result)
                .measurements(result.measurements().subList(size - limit, size))
                .build();
      }
      kept.add(result);
    }
    AnalysisRunStatus newStatus = next.metricResults(kept).build();
    Optional<Instant> due = TaskPlanner.nextReconcile(newStatus, prepared.metrics(), now);
    if (newStatus.completed()) {
      due = ttlExpiry(run.spec().ttlStrategy(), newStatus);
    }
    return Reconciliation.builder()
        .status(newStatus)
        .events(events)
        .garbageCollections(collections)
        .requeueAfter(due.map(at -> nonNegative(Duration.between(now, at))))
        .build();
  }

  private Reconciliation afterCompletion(AnalysisRun run, Instant now) {
    Optional<Instant> expiry = ttlExpiry(run.spec().ttlStrategy(), run.status());
    boolean expired = expiry.isPresent() && !now.isBefore(expiry.get());
    return Reconciliation.builder()
        .status(run.status())
        .delete(expired)
        .requeueAfter(
            expired ? Optional.empty() : expiry.map(at -> nonNegative(Duration.between(now, at))))
        .build();
  }

  /**
   * When a completed run's TTL is exceeded: Argo deletes it once the whole seconds since {@code
   * completedAt} exceed the TTL ({@code isAnalysisRunTtlExceeded}), i.e. at TTL + 1 s. Successful
   * and Failed runs use their own field if set, else {@code secondsAfterCompletion}.
   */
  private static Optional<Instant> ttlExpiry(Optional<TtlStrategy> ttl, AnalysisRunStatus status) {
    if (ttl.isEmpty() || status.completedAt().isEmpty() || status.phase().isEmpty()) {
      return Optional.empty();
    }
    AnalysisPhase phase = status.phase().get();
    Optional<Integer> seconds = ttl.get().secondsAfterCompletion();
    if (phase == AnalysisPhase.Successful && ttl.get().secondsAfterSuccess().isPresent()) {
      seconds = ttl.get().secondsAfterSuccess();
    } else if (phase == AnalysisPhase.Failed && ttl.get().secondsAfterFailure().isPresent()) {
      seconds = ttl.get().secondsAfterFailure();
    }
    return seconds.map(s -> status.completedAt().get().plusSeconds(s + 1L));
  }

  private static Reconciliation error(AnalysisRunStatus status, String message) {
    return Reconciliation.builder()
        .status(
            AnalysisRunStatus.builder()
                .from(status)
                .phase(AnalysisPhase.Error)
                .message(message)
                .build())
        .addEvent(completionEvent(AnalysisPhase.Error))
        .build();
  }

  private static AnalysisEvent completionEvent(AnalysisPhase phase) {
    return new AnalysisEvent(
        phase == AnalysisPhase.Error || phase == AnalysisPhase.Failed,
        "AnalysisRun" + phase,
        "Analysis Completed. Result: " + phase);
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private Prepared prepare(AnalysisRun run) {
    if (prepared.size() > MAX_PREPARED) {
      prepared.clear();
    }
    return prepared.computeIfAbsent(run.spec(), AnalysisRunEngine::resolve);
  }

  /** The spec's metrics with arguments resolved (secrets as placeholders), and its rules. */
  private static Prepared resolve(AnalysisRunSpec spec) {
    List<Metric> metrics = new ArrayList<>();
    try {
      var args = ArgTemplates.withoutSecrets(spec.args());
      for (Metric metric : spec.metrics()) {
        metrics.add(ArgTemplates.resolve(metric, args));
      }
    } catch (IllegalArgumentException e) {
      return Prepared.invalid("Unable to resolve metric arguments: " + e.getMessage());
    }
    Optional<String> problem = MetricValidation.problem(metrics);
    if (problem.isPresent()) {
      return Prepared.invalid("Analysis spec invalid: " + problem.get());
    }
    try {
      MetricRules rules = MetricRules.of(spec.dryRun(), spec.measurementRetention(), metrics);
      return new Prepared(List.copyOf(metrics), rules, Optional.empty());
    } catch (IllegalArgumentException e) {
      return Prepared.invalid("Analysis spec invalid: " + e.getMessage());
    }
  }

  private record Prepared(List<Metric> metrics, MetricRules rules, Optional<String> problem) {
    static Prepared invalid(String problem) {
      return new Prepared(
          List.of(), new MetricRules(java.util.Set.of(), Map.of()), Optional.of(problem));
    }

    Metric metric(String name) {
      return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    boolean has(String name) {
      return metrics.stream().anyMatch(m -> m.name().equals(name));
    }
  }
}
