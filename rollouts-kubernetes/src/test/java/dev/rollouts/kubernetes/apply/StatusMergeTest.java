package dev.rollouts.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMergeTest {

  @Test
  void ownedFieldsFollowTheDecisionAndForeignFieldsStay() {
    Map<String, Object> current =
        Map.of(
            "phase",
            "Paused",
            "abortedAt",
            "2026-01-01T00:00:00Z",
            "pauseConditions",
            List.of(Map.of("reason", "CanaryPauseStep")),
            "alb",
            Map.of("loadBalancer", "lb-1"));

    Map<String, Object> merged = StatusMerge.merge(current, Map.of("phase", "Progressing"));

    assertThat(merged).containsOnlyKeys("phase", "alb").containsEntry("phase", "Progressing");
  }

  @Test
  void nestedObjectsKeepTheirForeignFields() {
    Map<String, Object> current =
        Map.of(
            "canary",
                Map.of(
                    "weights",
                    Map.of("canary", Map.of("weight", 10)),
                    "currentStepAnalysisRunStatus",
                    Map.of("name", "a")),
            "blueGreen", Map.of("activeSelector", "old"));

    Map<String, Object> merged =
        StatusMerge.merge(
            current, Map.of("canary", Map.of("weights", Map.of("canary", Map.of("weight", 20)))));

    assertThat(merged)
        .containsEntry(
            "canary",
            Map.of(
                "currentStepAnalysisRunStatus",
                Map.of("name", "a"),
                "weights",
                Map.of("canary", Map.of("weight", 20))))
        .doesNotContainKey("blueGreen");
  }
}
