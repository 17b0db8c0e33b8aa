package dev.rollouts.analysis.provider;

import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.MeasurementResults;
import dev.rollouts.analysis.MeasurementTask;
import dev.rollouts.analysis.Reconciliation.GarbageCollection;
import dev.rollouts.analysis.Secrets;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Takes the measurements the engine asks for, on the providers, all at once and without blocking
 * (Argo's {@code runMeasurements}).
 *
 * <ol>
 *   <li>Secret arguments are read, only now; a missing Secret ({@code secrets "x" not found}) or
 *       key ({@code key 'k' does not exist in secret 'x'}) makes the whole run Error, as in Argo.
 *   <li>Each task's metric gets its arguments; its provider is looked up by type. A type with no
 *       provider (Argo's {@code datadog}, {@code newRelic} …) is an Error measurement naming it.
 *   <li>The provider's answer is checked against the {@link MetricProvider} contract; a provider
 *       that throws, fails, answers late ({@code timeout}) or answers an in-flight measurement
 *       without being an {@link AsynchronousMetricProvider} gives an Error measurement naming the
 *       provider, never a pass.
 * </ol>
 *
 * <p>Secret values go into {@link MeasurementResults#secretValues()}, so the engine masks them in
 * every message.
 */
public final class MeasurementRunner {

  private final MetricProviders providers;
  private final SecretReader secrets;
  private final Duration timeout;
  private final Listener listener;

  /** Told of every provider call as it ends, e.g. to record latency and errors per provider. */
  @FunctionalInterface
  public interface Listener {
    /** A call to the provider of {@code type} took {@code took} and answered {@code result}. */
    void measured(String type, Duration took, ProviderResult result);
  }

  /**
   * @param providers the providers
   * @param secrets reads Secrets for {@code secretKeyRef} arguments
   * @param timeout how long one provider call may take before it is an Error
   */
  public MeasurementRunner(MetricProviders providers, SecretReader secrets, Duration timeout) {
    this(providers, secrets, timeout, (type, took, result) -> {});
  }

  /** A runner that tells {@code listener} of every provider call. */
  public MeasurementRunner(
      MetricProviders providers, SecretReader secrets, Duration timeout, Listener listener) {
    this.providers = providers;
    this.secrets = secrets;
    this.timeout = timeout;
    this.listener = listener;
  }

  /** Takes {@code tasks} (from {@code engine.tasks(run, now)}); never completes exceptionally. */
  public CompletableFuture<MeasurementResults> run(
      AnalysisRun run, List<MeasurementTask> tasks, Instant now) {
    if (tasks.isEmpty()) {
      return CompletableFuture.completedFuture(MeasurementResults.none());
    }
    return readSecrets(run, tasks.get(0).secretArgs())
        .thenCompose(
            values -> {
              if (values instanceof SecretValues.Missing missing) {
                return CompletableFuture.completedFuture(
                    MeasurementResults.builder().unresolvedArgs(missing.message()).build());
              }
              Map<String, String> byArg = ((SecretValues.Read) values).byArg();
              Set<String> secretSet = new HashSet<>(byArg.values());
              Map<String, CompletableFuture<ProviderResult>> answers = new LinkedHashMap<>();
              Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
              for (MeasurementTask task : tasks) {
                answers.put(task.metricName(), measure(run, task, byArg, secretSet, now, metadata));
              }
              return CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new))
                  .thenApply(
                      done -> {
                        MeasurementResults.Builder results =
                            MeasurementResults.builder()
                                .secretValues(secretSet)
                                .metricMetadata(metadata);
                        answers.forEach((name, f) -> results.putResult(name, f.join()));
                        return results.build();
                      });
            });
  }

  /** Asks each asynchronous provider to garbage-collect what the run no longer keeps. */
  public CompletableFuture<Void> garbageCollect(
      AnalysisRun run, List<GarbageCollection> collections, Instant now) {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (GarbageCollection gc : collections) {
      run.spec().metrics().stream()
          .filter(m -> m.name().equals(gc.metricName()))
          .findFirst()
          .flatMap(m -> providerOf(m).map(p -> Map.entry(m, p)))
          .filter(e -> e.getValue() instanceof AsynchronousMetricProvider)
          .ifPresent(
              e -> {
                MeasurementRequest request =
                    new MeasurementRequest(run.name(), run.namespace(), run.uid(), e.getKey(), now);
                calls.add(
                    safely(
                            () ->
                                ((AsynchronousMetricProvider) e.getValue())
                                    .garbageCollect(request, gc.limit())
                                    .toCompletableFuture())
                        .exceptionally(t -> null));
              });
    }
    return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<ProviderResult> measure(
      AnalysisRun run,
      MeasurementTask task,
      Map<String, String> secretValues,
      Set<String> secretSet,
      Instant now,
      Map<String, Map<String, String>> metadata) {
    Metric metric;
    try {
      metric = task.resolve(secretValues);
    } catch (IllegalArgumentException e) {
      return done(new ProviderResult.Failure(e.getMessage()));
    }
    String type = metric.providerTypes().isEmpty() ? "" : metric.providerTypes().get(0);
    Optional<MetricProvider> found = providers.find(type);
    if (found.isEmpty()) {
      return done(new ProviderResult.Failure(providers.unsupported(type)));
    }
    MetricProvider provider = found.get();
    int number =
        run.status().result(task.metricName()).map(r -> r.count() + r.error() + 1).orElse(1);
    MeasurementRequest request =
        new MeasurementRequest(run.name(), run.namespace(), run.uid(), metric, now, number);
    try {
      metadata.put(task.metricName(), Map.copyOf(provider.metadata(metric)));
    } catch (RuntimeException e) {
      return done(broken(provider, "threw from metadata(): " + e, secretSet));
    }
    boolean asynchronous = provider instanceof AsynchronousMetricProvider;
    if (task.kind() != MeasurementTask.Kind.RUN && !asynchronous) {
      return done(
          broken(
              provider,
              "has an in-flight measurement but cannot resume or terminate it",
              secretSet));
    }
    long started = System.nanoTime();
    CompletableFuture<ProviderResult> call =
        safely(
            () ->
                switch (task.kind()) {
                  case RUN -> provider.run(request).toCompletableFuture();
                  case RESUME ->
                      ((AsynchronousMetricProvider) provider)
                          .resume(request, task.inFlight().orElseThrow())
                          .toCompletableFuture();
                  case TERMINATE ->
                      ((AsynchronousMetricProvider) provider)
                          .terminate(request, task.inFlight().orElseThrow())
                          .toCompletableFuture();
                });
    return call.copy()
        .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle(
            (answer, failure) -> {
              if (failure != null) {
                Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
                if (cause instanceof TimeoutException) {
                  return new ProviderResult.Failure(
                      "metric provider \""
                          + provider.type()
                          + "\" did not answer within "
                          + timeout.toSeconds()
                          + "s");
                }
                return broken(provider, "failed: " + cause, secretSet);
              }
              if (answer == null) {
                return broken(provider, "answered null", secretSet);
              }
              if (answer instanceof ProviderResult.Decided d
                  && !d.measurement().phase().completed()
                  && !asynchronous) {
                return broken(
                    provider,
                    "answered an in-flight measurement but is not asynchronous",
                    secretSet);
              }
              return answer;
            })
        .thenApply(
            result -> {
              try {
                listener.measured(
                    provider.type(), Duration.ofNanos(System.nanoTime() - started), result);
              } catch (RuntimeException e) {
                // a listener never changes a measurement
              }
              return result;
            });
  }

  private static ProviderResult broken(MetricProvider provider, String what, Set<String> secrets) {
    return new ProviderResult.Failure(
        Secrets.mask(
            "metric provider \""
                + provider.type()
                + "\" ("
                + provider.getClass().getName()
                + ") broke its contract: it "
                + what,
            secrets));
  }

  private Optional<MetricProvider> providerOf(Metric metric) {
    return metric.providerTypes().size() == 1
        ? providers.find(metric.providerTypes().get(0))
        : Optional.empty();
  }

  private CompletableFuture<SecretValues> readSecrets(AnalysisRun run, List<Argument> args) {
    CompletableFuture<SecretValues> result =
        CompletableFuture.completedFuture(new SecretValues.Read(Map.of()));
    for (Argument arg : args) {
      Argument.SecretKeyRef ref = arg.secretKeyRef().orElseThrow();
      result =
          result.thenCompose(
              sofar -> {
                if (sofar instanceof SecretValues.Missing) {
                  return CompletableFuture.completedFuture(sofar);
                }
                return safely(() -> secrets.read(run.namespace(), ref.name()).toCompletableFuture())
                    .handle(
                        (data, failure) -> {
                          if (failure != null) {
                            return new SecretValues.Missing(
                                "could not read secret '"
                                    + ref.name()
                                    + "': "
                                    + failure.getMessage());
                          }
                          if (data.isEmpty()) {
                            return new SecretValues.Missing(
                                "secrets \"" + ref.name() + "\" not found");
                          }
                          String value = data.get().get(ref.key());
                          if (value == null) {
                            return new SecretValues.Missing(
                                "key '"
                                    + ref.key()
                                    + "' does not exist in secret '"
                                    + ref.name()
                                    + "'");
                          }
                          Map<String, String> next =
                              new LinkedHashMap<>(((SecretValues.Read) sofar).byArg());
                          next.put(arg.name(), value);
                          return new SecretValues.Read(next);
                        });
              });
    }
    return result;
  }

  private sealed interface SecretValues {
    record Read(Map<String, String> byArg) implements SecretValues {}

    record Missing(String message) implements SecretValues {}
  }

  private static <T> CompletableFuture<T> safely(
      java.util.function.Supplier<CompletableFuture<T>> call) {
    try {
      CompletableFuture<T> f = call.get();
      return f == null ? CompletableFuture.failedFuture(new NullPointerException("null stage")) : f;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletableFuture<ProviderResult> done(ProviderResult result) {
    return CompletableFuture.completedFuture(result);
  }
}
