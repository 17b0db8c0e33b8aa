package dev.rollouts.cli;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster objects for tests: Rollouts, their ReplicaSets and pods, as a controller would leave
 * them.
 */
public final class Objects {

  private Objects() {}

  /** A step list: {@code setWeight 20, pause 10s, setWeight 50, pause {}}. */
  public static List<Map<String, Object>> steps() {
    return List.of(
        Map.of("setWeight", 20),
        Map.of("pause", Map.of("duration", "10s")),
        Map.of("setWeight", 50),
        Map.of("pause", Map.of()));
  }

  /** A canary Rollout of 5 replicas of {@code image} in {@code namespace}, without status. */
  public static RolloutResource canary(
      String namespace, String name, String image, List<Map<String, Object>> steps) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", 5);
    spec.put("selector", Map.of("matchLabels", Map.of("app", name)));
    spec.put(
        "template",
        Map.of(
            "metadata", Map.of("labels", Map.of("app", name)),
            "spec",
                Map.of(
                    "containers",
                    List.of(new LinkedHashMap<>(Map.of("name", "app", "image", image))))));
    spec.put("strategy", Map.of("canary", Map.of("steps", steps)));
    return RolloutResource.of(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(), spec);
  }

  /** A blue-green Rollout of 3 replicas of {@code image}, without status. */
  public static RolloutResource blueGreen(String namespace, String name, String image) {
    RolloutResource rollout = canary(namespace, name, image, List.of());
    Map<String, Object> spec = new LinkedHashMap<>(rollout.getSpec());
    spec.put("replicas", 3);
    spec.put(
        "strategy",
        Map.of(
            "blueGreen",
            Map.of("activeService", name + "-active", "previewService", name + "-preview")));
    rollout.setSpec(spec);
    return rollout;
  }

  /** A ReplicaSet {@code <rollout>-<hash>} the Rollout controls, with its status. */
  public static ReplicaSet replicaSet(
      RolloutResource owner, String hash, int revision, String image, int replicas, int available) {
    String name = owner.getMetadata().getName();
    return new ReplicaSetBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(name + "-" + hash)
                .withNamespace(owner.getMetadata().getNamespace())
                .withUid("uid-rs-" + hash)
                .withGeneration(1L)
                .withCreationTimestamp("2026-01-01T00:00:00Z")
                .addToLabels("app", name)
                .addToLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
                .addToAnnotations(Annotations.REVISION, String.valueOf(revision))
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion(RolloutResource.API_VERSION)
                        .withKind(RolloutResource.KIND)
                        .withName(name)
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .build())
                .build())
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .addToMatchLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .addToLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(replicas)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .withObservedGeneration(1L)
        .endStatus()
        .build();
  }

  /** A pod of {@code rs}, running and ready or still creating its container. */
  public static Pod pod(ReplicaSet rs, String suffix, boolean ready, String created) {
    var container = rs.getSpec().getTemplate().getSpec().getContainers().get(0);
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(rs.getMetadata().getName() + "-" + suffix)
            .withNamespace(rs.getMetadata().getNamespace())
            .withLabels(rs.getSpec().getTemplate().getMetadata().getLabels())
            .withCreationTimestamp(created)
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("ReplicaSet")
            .withName(rs.getMetadata().getName())
            .withUid(rs.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withContainers(container)
            .endSpec();
    if (ready) {
      pod.withNewStatus()
          .withPhase("Running")
          .addNewContainerStatus()
          .withName("app")
          .withReady(true)
          .withRestartCount(0)
          .withNewState()
          .withNewRunning()
          .endRunning()
          .endState()
          .endContainerStatus()
          .endStatus();
    } else {
      pod.withNewStatus()
          .withPhase("Pending")
          .addNewContainerStatus()
          .withName("app")
          .withReady(false)
          .withRestartCount(0)
          .withNewState()
          .withNewWaiting()
          .withReason("ContainerCreating")
          .endWaiting()
          .endState()
          .endContainerStatus()
          .endStatus();
    }
    return pod.build();
  }
}
