package dev.rollouts.cli.view;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pods as {@code kubectl get pods} describes them: the STATUS column is the pod's reason or phase,
 * overridden by the first waiting or terminated reason of its containers (read last to first, as
 * kubectl does), {@code Terminating} once it is being deleted; READY counts the running ready
 * containers. Init containers are not modelled: their pods show their phase.
 */
final class PodInfos {

  private PodInfos() {}

  /** The pods {@code rs} controls, oldest first, then by name. */
  static List<PodInfo> ownedBy(ReplicaSet rs, List<Pod> pods) {
    return pods.stream()
        .filter(p -> RolloutInfos.controlledBy(p, rs))
        .map(PodInfos::of)
        .sorted(
            Comparator.comparing((PodInfo p) -> p.created().orElse(Instant.MIN))
                .thenComparing(PodInfo::name))
        .toList();
  }

  static PodInfo of(Pod pod) {
    PodStatus status = Objects.requireNonNullElseGet(pod.getStatus(), PodStatus::new);
    String reason = Objects.requireNonNullElse(status.getPhase(), "Unknown");
    if (status.getReason() != null && !status.getReason().isEmpty()) {
      reason = status.getReason();
    }
    int restarts = 0;
    int ready = 0;
    boolean running = false;
    List<ContainerStatus> containers = status.getContainerStatuses();
    for (int i = containers.size() - 1; i >= 0; i--) {
      ContainerStatus c = containers.get(i);
      restarts += Objects.requireNonNullElse(c.getRestartCount(), 0);
      var state = c.getState();
      if (state != null && state.getWaiting() != null && notEmpty(state.getWaiting().getReason())) {
        reason = state.getWaiting().getReason();
      } else if (state != null
          && state.getTerminated() != null
          && notEmpty(state.getTerminated().getReason())) {
        reason = state.getTerminated().getReason();
      } else if (state != null && state.getTerminated() != null) {
        var t = state.getTerminated();
        reason =
            t.getSignal() != null && t.getSignal() != 0
                ? "Signal:" + t.getSignal()
                : "ExitCode:" + t.getExitCode();
      } else if (Boolean.TRUE.equals(c.getReady()) && state != null && state.getRunning() != null) {
        running = true;
        ready++;
      }
    }
    if (reason.equals("Completed") && running) {
      reason = "Running";
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      reason = "Terminating";
    }
    int total = pod.getSpec() == null ? containers.size() : pod.getSpec().getContainers().size();
    return PodInfo.builder()
        .name(pod.getMetadata().getName())
        .status(reason)
        .ready(ready + "/" + total)
        .restarts(restarts)
        .created(RolloutInfos.timestamp(pod.getMetadata().getCreationTimestamp()))
        .build();
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
