package dev.rollouts.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetCreation;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.PodTemplateHash;
import dev.rollouts.kubernetes.sim.Faults.RequestMatch;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionApplierIT {

  static final String NS = "shop";

  final TestCluster cluster = TestCluster.start();

  {
    cluster.createNamespace(NS);
  }

  final KubernetesClient client = cluster.client();
  final List<RolloutEvent> recorded = new ArrayList<>();
  final DecisionApplier applier =
      DecisionApplier.create(client, (rollout, event) -> recorded.add(event), WriteGuard.ALWAYS);

  @AfterEach
  void close() {
    cluster.close();
  }

  RolloutResource rollout() {
    Map<String, Object> template =
        Map.of(
            "metadata", Map.of("labels", Map.of("app", "web")),
            "spec",
                Map.of(
                    "containers",
                    List.of(
                        Map.of(
                            "name",
                            "web",
                            "image",
                            "nginx:2",
                            "env",
                            List.of(Map.of("name", "MODE", "value", "canary"))))));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", 3);
    spec.put("selector", Map.of("matchLabels", Map.of("app", "web")));
    spec.put("template", template);
    spec.put("strategy", Map.of("canary", Map.of("steps", List.of(Map.of("setWeight", 50)))));
    RolloutResource rollout =
        RolloutResource.of(
            new ObjectMetaBuilder()
                .withName("web")
                .withNamespace(NS)
                .addToAnnotations("team", "checkout")
                .build(),
            spec);
    return client.resources(RolloutResource.class).inNamespace(NS).resource(rollout).create();
  }

  RolloutResource read() {
    return client.resources(RolloutResource.class).inNamespace(NS).withName("web").get();
  }

  ReplicaSet rs(String name) {
    return client.apps().replicaSets().inNamespace(NS).withName(name).get();
  }

  /** The state as it is now: what a decision is made from. */
  ClusterState state() {
    return ClusterState.builder()
        .rollout(read())
        .replicaSets(client.apps().replicaSets().inNamespace(NS).list().getItems())
        .services(client.services().inNamespace(NS).list().getItems())
        .ingresses(client.network().v1().ingresses().inNamespace(NS).list().getItems())
        .build();
  }

  static Decision.Builder decision() {
    return Decision.builder()
        .status(RolloutStatus.builder().phase(Phase.Progressing).replicas(3).build());
  }

  static ReplicaSetCreation creation(String hash, int replicas) {
    return ReplicaSetCreation.builder()
        .name("web-" + hash)
        .podTemplateHash(hash)
        .replicas(replicas)
        .revision(2)
        .build();
  }

  static ReplicaSetUpdate update(String name, int replicas) {
    return ReplicaSetUpdate.builder().name(name).replicas(replicas).revision(1).build();
  }

  void createStableReplicaSet(int replicas) {
    rollout();
    applier.apply(state(), decision().createReplicaSet(creation("stable", replicas)).build());
  }

  @Test
  void createsTheNewReplicaSetFromTheRolloutsTemplateOwnedByTheRollout() {
    RolloutResource rollout = rollout();
    Decision decision =
        decision()
            .createReplicaSet(
                ReplicaSetCreation.builder()
                    .from(creation("abc123", 1))
                    .antiAffinity(new AntiAffinityRule("stable1", new AntiAffinity.Preferred(40)))
                    .build())
            .build();

    applier.apply(state(), decision);

    ReplicaSet rs = rs("web-abc123");
    assertThat(rs.getSpec().getReplicas()).isEqualTo(1);
    assertThat(rs.getMetadata().getLabels())
        .containsEntry("rollouts-pod-template-hash", "abc123")
        .containsEntry("app", "web");
    assertThat(rs.getSpec().getSelector().getMatchLabels())
        .containsEntry("rollouts-pod-template-hash", "abc123");
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("rollouts-pod-template-hash", "abc123");
    assertThat(
            rs.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue())
        .isEqualTo("canary");
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry("rollout.argoproj.io/revision", "2")
        .containsEntry("rollout.argoproj.io/desired-replicas", "3")
        .containsEntry("team", "checkout");
    assertThat(rs.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("Rollout");
              assertThat(owner.getUid()).isEqualTo(rollout.getMetadata().getUid());
              assertThat(owner.getController()).isTrue();
            });
    var term =
        rs.getSpec()
            .getTemplate()
            .getSpec()
            .getAffinity()
            .getPodAntiAffinity()
            .getPreferredDuringSchedulingIgnoredDuringExecution()
            .get(0);
    assertThat(term.getWeight()).isEqualTo(40);
    assertThat(
            term.getPodAffinityTerm().getLabelSelector().getMatchExpressions().get(0).getValues())
        .containsExactly("stable1");
    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(recorded).extracting(RolloutEvent::reason).containsExactly("ScalingReplicaSet");
  }

  @Test
  void appliesADecisionAlreadyTrueWithoutWriting() {
    RolloutResource rollout = rollout();
    Decision decision = decision().createReplicaSet(creation("abc123", 3)).build();
    applier.apply(state(), decision);
    long writesBefore = cluster.faults().writeRequests();

    AppliedDecision again =
        applier.apply(
            state(),
            decision()
                .addReplicaSets(
                    ReplicaSetUpdate.builder().from(update("web-abc123", 3)).revision(2).build())
                .build());

    assertThat(again.noop()).as("writes: %s", again.writes()).isTrue();
    assertThat(cluster.faults().writeRequests()).isEqualTo(writesBefore);
  }

  @Test
  void writesTheStatusThroughTheSubresourceKeepingFieldsItDoesNotOwn() {
    RolloutResource rollout = rollout();
    RolloutResource withForeignStatus = read();
    withForeignStatus.setStatus(
        Map.of(
            "phase",
            "Paused",
            "alb",
            Map.of("ingress", "web"),
            "canary",
            Map.of("currentStepAnalysisRunStatus", Map.of("name", "a1"))));
    client
        .resources(RolloutResource.class)
        .inNamespace(NS)
        .resource(withForeignStatus)
        .updateStatus();

    applier.apply(state(), decision().build());

    RolloutResource after = read();
    assertThat(after.getStatus())
        .containsEntry("phase", "Progressing")
        .containsEntry("observedGeneration", String.valueOf(rollout.getMetadata().getGeneration()))
        .containsEntry("alb", Map.of("ingress", "web"))
        .containsEntry("canary", Map.of("currentStepAnalysisRunStatus", Map.of("name", "a1")));
    assertThat(after.getSpec()).isEqualTo(rollout.getSpec());
    assertThat(after.getMetadata().getGeneration())
        .isEqualTo(rollout.getMetadata().getGeneration());
  }

  @Test
  void aStaleReadFailsWithAConflictAndOverwritesNothing() {
    createStableReplicaSet(3);
    ClusterState stale = state();
    client
        .apps()
        .replicaSets()
        .inNamespace(NS)
        .withName("web-stable")
        .edit(
            rs -> {
              rs.getMetadata().getLabels().put("touched", "by-someone-else");
              return rs;
            });

    assertThatThrownBy(
            () -> applier.apply(stale, decision().addReplicaSets(update("web-stable", 1)).build()))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e -> {
              assertThat(e.isConflict()).isTrue();
              assertThat(e.step()).isEqualTo("scale down ReplicaSet shop/web-stable");
            });
    assertThat(rs("web-stable").getSpec().getReplicas()).isEqualTo(3);
    assertThat(rs("web-stable").getMetadata().getLabels())
        .containsEntry("touched", "by-someone-else");
  }

  @Test
  void aFailureWhileSettingSelectorsLeavesTheScaleUpDoneAndTheScaleDownNotStarted() {
    createStableReplicaSet(3);
    applier.apply(state(), decision().createReplicaSet(creation("canary", 0)).build());
    client
        .services()
        .inNamespace(NS)
        .resource(service("web-canary", Map.of("app", "web")))
        .create();
    cluster.faults().fail(RequestMatch.of("PATCH", "/services/web-canary"), 500, 100);
    DecisionApplier noRetries =
        DecisionApplier.create(
            cluster.newClientWithoutRetries(), EventRecorder.NONE, WriteGuard.ALWAYS);
    Decision decision =
        decision()
            .addReplicaSets(update("web-canary", 1), update("web-stable", 2))
            .putServiceSelector(
                "web-canary", Map.of("app", "web", "rollouts-pod-template-hash", "canary"))
            .build();

    assertThatThrownBy(() -> noRetries.apply(state(), decision))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e -> {
              assertThat(e.httpCode()).contains(500);
              assertThat(e.partial().writes())
                  .extracting(ObjectWrite::name)
                  .containsExactly("web-canary");
            });
    assertThat(rs("web-canary").getSpec().getReplicas()).isEqualTo(1);
    assertThat(rs("web-stable").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void setsAndRemovesTheScaleDownDeadline() {
    createStableReplicaSet(3);
    Instant deadline = Instant.parse("2026-01-01T00:00:30.250Z");

    applier.apply(
        state(),
        decision()
            .addReplicaSets(
                ReplicaSetUpdate.builder()
                    .from(update("web-stable", 3))
                    .scaleDownDeadline(deadline)
                    .build())
            .build());
    assertThat(rs("web-stable").getMetadata().getAnnotations())
        .containsEntry("scale-down-deadline", "2026-01-01T00:00:30Z");

    applier.apply(state(), decision().addReplicaSets(update("web-stable", 0)).build());
    assertThat(rs("web-stable").getMetadata().getAnnotations())
        .doesNotContainKey("scale-down-deadline");
    assertThat(rs("web-stable").getSpec().getReplicas()).isZero();
  }

  @Test
  void pointsServicesAtTheirWholeSelector() {
    rollout();
    client
        .services()
        .inNamespace(NS)
        .resource(service("web-stable", Map.of("app", "web", "extra", "gone")))
        .create();

    applier.apply(
        state(),
        decision()
            .putServiceSelector(
                "web-stable", Map.of("app", "web", "rollouts-pod-template-hash", "s1"))
            .build());

    assertThat(
            client.services().inNamespace(NS).withName("web-stable").get().getSpec().getSelector())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("app", "web", "rollouts-pod-template-hash", "s1"));
  }

  @Test
  void createsThenUpdatesRoutingObjectsAndLeavesThemAloneWhenUnchanged() {
    rollout();
    applier.apply(state(), decision().addRoutingObjects(canaryIngress("10")).build());
    Ingress created =
        client.network().v1().ingresses().inNamespace(NS).withName("web-canary").get();
    assertThat(created.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "10");

    AppliedDecision unchanged =
        applier.apply(state(), decision().addRoutingObjects(canaryIngress("10")).build());
    applier.apply(state(), decision().addRoutingObjects(canaryIngress("30")).build());

    assertThat(unchanged.writes()).noneMatch(w -> w.kind().equals("Ingress"));
    Ingress updated =
        client.network().v1().ingresses().inNamespace(NS).withName("web-canary").get();
    assertThat(updated.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "30");
    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
  }

  @Test
  void deletesPastRevisionsAndRecordsTheDecisionsEvents() {
    createStableReplicaSet(0);
    RolloutEvent updated = RolloutEvent.normal("RolloutUpdated", "Rollout updated to revision 2");

    applier.apply(
        state(), decision().addDeleteReplicaSets("web-stable").addEvents(updated).build());

    assertThat(rs("web-stable")).isNull();
    assertThat(recorded).endsWith(updated);
  }

  @Test
  void writesNothingWhenTheGuardRefuses() {
    RolloutResource rollout = rollout();
    DecisionApplier refusing =
        DecisionApplier.create(
            client,
            EventRecorder.NONE,
            () -> {
              throw new WriteGuard.WriteRefusedException("lost the lease");
            });

    assertThatThrownBy(
            () -> refusing.apply(state(), decision().createReplicaSet(creation("abc", 1)).build()))
        .isInstanceOf(WriteGuard.WriteRefusedException.class);
    assertThat(rs("web-abc")).isNull();
  }

  @Test
  void recordsEventsAsKubernetesEventsOnTheRollout() {
    RolloutResource rollout = rollout();
    EventRecorder.kubernetes(client, "rollouts-controller")
        .record(rollout, RolloutEvent.warning("RolloutAborted", "Rollout aborted"));

    assertThat(client.v1().events().inNamespace(NS).list().getItems())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getInvolvedObject().getName()).isEqualTo("web");
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("Rollout");
              assertThat(e.getReason()).isEqualTo("RolloutAborted");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getSource().getComponent()).isEqualTo("rollouts-controller");
            });
  }

  static final String EPHEMERAL = "rollout.argoproj.io/ephemeral-metadata";
  static final PodMetadata PREVIEW =
      new PodMetadata(Map.of("role", "preview"), Map.of("example.com/stage", "preview"));
  static final PodMetadata ACTIVE = new PodMetadata(Map.of("role", "active"), Map.of());

  /** The fingerprint of the Rollout's template, as the engine sees it. */
  String rolloutFingerprint() {
    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) read().getSpec().get("template");
    return PodTemplateHash.of(template);
  }

  /**
   * A pod of {@code rs} as the ReplicaSet controller creates it: from its template, controlled by
   * it.
   */
  Pod podOf(ReplicaSet rs, String name) {
    var template = rs.getSpec().getTemplate();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .withLabels(new LinkedHashMap<>(template.getMetadata().getLabels()))
            .withAnnotations(
                new LinkedHashMap<>(
                    Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of())))
            .addToAnnotations("sidecar.example.com/status", "injected")
            .addNewOwnerReference()
            .withApiVersion("apps/v1")
            .withKind("ReplicaSet")
            .withName(rs.getMetadata().getName())
            .withUid(rs.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withSpec(template.getSpec())
            .build();
    return client.pods().inNamespace(NS).resource(pod).create();
  }

  Pod pod(String name) {
    return client.pods().inNamespace(NS).withName(name).get();
  }

  void createPreviewReplicaSetWithPods() {
    rollout();
    applier.apply(
        state(),
        decision()
            .createReplicaSet(
                ReplicaSetCreation.builder().from(creation("abc", 2)).podMetadata(PREVIEW).build())
            .build());
    podOf(rs("web-abc"), "web-abc-1");
    podOf(rs("web-abc"), "web-abc-2");
  }

  static ReplicaSetUpdate withPodMetadata(PodMetadata metadata) {
    return ReplicaSetUpdate.builder()
        .from(update("web-abc", 2))
        .revision(2)
        .podMetadata(metadata)
        .build();
  }

  @Test
  void createsTheNewReplicaSetWithItsEphemeralPodMetadataRecordedAsArgoRecordsIt() {
    rollout();

    applier.apply(
        state(),
        decision()
            .createReplicaSet(
                ReplicaSetCreation.builder().from(creation("abc", 1)).podMetadata(PREVIEW).build())
            .build());

    ReplicaSet rs = rs("web-abc");
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("app", "web", "rollouts-pod-template-hash", "abc", "role", "preview"));
    assertThat(rs.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactlyEntriesOf(Map.of("example.com/stage", "preview"));
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry(
            EPHEMERAL,
            "{\"labels\":{\"role\":\"preview\"},\"annotations\":{\"example.com/stage\":\"preview\"}}");
    assertThat(rs.getMetadata().getLabels()).doesNotContainKey("role");
    assertThat(rs.getSpec().getSelector().getMatchLabels()).doesNotContainKey("role");
    assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(rolloutFingerprint());
  }

  @Test
  void swappingPreviewForActiveMetadataPatchesTheTemplateAndTheRunningPodsAndKeepsTheFingerprint() {
    createPreviewReplicaSetWithPods();
    podOf(rs("web-abc"), "stranger");
    Pod stranger =
        client
            .pods()
            .inNamespace(NS)
            .withName("stranger")
            .edit(
                p -> {
                  p.getMetadata()
                      .setOwnerReferences(
                          List.of()); // selected by the labels, controlled by nobody
                  return p;
                });

    AppliedDecision applied =
        applier.apply(state(), decision().addReplicaSets(withPodMetadata(ACTIVE)).build());

    ReplicaSet rs = rs("web-abc");
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("role", "active");
    assertThat(rs.getSpec().getTemplate().getMetadata().getAnnotations())
        .doesNotContainKey("example.com/stage");
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry(EPHEMERAL, "{\"labels\":{\"role\":\"active\"}}");
    assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(rolloutFingerprint());
    for (String name : List.of("web-abc-1", "web-abc-2")) {
      assertThat(pod(name).getMetadata().getLabels())
          .containsEntry("role", "active")
          .containsEntry("app", "web");
      assertThat(pod(name).getMetadata().getAnnotations())
          .doesNotContainKey("example.com/stage")
          .containsEntry("sidecar.example.com/status", "injected");
    }
    assertThat(pod("stranger").getMetadata().getLabels()).containsEntry("role", "preview");
    assertThat(pod("stranger").getMetadata().getResourceVersion())
        .isEqualTo(stranger.getMetadata().getResourceVersion());
    assertThat(applied.writes())
        .extracting(ObjectWrite::kind, ObjectWrite::name)
        .containsExactly(
            tuple("ReplicaSet", "web-abc"), tuple("Pod", "web-abc-1"), tuple("Pod", "web-abc-2"));
  }

  @Test
  void anEmptyPodMetadataRemovesWhatWasInjectedAndAnAbsentOneLeavesItAlone() {
    createPreviewReplicaSetWithPods();

    AppliedDecision absent =
        applier.apply(
            state(),
            decision()
                .addReplicaSets(
                    ReplicaSetUpdate.builder()
                        .from(withPodMetadata(PREVIEW))
                        .podMetadata(Optional.empty())
                        .build())
                .build());
    assertThat(absent.writes()).noneMatch(w -> !w.kind().equals("Rollout"));
    assertThat(pod("web-abc-1").getMetadata().getLabels()).containsEntry("role", "preview");

    applier.apply(
        state(),
        decision().addReplicaSets(withPodMetadata(new PodMetadata(Map.of(), Map.of()))).build());

    ReplicaSet rs = rs("web-abc");
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("role");
    assertThat(rs.getMetadata().getAnnotations()).doesNotContainKey(EPHEMERAL);
    assertThat(pod("web-abc-1").getMetadata().getLabels()).doesNotContainKey("role");
    assertThat(pod("web-abc-2").getMetadata().getAnnotations())
        .doesNotContainKey("example.com/stage");
    assertThat(PodTemplateHash.ofReplicaSet(rs)).isEqualTo(rolloutFingerprint());
  }

  @Test
  void podsAlreadyCarryingTheirMetadataAreNotWrittenAgain() {
    createPreviewReplicaSetWithPods();
    applier.apply(state(), decision().addReplicaSets(withPodMetadata(ACTIVE)).build());

    AppliedDecision again =
        applier.apply(state(), decision().addReplicaSets(withPodMetadata(ACTIVE)).build());

    assertThat(again.writes()).noneMatch(w -> !w.kind().equals("Rollout"));
  }

  @Test
  void aPodThatChangedMeanwhileIsReadAgainAndOneThatIsGoneIsSkipped() {
    createPreviewReplicaSetWithPods();
    cluster.faults().fail(RequestMatch.of("PATCH", "/pods/web-abc-1"), 409, 1);
    cluster.faults().fail(RequestMatch.of("PATCH", "/pods/web-abc-2"), 404, 1);

    applier.apply(state(), decision().addReplicaSets(withPodMetadata(ACTIVE)).build());

    assertThat(pod("web-abc-1").getMetadata().getLabels()).containsEntry("role", "active");
    assertThat(cluster.faults().pendingFaults()).isZero();
  }

  @Test
  void setsTheRolloutsRevisionToTheNewReplicaSetsKeepingItsOtherAnnotations() {
    rollout();
    RolloutStatus current =
        RolloutStatus.builder().phase(Phase.Progressing).replicas(3).currentPodHash("abc").build();

    applier.apply(state(), decision().status(current).createReplicaSet(creation("abc", 1)).build());

    RolloutResource after = read();
    assertThat(after.getMetadata().getAnnotations())
        .containsEntry("rollout.argoproj.io/revision", "2")
        .containsEntry("team", "checkout");
    assertThat(after.getStatus())
        .containsEntry("currentPodHash", "abc")
        .containsEntry("observedGeneration", String.valueOf(after.getMetadata().getGeneration()));

    applier.apply(
        state(),
        decision()
            .status(current)
            .addReplicaSets(
                ReplicaSetUpdate.builder().from(update("web-abc", 1)).revision(3).build())
            .build());
    assertThat(read().getMetadata().getAnnotations())
        .containsEntry("rollout.argoproj.io/revision", "3")
        .containsEntry("team", "checkout");

    AppliedDecision again =
        applier.apply(
            state(),
            decision()
                .status(current)
                .addReplicaSets(
                    ReplicaSetUpdate.builder().from(update("web-abc", 1)).revision(3).build())
                .build());
    assertThat(again.noop()).as("writes: %s", again.writes()).isTrue();
  }

  static Service service(String name, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withSelector(selector)
        .addNewPort()
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }

  static Manifest canaryIngress(String weight) {
    return new Manifest(
        Map.of(
            "apiVersion",
            "networking.k8s.io/v1",
            "kind",
            "Ingress",
            "metadata",
            Map.of(
                "name",
                "web-canary",
                "namespace",
                NS,
                "annotations",
                Map.of(
                    "nginx.ingress.kubernetes.io/canary",
                    "true",
                    "nginx.ingress.kubernetes.io/canary-weight",
                    weight)),
            "spec",
            Map.of(
                "rules",
                List.of(
                    Map.of(
                        "host",
                        "shop.example.com",
                        "http",
                        Map.of(
                            "paths",
                            List.of(
                                Map.of(
                                    "path", "/",
                                    "pathType", "Prefix",
                                    "backend",
                                        Map.of(
                                            "service",
                                            Map.of(
                                                "name",
                                                "web-canary",
                                                "port",
                                                Map.of("number", 80)))))))))));
  }
}
