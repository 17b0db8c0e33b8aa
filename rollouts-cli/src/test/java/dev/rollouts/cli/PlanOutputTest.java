package dev.rollouts.cli;

import static dev.rollouts.cli.Cli.example;
import static dev.rollouts.cli.Cli.file;
import static dev.rollouts.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetCreation;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code rollouts plan} prints for a decision: the shape of its JSON. */
class PlanOutputTest {

  private static final Manifest CANARY_INGRESS =
      new Manifest(
          Map.of(
              "apiVersion",
              "networking.k8s.io/v1",
              "kind",
              "Ingress",
              "metadata",
              Map.of(
                  "name", "web-web-canary",
                  "namespace", "shop",
                  "annotations", Map.of("nginx.ingress.kubernetes.io/canary-weight", "20")),
              "spec",
              Map.of("ingressClassName", "nginx")));

  private static final Decision DECISION =
      Decision.builder()
          .addReplicaSet(
              ReplicaSetUpdate.builder().name("web-687d76d795").replicas(3).revision(1).build())
          .addDeleteReplicaSet("web-old")
          .createReplicaSet(
              ReplicaSetCreation.builder()
                  .name("web-9f8d7c6b5")
                  .podTemplateHash("9f8d7c6b5")
                  .replicas(1)
                  .revision(3)
                  .build())
          .putServiceSelector(
              "web-canary", Map.of("app", "web", "rollouts-pod-template-hash", "9f8d7c6b5"))
          .addRoutingObject(CANARY_INGRESS)
          .status(RolloutStatus.builder().currentStepIndex(2).observedGeneration("2").build())
          .requeueAfter(Duration.ofSeconds(30))
          .build();

  @TempDir Path dir;

  @Test
  void printsOneJsonObjectPerLineWithTheContractsKeysInOrder() throws Exception {
    Cli.Result result = run(() -> fixed(DECISION), "plan", "-f", state().toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).endsWith("\n").doesNotContain("\n ");
    assertThat(result.plan())
        .containsOnlyKeys("replicaSets", "status", "services", "ingresses", "requeueAfterSeconds");
    assertThat(result.out())
        .startsWith("{\"replicaSets\":{")
        .contains(",\"status\":{")
        .contains(",\"services\":{")
        .contains(",\"ingresses\":[")
        .contains(",\"requeueAfterSeconds\":30}");
  }

  @Test
  void listsEveryReplicaSetOfTheFileWithItsDesiredCountThenTheOneToCreate() throws Exception {
    Map<String, Object> plan = run(() -> fixed(DECISION), "plan", "-f", state().toString()).plan();

    assertThat(plan.get("replicaSets"))
        .isEqualTo(
            Map.of("web-687d76d795", 3, "web-5b7c6f8d49", 1, "web-old", 0, "web-9f8d7c6b5", 1));
    List<String> names =
        ((Map<?, ?>) plan.get("replicaSets")).keySet().stream().map(String::valueOf).toList();
    assertThat(names)
        .containsExactly("web-687d76d795", "web-5b7c6f8d49", "web-old", "web-9f8d7c6b5");
  }

  @Test
  void writesTheStatusWithArgosFieldNames() throws Exception {
    Map<String, Object> plan = run(() -> fixed(DECISION), "plan", "-f", state().toString()).plan();

    assertThat(plan.get("status"))
        .isEqualTo(
            Map.of(
                "currentStepIndex",
                2,
                "observedGeneration",
                "2",
                "canary",
                Map.of(),
                "blueGreen",
                Map.of()));
  }

  @Test
  void writesEachServiceSelectorAndEachRoutingObjectWhole() throws Exception {
    Map<String, Object> plan = run(() -> fixed(DECISION), "plan", "-f", state().toString()).plan();

    assertThat(plan.get("services"))
        .isEqualTo(
            Map.of(
                "web-canary",
                Map.of(
                    "selector", Map.of("app", "web", "rollouts-pod-template-hash", "9f8d7c6b5"))));
    assertThat(plan.get("ingresses")).isEqualTo(List.of(CANARY_INGRESS.content()));
  }

  @Test
  void writesNoRequeueAsNullAndAFractionOfASecondAsADecimal() throws Exception {
    Decision never =
        Decision.builder().from(DECISION).requeueAfter(java.util.Optional.empty()).build();
    Decision soon = Decision.builder().from(DECISION).requeueAfter(Duration.ofMillis(2500)).build();

    assertThat(run(() -> fixed(never), "plan", "-f", state().toString()).out())
        .endsWith(",\"requeueAfterSeconds\":null}\n");
    assertThat(run(() -> fixed(soon), "plan", "-f", state().toString()).out())
        .endsWith(",\"requeueAfterSeconds\":2.5}\n");
  }

  @Test
  void keepsTheCountOfAReplicaSetTheDecisionLeavesAlone() throws Exception {
    Decision nothing = Decision.builder().status(RolloutStatus.builder().build()).build();

    Map<String, Object> plan = run(() -> fixed(nothing), "plan", "-f", state().toString()).plan();

    assertThat(plan.get("replicaSets"))
        .isEqualTo(Map.of("web-687d76d795", 4, "web-5b7c6f8d49", 1, "web-old", 0));
    assertThat(plan.get("services")).isEqualTo(Map.of());
    assertThat(plan.get("ingresses")).isEqualTo(List.of());
  }

  /** The canary example plus an old ReplicaSet at zero. */
  private Path state() throws Exception {
    return file(
        dir,
        "state.yaml",
        Files.readString(example("canary-state.yaml"))
            + """
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-old
  namespace: shop
  creationTimestamp: "2025-12-01T00:00:00Z"
  labels: {app: web, rollouts-pod-template-hash: 4f5d6c7b8}
  ownerReferences:
  - {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web, uid: 5b0a7e3c-58d1-4d7e-9a57-0d6c3c1f8e21, controller: true}
spec: {replicas: 0}
""");
  }

  private static RolloutEngine fixed(Decision decision) {
    return new RolloutEngine() {
      @Override
      public Decision decide(Rollout rollout, Observed observed, Instant now) {
        return decision;
      }

      @Override
      public List<TrafficPlugin> plugins() {
        return List.of();
      }
    };
  }
}
