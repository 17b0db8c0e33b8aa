package dev.rollouts.cli.simulate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Pod objects of a {@link PodSimulator}, as a kubelet would report them: a new pod waits in
 * {@code ContainerCreating}, then runs ready, or crash-loops.
 */
final class SimulatedPods {

  private SimulatedPods() {}

  /**
   * A new pod of {@code rs} called {@code name}: its template's labels, annotations and spec, the
   * ReplicaSet as its controller, its containers {@code ContainerCreating}.
   */
  static Pod creating(ReplicaSet rs, String name) {
    var template = rs.getSpec().getTemplate();
    var metadata = template.getMetadata();
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(rs.getMetadata().getNamespace())
        .withLabels(metadata == null ? Map.of() : metadata.getLabels())
        .withAnnotations(metadata == null ? Map.of() : metadata.getAnnotations())
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("ReplicaSet")
                .withName(rs.getMetadata().getName())
                .withUid(rs.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withSpec(template.getSpec())
        .withStatus(
            status(
                template.getSpec().getContainers(),
                "Pending",
                c -> waiting(c, "ContainerCreating", 0)))
        .build();
  }

  /** Every container running and ready. */
  static PodStatus running(List<Container> containers) {
    return status(containers, "Running", SimulatedPods::running);
  }

  /** Every container restarted once and waiting in {@code CrashLoopBackOff}. */
  static PodStatus crashLooping(List<Container> containers) {
    return status(containers, "Running", c -> waiting(c, "CrashLoopBackOff", 1));
  }

  private static PodStatus status(
      List<Container> containers, String phase, Function<Container, ContainerStatus> each) {
    return new PodStatusBuilder()
        .withPhase(phase)
        .withContainerStatuses(containers.stream().map(each).toList())
        .build();
  }

  private static ContainerStatus waiting(Container c, String reason, int restarts) {
    return new ContainerStatusBuilder()
        .withName(c.getName())
        .withImage(c.getImage())
        .withReady(false)
        .withStarted(false)
        .withRestartCount(restarts)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .endWaiting()
        .endState()
        .build();
  }

  private static ContainerStatus running(Container c) {
    return new ContainerStatusBuilder()
        .withName(c.getName())
        .withImage(c.getImage())
        .withReady(true)
        .withStarted(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .endRunning()
        .endState()
        .build();
  }
}
