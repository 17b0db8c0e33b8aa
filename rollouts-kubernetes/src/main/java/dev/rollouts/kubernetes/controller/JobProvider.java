package dev.rollouts.kubernetes.controller;

import dev.rollouts.analysis.provider.AsynchronousMetricProvider;
import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Argo's {@code job} metric provider ({@code metricproviders/job/job.go}): a measurement is a
 * Kubernetes Job run from the metric's {@code provider.job} ({@code metadata} and {@code spec}).
 *
 * <ul>
 *   <li>The Job is named {@code <run uid>.<metric>.<n>}, {@code n} the measurement's number, the
 *       metric name cut so the name fits 63 characters; it and its pod template carry the label
 *       {@code analysisrun.argoproj.io/uid}, the Job the annotations {@code
 *       analysisrun.argoproj.io/name}, {@code /namespace} and {@code /metric-name}, and the run is
 *       its controlling owner. A Job of that name already owned by the run is adopted, so a
 *       restarted controller never runs a measurement twice.
 *   <li>It is Running until the Job has condition {@code Complete} (Successful) or {@code Failed}
 *       (Failed); a pod container waiting on {@code ErrImagePull}, {@code ImagePullBackOff} or
 *       {@code InvalidImageName} is Inconclusive. It is looked at again after {@code sqrt(2 *
 *       seconds since it started)} seconds.
 *   <li>Terminating deletes the Job (foreground) and is Inconclusive; garbage collection deletes
 *       the run's oldest Jobs of the metric beyond the kept measurements.
 * </ul>
 *
 * <p>Cluster calls run on {@code executor}, never on the caller's thread.
 */
public final class JobProvider implements AsynchronousMetricProvider {

  static final String UID_LABEL = "analysisrun.argoproj.io/uid";
  static final String NAME_ANNOTATION = "analysisrun.argoproj.io/name";
  static final String NAMESPACE_ANNOTATION = "analysisrun.argoproj.io/namespace";
  static final String METRIC_ANNOTATION = "analysisrun.argoproj.io/metric-name";
  static final String JOB_NAME = "job-name";
  static final String JOB_NAMESPACE = "job-namespace";
  private static final List<String> TERMINAL_WAITING =
      List.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

  private final KubernetesClient client;
  private final Executor executor;

  /** A provider creating Jobs with {@code client}, its cluster calls on {@code executor}. */
  public JobProvider(KubernetesClient client, Executor executor) {
    this.client = client;
    this.executor = executor;
  }

  @Override
  public String type() {
    return "job";
  }

  @Override
  public CompletionStage<ProviderResult> run(MeasurementRequest request) {
    return async(
        () -> {
          if (request.runUid().isEmpty()) {
            return new ProviderResult.Failure("the AnalysisRun has no uid yet");
          }
          Job job;
          try {
            job = job(request);
          } catch (IllegalArgumentException e) {
            return new ProviderResult.Failure(e.getMessage());
          }
          var jobs = client.batch().v1().jobs().inNamespace(request.namespace());
          Job created;
          try {
            created = jobs.resource(job).create();
          } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
              return new ProviderResult.Failure(e.getMessage());
            }
            Job existing = jobs.withName(job.getMetadata().getName()).get();
            boolean ours =
                existing != null
                    && existing.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> o.getUid().equals(request.runUid().get()));
            if (!ours) {
              return new ProviderResult.Failure(e.getMessage());
            }
            created = existing;
          }
          Instant now = request.now();
          return ProviderResult.Decided.inFlight(
              now,
              now,
              Map.of(
                  JOB_NAME, created.getMetadata().getName(),
                  JOB_NAMESPACE, created.getMetadata().getNamespace()));
        });
  }

  @Override
  public CompletionStage<ProviderResult> resume(MeasurementRequest request, Measurement inFlight) {
    return async(
        () -> {
          String name = inFlight.metadata().get(JOB_NAME);
          String namespace = inFlight.metadata().getOrDefault(JOB_NAMESPACE, request.namespace());
          if (name == null) {
            return failed(inFlight, "job metric measurement has no job-name in its metadata");
          }
          Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
          if (job == null) {
            return failed(inFlight, "job.batch \"" + name + "\" not found");
          }
          Instant now = request.now();
          Optional<AnalysisPhase> done = phase(job);
          if (done.isPresent()) {
            return new ProviderResult.Decided(
                Measurement.builder().from(inFlight).phase(done.get()).finishedAt(now).build());
          }
          Optional<String> stuck = stuckPod(namespace, job);
          if (stuck.isPresent()) {
            return new ProviderResult.Decided(
                Measurement.builder()
                    .from(inFlight)
                    .phase(AnalysisPhase.Inconclusive)
                    .message(stuck.get())
                    .finishedAt(now)
                    .build());
          }
          double elapsed =
              Duration.between(inFlight.startedAt().orElse(now), now).toMillis() / 1000.0;
          long delayMillis = (long) (Math.sqrt(2 * Math.max(elapsed, 0)) * 1000);
          return new ProviderResult.Decided(
              Measurement.builder().from(inFlight).resumeAt(now.plusMillis(delayMillis)).build());
        });
  }

  @Override
  public CompletionStage<ProviderResult> terminate(
      MeasurementRequest request, Measurement inFlight) {
    return async(
        () -> {
          String name = inFlight.metadata().get(JOB_NAME);
          String namespace = inFlight.metadata().getOrDefault(JOB_NAMESPACE, request.namespace());
          if (name != null) {
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName(name)
                .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                .delete();
          }
          return new ProviderResult.Decided(
              Measurement.builder()
                  .from(inFlight)
                  .phase(AnalysisPhase.Inconclusive)
                  .finishedAt(request.now())
                  .build());
        });
  }

  @Override
  public CompletionStage<Void> garbageCollect(MeasurementRequest request, int limit) {
    return CompletableFuture.runAsync(
        () -> {
          if (request.runUid().isEmpty()) {
            return;
          }
          List<Job> jobs =
              client
                  .batch()
                  .v1()
                  .jobs()
                  .inNamespace(request.namespace())
                  .withLabel(UID_LABEL, request.runUid().get())
                  .list()
                  .getItems()
                  .stream()
                  .filter(
                      j ->
                          request
                              .metric()
                              .name()
                              .equals(j.getMetadata().getAnnotations().get(METRIC_ANNOTATION)))
                  .sorted(Comparator.comparing((Job j) -> j.getMetadata().getCreationTimestamp()))
                  .toList();
          for (int i = 0; i < jobs.size() - limit; i++) {
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(request.namespace())
                .resource(jobs.get(i))
                .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                .delete();
          }
        },
        executor);
  }

  /** The Job for a measurement, named and labelled as Argo's {@code newMetricJob} does. */
  Job job(MeasurementRequest request) {
    Map<String, Object> config = request.metric().providerConfig();
    Job job;
    try {
      job = client.getKubernetesSerialization().convertValue(config, Job.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("job: " + e.getMessage());
    }
    if (job.getSpec() == null || job.getSpec().getTemplate() == null) {
      throw new IllegalArgumentException("job: spec.template is required");
    }
    String uid = request.runUid().orElseThrow();
    var metadata =
        job.getMetadata() == null
            ? new io.fabric8.kubernetes.api.model.ObjectMeta()
            : job.getMetadata();
    metadata.setName(name(uid, request.metric().name(), request.number()));
    metadata.setNamespace(request.namespace());
    Map<String, String> labels =
        new HashMap<>(Optional.ofNullable(metadata.getLabels()).orElse(Map.of()));
    labels.put(UID_LABEL, uid);
    metadata.setLabels(labels);
    Map<String, String> annotations =
        new HashMap<>(Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of()));
    annotations.put(NAME_ANNOTATION, request.runName());
    annotations.put(NAMESPACE_ANNOTATION, request.namespace());
    annotations.put(METRIC_ANNOTATION, request.metric().name());
    metadata.setAnnotations(annotations);
    metadata.setOwnerReferences(
        List.of(
            new OwnerReferenceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("AnalysisRun")
                .withName(request.runName())
                .withUid(uid)
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build()));
    job.setMetadata(metadata);
    var template = job.getSpec().getTemplate();
    if (template.getMetadata() == null) {
      template.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    Map<String, String> podLabels =
        new HashMap<>(Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of()));
    podLabels.put(UID_LABEL, uid);
    template.getMetadata().setLabels(podLabels);
    return job;
  }

  /** {@code <uid>.<metric>.<n>}, the metric name cut so the whole fits 63 characters. */
  static String name(String uid, String metric, int number) {
    String name = uid + "." + metric + "." + number;
    if (name.length() <= 63) {
      return name;
    }
    int over = name.length() - 63;
    return uid + "." + metric.substring(0, Math.max(0, metric.length() - over)) + "." + number;
  }

  private static Optional<AnalysisPhase> phase(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    Optional<AnalysisPhase> phase = Optional.empty();
    for (JobCondition c : job.getStatus().getConditions()) {
      if (!"True".equals(c.getStatus())) {
        continue;
      }
      if ("Complete".equals(c.getType())) {
        phase = Optional.of(AnalysisPhase.Successful);
      } else if ("Failed".equals(c.getType())) {
        phase = Optional.of(AnalysisPhase.Failed);
      }
    }
    return phase;
  }

  private Optional<String> stuckPod(String namespace, Job job) {
    List<Pod> pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel("job-name", job.getMetadata().getName())
            .list()
            .getItems();
    for (Pod pod : pods) {
      if (pod.getStatus() == null) {
        continue;
      }
      List<ContainerStatus> statuses =
          Stream.concat(
                  Optional.ofNullable(pod.getStatus().getInitContainerStatuses())
                      .orElse(List.of())
                      .stream(),
                  Optional.ofNullable(pod.getStatus().getContainerStatuses())
                      .orElse(List.of())
                      .stream())
              .toList();
      for (ContainerStatus cs : statuses) {
        var waiting = cs.getState() == null ? null : cs.getState().getWaiting();
        if (waiting != null && TERMINAL_WAITING.contains(waiting.getReason())) {
          return Optional.of(
              "Pod "
                  + pod.getMetadata().getName()
                  + ", container "
                  + cs.getName()
                  + " has terminal error ("
                  + waiting.getReason()
                  + "): "
                  + Optional.ofNullable(waiting.getMessage()).orElse(""));
        }
      }
    }
    return Optional.empty();
  }

  private static ProviderResult failed(Measurement inFlight, String message) {
    return new ProviderResult.Failure(message);
  }

  private CompletableFuture<ProviderResult> async(Supplier<ProviderResult> call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.get();
          } catch (KubernetesClientException e) {
            return new ProviderResult.Failure(e.getMessage());
          }
        },
        executor);
  }
}
