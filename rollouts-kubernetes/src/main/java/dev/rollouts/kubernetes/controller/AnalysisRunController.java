package dev.rollouts.kubernetes.controller;

import dev.rollouts.analysis.AnalysisEvent;
import dev.rollouts.analysis.AnalysisManifests;
import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.AnalysisRunEngine;
import dev.rollouts.analysis.MeasurementResults;
import dev.rollouts.analysis.MeasurementTask;
import dev.rollouts.analysis.Reconciliation;
import dev.rollouts.analysis.provider.MeasurementRunner;
import dev.rollouts.analysis.provider.MetricProviders;
import dev.rollouts.analysis.provider.SecretReader;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles AnalysisRuns with the pure {@link AnalysisRunEngine}: a shared informer on {@code
 * analysisruns.argoproj.io}, its own keyed queue (one reconcile per run at a time, backoff on
 * failure, requeue when the engine says), measurements on the providers (those on the class path
 * and the {@link JobProvider}) with their cluster calls on a bounded executor and a timeout per
 * measurement, status written through the status subresource with the run's {@code resourceVersion}
 * (a conflict is retried), and Argo's {@code Metric<Phase>} / {@code AnalysisRun<Phase>} events.
 *
 * <p>Restart-safe: an in-flight Job measurement is in the run's status, so a new controller resumes
 * it rather than start another.
 *
 * <pre>{@code
 * try (AnalysisRunController runs = AnalysisRunController.start(client, Optional.of("shop"))) {
 *   ...
 * }
 * }</pre>
 */
public final class AnalysisRunController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunController.class);

  /** {@code analysisruns.argoproj.io/v1alpha1}. */
  static final ResourceDefinitionContext RUNS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("AnalysisRun")
          .withPlural("analysisruns")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final Optional<String> namespace;
  private final Clock clock;
  private final Duration measurementTimeout;
  private final AnalysisMetrics metrics;
  private final AnalysisRunEngine engine = AnalysisRunEngine.create();
  private final MeasurementRunner runner;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService io;
  private final ExecutorService workers;
  private final WorkQueue queue;
  private final AtomicLong events = new AtomicLong();
  private SharedIndexInformer<GenericKubernetesResource> informer;

  private AnalysisRunController(
      KubernetesClient client,
      Optional<String> namespace,
      Clock clock,
      Duration timeout,
      AnalysisMetrics metrics) {
    this.metrics = metrics;
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
    this.measurementTimeout = timeout;
    this.io =
        new ThreadPoolExecutor(
            2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), daemon("analysis-io"));
    this.workers = Executors.newFixedThreadPool(2, daemon("analysis-worker"));
    this.queue = new WorkQueue(Duration.ofMillis(200), Duration.ofSeconds(60), timer);
    MetricProviders providers = MetricProviders.load().with(new JobProvider(client, io));
    this.runner = new MeasurementRunner(providers, secrets(), timeout, metrics::measured);
  }

  /**
   * Starts reconciling the AnalysisRuns of {@code namespace} (every namespace if empty), with a 30
   * s timeout per measurement.
   */
  public static AnalysisRunController start(KubernetesClient client, Optional<String> namespace) {
    return start(
        client, namespace, Clock.systemUTC(), Duration.ofSeconds(30), AnalysisMetrics.none());
  }

  /**
   * Starts reconciling, with {@code clock} for {@code now}, a timeout per measurement, and {@code
   * metrics} told of runs and measurements.
   */
  public static AnalysisRunController start(
      KubernetesClient client,
      Optional<String> namespace,
      Clock clock,
      Duration timeout,
      AnalysisMetrics metrics) {
    AnalysisRunController controller =
        new AnalysisRunController(client, namespace, clock, timeout, metrics);
    controller.begin();
    return controller;
  }

  private void begin() {
    var resources = client.genericKubernetesResources(RUNS);
    informer =
        (namespace.isPresent()
                ? resources.inNamespace(namespace.get())
                : resources.inAnyNamespace())
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource run) {
                    queue.add(key(run));
                  }

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource old, GenericKubernetesResource run) {
                    queue.add(key(run));
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource run, boolean unknown) {
                    queue.forget(key(run));
                    metrics.runRemoved(
                        run.getMetadata().getNamespace(), run.getMetadata().getName());
                  }
                });
    for (int i = 0; i < 2; i++) {
      workers.submit(this::work);
    }
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      String key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      try {
        sync(key);
        queue.forget(key);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        Duration wait = queue.addRateLimited(key);
        LOG.warn("[{}] analysis reconcile failed, retrying in {}: {}", key, wait, e.toString());
      } finally {
        queue.done(key);
      }
    }
  }

  /** One reconcile of the run at {@code key}: {@code namespace/name}. */
  void sync(String key) throws Exception {
    GenericKubernetesResource resource = informer.getStore().getByKey(key);
    if (resource == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree =
        client.getKubernetesSerialization().convertValue(resource, Map.class);
    AnalysisRun run;
    try {
      run = AnalysisManifests.run(tree);
    } catch (IllegalArgumentException e) {
      LOG.warn("[{}] cannot read the AnalysisRun: {}", key, e.getMessage());
      return;
    }
    Instant now = clock.instant();
    List<MeasurementTask> tasks = engine.tasks(run, now);
    MeasurementResults results =
        runner
            .run(run, tasks, now)
            .get(measurementTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    Reconciliation r = engine.reconcile(run, now, results);
    if (r.delete()) {
      client
          .genericKubernetesResources(RUNS)
          .inNamespace(run.namespace())
          .withName(run.name())
          .delete();
      return;
    }
    metrics.runPhase(run.namespace(), run.name(), r.status().phase());
    Map<String, Object> status = AnalysisManifests.statusTree(r.status());
    if (!Objects.equals(status, tree.getOrDefault("status", Map.of()))) {
      resource.setAdditionalProperty("status", status);
      try {
        client
            .genericKubernetesResources(RUNS)
            .inNamespace(run.namespace())
            .resource(resource)
            .updateStatus();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          queue.add(key);
          return;
        }
        throw e;
      }
    }
    r.events().forEach(event -> record(resource, event));
    if (!r.garbageCollections().isEmpty()) {
      runner.garbageCollect(run.withStatus(r.status()), r.garbageCollections(), now);
    }
    r.requeueAfter().ifPresent(d -> queue.addAfter(key, d.plusMillis(1)));
  }

  private void record(GenericKubernetesResource run, AnalysisEvent event) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String ns = run.getMetadata().getNamespace();
    String name = run.getMetadata().getName();
    try {
      client
          .v1()
          .events()
          .inNamespace(ns)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withNamespace(ns)
                  .withName(
                      name
                          + "."
                          + Long.toHexString(System.currentTimeMillis())
                          + events.incrementAndGet())
                  .endMetadata()
                  .withNewInvolvedObject()
                  .withApiVersion("argoproj.io/v1alpha1")
                  .withKind("AnalysisRun")
                  .withNamespace(ns)
                  .withName(name)
                  .withUid(run.getMetadata().getUid())
                  .endInvolvedObject()
                  .withType(event.type())
                  .withReason(event.reason())
                  .withMessage(event.message())
                  .withCount(1)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withNewSource()
                  .withComponent("rollouts-controller")
                  .endSource()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn("[{}/{}] event {} not recorded: {}", ns, name, event.reason(), e.getMessage());
    }
  }

  private SecretReader secrets() {
    return (ns, name) ->
        CompletableFuture.supplyAsync(
            () -> {
              Secret secret = client.secrets().inNamespace(ns).withName(name).get();
              if (secret == null) {
                return Optional.empty();
              }
              Map<String, String> data = new HashMap<>();
              Optional.ofNullable(secret.getData())
                  .orElse(Map.of())
                  .forEach(
                      (k, v) ->
                          data.put(
                              k,
                              new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
              Optional.ofNullable(secret.getStringData())
                  .orElse(Map.of())
                  .forEach(data::putIfAbsent);
              return Optional.of(data);
            },
            io);
  }

  private static String key(GenericKubernetesResource run) {
    return run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops the informer and the queue, lets reconciles in progress end (5 s at most), stops. */
  @Override
  public void close() {
    if (informer != null) {
      informer.stop();
    }
    queue.shutDown();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    io.shutdownNow();
    timer.shutdownNow();
  }
}
