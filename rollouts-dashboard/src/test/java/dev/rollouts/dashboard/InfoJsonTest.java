package dev.rollouts.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.Annotations;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link InfoJson}: Argo's {@code RolloutInfo} fields, as Go's {@code omitempty} writes them. */
class InfoJsonTest {

  static RolloutResource blueGreen() {
    RolloutResource rollout =
        RolloutResource.of(
            new ObjectMetaBuilder().withName("bg").withNamespace("shop").withUid("uid-bg").build(),
            Map.of(
                "replicas", 2,
                "strategy",
                    Map.of("blueGreen", Map.of("activeService", "a", "previewService", "p")),
                "template",
                    Map.of(
                        "spec",
                        Map.of(
                            "containers", List.of(Map.of("name", "app", "image", "nginx:2")),
                            "initContainers",
                                List.of(Map.of("name", "init", "image", "busybox"))))));
    rollout.setStatus(
        Map.of(
            "currentPodHash", "new",
            "stableRS", "old",
            "blueGreen", Map.of("activeSelector", "old", "previewSelector", "new")));
    return rollout;
  }

  static ReplicaSet replicaSet(String hash, int revision) {
    return new ReplicaSetBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName("bg-" + hash)
                .withNamespace("shop")
                .withUid("uid-" + hash)
                .addToLabels(Annotations.POD_TEMPLATE_HASH_LABEL, hash)
                .addToAnnotations(Annotations.REVISION, String.valueOf(revision))
                .addNewOwnerReference()
                .withKind("Rollout")
                .withName("bg")
                .withUid("uid-bg")
                .withController(true)
                .endOwnerReference()
                .build())
        .build();
  }

  @Test
  void aBlueGreenHasItsActiveAndPreviewReplicaSetsAndNoWeights() {
    Map<String, Object> info =
        InfoJson.of(
            new RolloutSnapshot(
                blueGreen(), List.of(replicaSet("old", 1), replicaSet("new", 2)), List.of()),
            List.of(),
            true);

    assertThat(info.get("strategy")).isEqualTo("BlueGreen");
    assertThat(info)
        .doesNotContainKeys("setWeight", "actualWeight", "step", "steps", "analysisRuns");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sets = (List<Map<String, Object>>) info.get("replicaSets");
    assertThat(sets).extracting(s -> s.get("revision")).containsExactly(2, 1);
    assertThat(sets.get(0))
        .containsEntry("preview", true)
        .doesNotContainKeys("active", "stable", "pods");
    assertThat(sets.get(1)).containsEntry("active", true).containsEntry("stable", true);
    assertThat(info.get("initContainers"))
        .isEqualTo(List.of(Map.of("name", "init", "image", "busybox")));
  }

  @Test
  void theListLeavesOutWhatOnlyTheRolloutPageShows() {
    Map<String, Object> info =
        InfoJson.of(new RolloutSnapshot(blueGreen(), List.of(), List.of()), List.of(), false);

    assertThat(info)
        .containsKeys("objectMeta", "status", "containers")
        .doesNotContainKeys("initContainers", "replicaSets");
  }

  @Test
  void goOmitsZerosFalseAndEmptyValues() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    InfoJson.put(out, "zero", 0);
    InfoJson.put(out, "no", false);
    InfoJson.put(out, "blank", "");
    InfoJson.put(out, "none", List.of());
    InfoJson.put(out, "nothing", Map.of());
    InfoJson.put(out, "null", null);
    InfoJson.put(out, "one", 1);
    InfoJson.put(out, "yes", true);

    assertThat(out).containsOnlyKeys("one", "yes");
  }
}
