package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeViewTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:10:30Z");

  /**
   * A canary paused at its first pause: revision 1 stable with two pods, revision 2 canary with
   * one.
   */
  static RolloutSnapshot pausedCanary() {
    RolloutResource rollout =
        Objects.canary("default", "demo", "argoproj/rollouts-demo:yellow", Objects.steps());
    rollout.getMetadata().setUid("uid-demo");
    rollout.getMetadata().setGeneration(2L);
    rollout.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
    Map<String, Object> spec = new LinkedHashMap<>(rollout.getSpec());
    spec.put("replicas", 2);
    rollout.setSpec(spec);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("phase", "Paused");
    status.put("message", "CanaryPauseStep");
    status.put("observedGeneration", "2");
    status.put("currentStepIndex", 1);
    status.put("stableRS", "6f9c7d4b8");
    status.put("currentPodHash", "58d5c9b7f");
    status.put("replicas", 3);
    status.put("updatedReplicas", 1);
    status.put("readyReplicas", 3);
    status.put("availableReplicas", 3);
    status.put(
        "pauseConditions",
        List.of(Map.of("reason", "CanaryPauseStep", "startTime", "2026-01-01T00:10:00Z")));
    rollout.setStatus(status);
    ReplicaSet stable =
        Objects.replicaSet(rollout, "6f9c7d4b8", 1, "argoproj/rollouts-demo:blue", 2, 2);
    ReplicaSet canary =
        Objects.replicaSet(rollout, "58d5c9b7f", 2, "argoproj/rollouts-demo:yellow", 1, 1);
    return new RolloutSnapshot(
        rollout,
        List.of(stable, canary),
        List.of(
            Objects.pod(stable, "x2kqv", true, "2026-01-01T00:00:00Z"),
            Objects.pod(stable, "b7wzl", true, "2026-01-01T00:00:01Z"),
            Objects.pod(canary, "p4r9m", true, "2026-01-01T00:10:00Z")));
  }

  @Test
  void rendersTheSummaryAndTheTreeAsArgosPluginDoes() {
    String text = TreeView.plain().render(RolloutInfos.of(pausedCanary()), ViewTime.at(NOW));

    assertThat(text)
        .isEqualTo(
            """
            Name:            demo
            Namespace:       default
            Status:          ॥ Paused
            Message:         CanaryPauseStep
            Strategy:        Canary
              Step:          1/4
              SetWeight:     20
              ActualWeight:  33
            Images:          argoproj/rollouts-demo:blue (stable)
                             argoproj/rollouts-demo:yellow (canary)
            Replicas:
              Desired:       2
              Current:       3
              Updated:       1
              Ready:         3
              Available:     3

            NAME                             KIND        STATUS     AGE  INFO
            ⟳ demo                           Rollout     ॥ Paused   10m
            ├──# revision:2
            │  └──⧉ demo-58d5c9b7f           ReplicaSet  ✔ Healthy  10m  canary
            │     └──□ demo-58d5c9b7f-p4r9m  Pod         ✔ Running  30s  ready:1/1
            └──# revision:1
               └──⧉ demo-6f9c7d4b8           ReplicaSet  ✔ Healthy  10m  stable
                  ├──□ demo-6f9c7d4b8-x2kqv  Pod         ✔ Running  10m  ready:1/1
                  └──□ demo-6f9c7d4b8-b7wzl  Pod         ✔ Running  10m  ready:1/1
            """);
  }

  @Test
  void colouredOutputAlignsLikeThePlainOne() {
    RolloutInfo info = RolloutInfos.of(pausedCanary());
    String plain = TreeView.plain().render(info, ViewTime.at(NOW));
    String coloured = TreeView.coloured().render(info, ViewTime.at(NOW));

    assertThat(coloured).contains("\u001b[32m✔\u001b[0m").contains("\u001b[33mcanary\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void showsTheScaleDownDelayOfAReplicaSetByTheControllersClock() {
    RolloutSnapshot snapshot = pausedCanary();
    ReplicaSet old =
        Objects.replicaSet(snapshot.rollout(), "77c8d9f5b", 0, "argoproj/rollouts-demo:red", 1, 1);
    old.getMetadata().getAnnotations().put("rollout.argoproj.io/revision", "0");
    old.getMetadata().getAnnotations().put("scale-down-deadline", "2026-01-01T00:11:00Z");
    RolloutSnapshot withOld = new RolloutSnapshot(snapshot.rollout(), List.of(old), List.of());

    String waiting = TreeView.plain().tree(RolloutInfos.of(withOld), new ViewTime(NOW, NOW));
    String passed =
        TreeView.plain()
            .tree(
                RolloutInfos.of(withOld), new ViewTime(NOW, Instant.parse("2026-01-01T00:12:00Z")));

    assertThat(waiting).contains("ReplicaSet  ✔ Healthy  10m  delay:30s");
    assertThat(passed).contains("delay:passed");
  }

  @Test
  void aBlueGreenShowsItsActiveAndPreviewReplicaSetsAndNoSteps() {
    RolloutResource rollout = Objects.blueGreen("shop", "web", "nginx:1.26");
    rollout.getMetadata().setUid("uid-web");
    rollout.setStatus(
        Map.of(
            "phase", "Paused",
            "message", "BlueGreenPause",
            "stableRS", "aaa",
            "currentPodHash", "bbb",
            "blueGreen", Map.of("activeSelector", "aaa", "previewSelector", "bbb")));
    RolloutSnapshot snapshot =
        new RolloutSnapshot(
            rollout,
            List.of(
                Objects.replicaSet(rollout, "aaa", 1, "nginx:1.25", 3, 3),
                Objects.replicaSet(rollout, "bbb", 2, "nginx:1.26", 3, 3)),
            List.of());

    String summary = TreeView.plain().summary(RolloutInfos.of(snapshot));

    assertThat(summary)
        .contains(
            "Strategy:        BlueGreen\n"
                + "Images:          nginx:1.25 (active, stable)\n"
                + "                 nginx:1.26 (preview)\n")
        .doesNotContain("Step:");
  }
}
