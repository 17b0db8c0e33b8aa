package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.mapping.PodTemplateHash;
import dev.rollouts.kubernetes.sim.Backend;
import dev.rollouts.kubernetes.sim.Poll;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Blue-green {@code activeMetadata} and {@code previewMetadata} reach the pods: the preview pods
 * carry the preview labels while the active ones carry the active labels, and on promotion the
 * running preview pods are relabelled active in place, without a new ReplicaSet.
 */
class BlueGreenPodMetadataIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** The pods the ReplicaSet running {@code image} controls. */
  List<Pod> podsRunning(String image) {
    ReplicaSet rs = fixture.replicaSetRunning("web", image);
    return fixture.admin.pods().inNamespace(NS).list().getItems().stream()
        .filter(
            p ->
                p.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> Objects.equals(o.getUid(), rs.getMetadata().getUid())))
        .toList();
  }

  void awaitPods(String image, String description, Predicate<Pod> each) {
    Poll.until(
        "the 3 pods running " + image + " " + description,
        () -> {
          List<Pod> pods = podsRunning(image);
          return pods.size() == 3 && pods.stream().allMatch(each);
        },
        () ->
            podsRunning(image).stream()
                .map(
                    p ->
                        p.getMetadata().getName()
                            + p.getMetadata().getLabels()
                            + p.getMetadata().getAnnotations())
                .toList());
  }

  static Predicate<Pod> labelled(String role) {
    return p -> role.equals(p.getMetadata().getLabels().get("role"));
  }

  static boolean annotatedAsPreview(Pod pod) {
    return pod.getMetadata().getAnnotations() != null
        && pod.getMetadata().getAnnotations().containsKey("example.com/stage");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void previewPodsAreLabelledPreviewUntilPromotedThenActiveInPlace(Backend backend) {
    Assumptions.assumeTrue(
        BlueGreenPromoteIT.engineDecidesBlueGreen(),
        "the engine on this branch does not decide blue-green yet");
    fixture = Fixture.on(backend);
    fixture.create(Manifests.service(NS, "web-active", "web"));
    fixture.create(Manifests.service(NS, "web-preview", "web"));
    fixture.controller("controller");
    fixture.create(
        Manifests.blueGreen(
            NS,
            "web",
            3,
            "app:1",
            Map.of(
                "activeService",
                "web-active",
                "previewService",
                "web-preview",
                "autoPromotionEnabled",
                false,
                "scaleDownDelaySeconds",
                1,
                "activeMetadata",
                Map.of("labels", Map.of("role", "active")),
                "previewMetadata",
                Map.of(
                    "labels",
                    Map.of("role", "preview"),
                    "annotations",
                    Map.of("example.com/stage", "preview")))));
    fixture.awaitHealthyOn("web", "app:1");
    awaitPods("app:1", "are labelled active", labelled("active"));

    fixture.setImage("web", "app:2");
    fixture.awaitStatus(
        "web",
        "pauses before promotion",
        s -> "Paused".equals(s.get("phase")) && s.containsKey("pauseConditions"));
    awaitPods(
        "app:2",
        "are labelled and annotated preview",
        labelled("preview").and(BlueGreenPodMetadataIT::annotatedAsPreview));
    assertThat(podsRunning("app:1")).allMatch(labelled("active"));

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    awaitPods(
        "app:2",
        "are relabelled active in place",
        labelled("active").and(p -> !annotatedAsPreview(p)));

    assertThat(fixture.replicaSets("web")).hasSize(2);
    ReplicaSet active = fixture.replicaSetRunning("web", "app:2");
    assertThat(active.getMetadata().getAnnotations())
        .containsEntry(
            "rollout.argoproj.io/ephemeral-metadata", "{\"labels\":{\"role\":\"active\"}}");
    assertThat(PodTemplateHash.ofReplicaSet(active))
        .isEqualTo(active.getMetadata().getLabels().get("rollouts-pod-template-hash"));
    assertThat(fixture.rollout("web").getMetadata().getAnnotations())
        .containsEntry("rollout.argoproj.io/revision", "2");
  }
}
