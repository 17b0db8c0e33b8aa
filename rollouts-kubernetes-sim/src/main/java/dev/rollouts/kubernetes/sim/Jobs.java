package dev.rollouts.kubernetes.sim;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Job controller of the {@link PodSimulator}: each new Job gets one pod (labelled {@code
 * job-name} and {@code batch.kubernetes.io/job-name}), which runs for the start delay and then
 * succeeds, or fails when it uses a never-ready image; the Job's {@code active}, {@code succeeded},
 * {@code failed}, {@code startTime}, {@code completionTime} and its {@code Complete} or {@code
 * Failed} condition follow. Runs on the simulator's thread.
 */
final class Jobs {

  private final KubernetesClient client;
  private final Duration runTime;
  private final Set<String> failingImages;
  private final ScheduledExecutorService executor;
  private final Map<String, SimPod> pods = new HashMap<>();

  Jobs(
      KubernetesClient client,
      Duration runTime,
      Set<String> failingImages,
      ScheduledExecutorService executor) {
    this.client = client;
    this.runTime = runTime;
    this.failingImages = failingImages;
    this.executor = executor;
  }

  void submit(String key, Job job) {
    executor.execute(
        () ->
            PodSimulator.guarded(
                () -> {
                  if (job == null) {
                    pods.remove(key);
                    return;
                  }
                  if (pods.containsKey(key)
                      || job.getStatus() != null && job.getStatus().getCompletionTime() != null) {
                    return;
                  }
                  Map<String, String> labels = new LinkedHashMap<>();
                  labels.put("job-name", job.getMetadata().getName());
                  labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
                  labels.put("controller-uid", job.getMetadata().getUid());
                  SimPod pod =
                      SimPod.create(
                          client, job, job.getSpec().getTemplate(), "Job", "batch/v1", labels);
                  pods.put(key, pod);
                  String start = now();
                  status(job, Map.of("active", 1, "startTime", start, "ready", 0));
                  executor.schedule(
                      () -> PodSimulator.guarded(() -> finish(job, pod, start)),
                      runTime.toNanos(),
                      TimeUnit.NANOSECONDS);
                }));
  }

  private void finish(Job job, SimPod pod, String start) {
    boolean failed = pod.usesAny(failingImages);
    pod.run(client, failed ? SimPod.State.FAILED : SimPod.State.SUCCEEDED);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("active", 0);
    status.put("startTime", start);
    status.put(failed ? "failed" : "succeeded", 1);
    String now = now();
    if (!failed) {
      status.put("completionTime", now);
    }
    status.put(
        "conditions",
        List.of(
            Map.of(
                "type",
                failed ? "Failed" : "Complete",
                "status",
                "True",
                "lastProbeTime",
                now,
                "lastTransitionTime",
                now,
                "reason",
                failed ? "BackoffLimitExceeded" : "Completed",
                "message",
                failed ? "Job has reached the specified backoff limit" : "Job completed")));
    status(job, status);
  }

  private void status(Job job, Map<String, Object> status) {
    SimPod.patchStatus(
        client,
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(job.getMetadata().getNamespace())
            .withName(job.getMetadata().getName()),
        status);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
