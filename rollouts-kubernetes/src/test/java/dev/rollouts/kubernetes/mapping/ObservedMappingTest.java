package dev.rollouts.kubernetes.mapping;

import static dev.rollouts.kubernetes.mapping.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.traffic.Manifest;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedMappingTest {

  private final ClusterState state = StateFile.parse(resource("observed-state.yaml"));
  private final MappedRollout mapped = RolloutMapper.map(state);
  private final Observed observed = mapped.observed();

  @Test
  void keepsTheReplicaSetsTheRolloutControlsOrCanAdopt() {
    assertThat(observed.replicaSets())
        .extracting(ObservedReplicaSet::name)
        .containsExactly("web-7bb4fbc896", "web-5d8f9c7b4d", "web-orphan");
  }

  @Test
  void readsEveryFieldOfAReplicaSet() {
    ObservedReplicaSet stable = observed.replicaSet("web-7bb4fbc896").orElseThrow();

    assertThat(stable.podTemplateHash()).isEqualTo("7bb4fbc896");
    assertThat(stable.revision()).isEqualTo(1);
    assertThat(stable.specReplicas()).isEqualTo(4);
    assertThat(stable.statusReplicas()).isEqualTo(4);
    assertThat(stable.readyReplicas()).isEqualTo(4);
    assertThat(stable.availableReplicas()).isEqualTo(3);
    assertThat(stable.creationTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(stable.desiredReplicasAnnotation()).contains(4);
    assertThat(stable.scaleDownDeadline()).contains(Instant.parse("2026-01-01T00:10:30Z"));
  }

  @Test
  void recognisesTheReplicaSetOfTheCurrentTemplateByItsFingerprint() {
    ObservedReplicaSet canary = observed.replicaSet("web-5d8f9c7b4d").orElseThrow();
    ObservedReplicaSet stable = observed.replicaSet("web-7bb4fbc896").orElseThrow();

    assertThat(canary.templateHash()).isEqualTo(mapped.rollout().spec().template().hash());
    assertThat(stable.templateHash()).isNotEqualTo(mapped.rollout().spec().template().hash());
  }

  @Test
  void defaultsWhatTheApiServerWouldDefault() {
    ObservedReplicaSet orphan = observed.replicaSet("web-orphan").orElseThrow();

    assertThat(orphan.specReplicas()).isEqualTo(1);
    assertThat(orphan.statusReplicas()).isZero();
    assertThat(orphan.revision()).isZero();
    assertThat(orphan.desiredReplicasAnnotation()).isEmpty();
    assertThat(orphan.scaleDownDeadline()).isEmpty();
    assertThat(orphan.podTemplateHash()).isEqualTo(orphan.templateHash());
  }

  @Test
  void keepsOnlyTheServicesTheStrategyNames() {
    assertThat(observed.services())
        .containsOnly(
            Map.entry(
                "web-stable",
                new ObservedService(
                    "web-stable",
                    Map.of("app", "web", "rollouts-pod-template-hash", "7bb4fbc896"))),
            Map.entry("web-canary", new ObservedService("web-canary", Map.of())));
  }

  @Test
  void passesEveryIngressOfTheNamespaceWhole() {
    assertThat(observed.routingObjects())
        .singleElement()
        .satisfies(
            ingress -> {
              assertThat(ingress.is("Ingress", "web")).isTrue();
              assertThat(ingress.apiVersion()).isEqualTo("networking.k8s.io/v1");
              assertThat(ingress.annotations())
                  .containsEntry("kubernetes.io/ingress.class", "nginx");
              assertThat(ingress.content())
                  .extractingByKey("spec")
                  .asString()
                  .contains("shop.example.com");
            });
  }

  @Test
  void matchesOwnersByNameWhenTheRolloutHasNoUid() {
    ClusterState withoutUid =
        ClusterState.builder()
            .from(state)
            .rollout(
                Fixtures.resourceOf(
                    resource("observed-state.yaml")
                        .replace("  uid: 11111111-1111-1111-1111-111111111111\n", "")))
            .build();

    assertThat(RolloutMapper.map(withoutUid).observed().replicaSets())
        .extracting(ObservedReplicaSet::name)
        .containsExactly(
            "web-7bb4fbc896", "web-5d8f9c7b4d", "web-of-another-rollout", "web-orphan");
  }

  @Test
  void ignoresAnOwnerOfAnotherName() {
    ReplicaSet rs = state.replicaSets().get(0);
    rs.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReference("argoproj.io/v1alpha1", false, true, "Rollout", "api", null)));

    assertThat(
            ObservedReader.owned(
                rs,
                dev.rollouts.core.spec.Rollout.builder()
                    .from(mapped.rollout())
                    .uid(java.util.Optional.empty())
                    .build()))
        .isFalse();
  }

  @Test
  void namesTheReplicaSetAndAnnotationThatCannotBeRead() {
    String yaml =
        resource("observed-state.yaml")
            .replace("rollout.argoproj.io/revision: \"1\"", "rollout.argoproj.io/revision: one");

    assertThatThrownBy(() -> RolloutMapper.map(StateFile.parse(yaml)))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "ReplicaSet shop/web-7bb4fbc896:"
                + " metadata.annotations[\"rollout.argoproj.io/revision\"]: must be an integer, was"
                + " \"one\"");
  }

  @Test
  void namesTheDeadlineThatIsNotATime() {
    String yaml = resource("observed-state.yaml").replace("\"2026-01-01T00:10:30Z\"", "later");

    assertThatThrownBy(() -> RolloutMapper.map(StateFile.parse(yaml)))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "ReplicaSet shop/web-7bb4fbc896: metadata.annotations[\"scale-down-deadline\"]: "
                + "must be an RFC 3339 time like \"2026-01-01T00:00:00Z\", was \"later\"");
  }

  @Test
  void requiresACreationTimestamp() {
    String yaml =
        resource("observed-state.yaml")
            .replace("    creationTimestamp: \"2026-01-01T00:05:00Z\"\n", "");

    assertThatThrownBy(() -> RolloutMapper.map(StateFile.parse(yaml)))
        .isInstanceOf(ManifestException.class)
        .hasMessage("ReplicaSet shop/web-5d8f9c7b4d: metadata.creationTimestamp: is required");
  }

  @Test
  void manifestsAreDeeplyImmutable() {
    Manifest ingress = observed.routingObjects().get(0);

    assertThatThrownBy(() -> ingress.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
