package dev.rollouts.kubernetes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.CanaryStatus;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void writesArgosFieldNamesInArgosOrder() {
    RolloutStatus status =
        RolloutStatus.builder()
            .abort(true)
            .addPauseCondition(new PauseCondition(PauseReason.CanaryPauseStep, T0))
            .controllerPause(true)
            .abortedAt(T0.plusSeconds(1))
            .currentPodHash("5d8f9c7b4d")
            .currentStepHash("6b9b86fbd5")
            .replicas(5)
            .updatedReplicas(1)
            .readyReplicas(4)
            .availableReplicas(4)
            .currentStepIndex(1)
            .observedGeneration("3")
            .addCondition(
                Condition.builder()
                    .type(ConditionType.Progressing)
                    .status("True")
                    .reason("ReplicaSetUpdated")
                    .message("ReplicaSet \"web-5d8f9c7b4d\" is progressing.")
                    .lastUpdateTime(T0.plusMillis(2500))
                    .lastTransitionTime(T0)
                    .build())
            .canary(
                new CanaryStatus(
                    Optional.of(
                        new TrafficWeights(
                            new WeightDestination(
                                20, Optional.of("web-canary"), Optional.of("5d8f9c7b4d")),
                            new WeightDestination(
                                80, Optional.of("web-stable"), Optional.of("7bb4fbc896")),
                            Optional.of(true)))))
            .selector("app=web")
            .stableRS("7bb4fbc896")
            .restartedAt(T0)
            .promoteFull(true)
            .phase(Phase.Paused)
            .message("CanaryPauseStep")
            .build();

    String json = new KubernetesSerialization().asJson(StatusMapper.toMap(status));

    assertThat(json)
        .isEqualTo(
            "{\"abort\":true,"
                + "\"pauseConditions\":[{\"reason\":\"CanaryPauseStep\",\"startTime\":\"2026-01-01T00:00:00Z\"}],"
                + "\"controllerPause\":true,\"abortedAt\":\"2026-01-01T00:00:01Z\","
                + "\"currentPodHash\":\"5d8f9c7b4d\",\"currentStepHash\":\"6b9b86fbd5\","
                + "\"replicas\":5,\"updatedReplicas\":1,\"readyReplicas\":4,\"availableReplicas\":4,"
                + "\"currentStepIndex\":1,\"observedGeneration\":\"3\","
                + "\"conditions\":[{\"type\":\"Progressing\",\"status\":\"True\","
                + "\"lastUpdateTime\":\"2026-01-01T00:00:02Z\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\",\"reason\":\"ReplicaSetUpdated\",\"message\":\"ReplicaSet"
                + " \\\"web-5d8f9c7b4d\\\" is progressing.\"}],\"canary\":{\"weights\":{"
                + "\"canary\":{\"weight\":20,\"serviceName\":\"web-canary\",\"podTemplateHash\":\"5d8f9c7b4d\"},"
                + "\"stable\":{\"weight\":80,\"serviceName\":\"web-stable\",\"podTemplateHash\":\"7bb4fbc896\"},"
                + "\"verified\":true}},"
                + "\"blueGreen\":{},\"HPAReplicas\":5,\"selector\":\"app=web\",\"stableRS\":\"7bb4fbc896\","
                + "\"restartedAt\":\"2026-01-01T00:00:00Z\",\"promoteFull\":true,"
                + "\"phase\":\"Paused\",\"message\":\"CanaryPauseStep\"}");
  }

  @Test
  void leavesOutWhatGoOmitsButAlwaysWritesCanaryAndBlueGreen() {
    assertThat(StatusMapper.toMap(RolloutStatus.builder().build()))
        .containsExactly(Map.entry("canary", Map.of()), Map.entry("blueGreen", Map.of()));
  }

  @Test
  void writesAStepIndexOfZeroAndAZeroWeight() {
    Map<String, Object> map =
        StatusMapper.toMap(
            RolloutStatus.builder()
                .currentStepIndex(0)
                .canary(
                    new CanaryStatus(
                        Optional.of(
                            new TrafficWeights(
                                new WeightDestination(0, Optional.empty(), Optional.empty()),
                                new WeightDestination(
                                    100, Optional.of("web-stable"), Optional.empty()),
                                Optional.empty()))))
                .build());

    assertThat(map).containsEntry("currentStepIndex", 0);
    assertThat(map.get("canary"))
        .isEqualTo(
            Map.of(
                "weights",
                Map.of(
                    "canary",
                    Map.of("weight", 0),
                    "stable",
                    Map.of("weight", 100, "serviceName", "web-stable"))));
  }

  @Test
  void writesBlueGreenSelectors() {
    Map<String, Object> map =
        StatusMapper.toMap(
            RolloutStatus.builder()
                .blueGreen(
                    new BlueGreenStatus(Optional.of("7bb4fbc896"), Optional.of("5d8f9c7b4d"), true))
                .build());

    assertThat(map.get("blueGreen"))
        .isEqualTo(
            Map.of(
                "activeSelector",
                "7bb4fbc896",
                "previewSelector",
                "5d8f9c7b4d",
                "scaleUpPreviewCheckPoint",
                true));
  }

  @Test
  void writesTheInconclusiveAnalysisPauseAsArgoSpellsIt() {
    Map<String, Object> map =
        StatusMapper.toMap(
            RolloutStatus.builder()
                .addPauseCondition(new PauseCondition(PauseReason.InconclusiveAnalysisRun, T0))
                .build());

    assertThat(map.get("pauseConditions"))
        .isEqualTo(
            List.of(
                Map.of("reason", "InconclusiveAnalysisRun", "startTime", "2026-01-01T00:00:00Z")));
    assertThat(StatusMapper.fromMap(map).pauseConditions())
        .containsExactly(new PauseCondition(PauseReason.InconclusiveAnalysisRun, T0));
  }

  @Test
  void readsAStatusArgoWroteIgnoringFieldsTheCoreDoesNotModel() {
    Map<String, Object> argo =
        Map.of(
            "HPAReplicas",
            3,
            "collisionCount",
            1,
            "alb",
            Map.of("ingress", "web"),
            "canary",
            Map.of("currentStepAnalysisRunStatus", Map.of("name", "ar", "status", "Running")),
            "blueGreen",
            Map.of(),
            "observedGeneration",
            "2",
            "replicas",
            3,
            "conditions",
            List.of(
                Map.of(
                    "type", "Available",
                    "status", "True",
                    "reason", "AvailableReason",
                    "message", "Rollout has minimum availability",
                    "lastUpdateTime", "2026-01-01T00:00:00Z",
                    "lastTransitionTime", "2026-01-01T01:00:00+01:00")));

    RolloutStatus status = StatusMapper.fromMap(argo);

    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.observedGeneration()).contains("2");
    assertThat(status.canary()).isEqualTo(CanaryStatus.empty());
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(ConditionType.Available);
              assertThat(c.lastTransitionTime()).isEqualTo(T0);
            });
  }

  @Test
  void writesTimesInUtcToTheSecond() {
    assertThat(StatusMapper.time(Instant.parse("2026-03-04T05:06:07.891Z")))
        .isEqualTo("2026-03-04T05:06:07Z");
  }
}
