package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.crd.RolloutResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two controllers share a cluster: one limited to a namespace and an instance id, one for the
 * unlabelled Rollouts; each manages only its own.
 */
class ScopeIT {

  static final String INSTANCE_ID = "argo-rollouts.argoproj.io/controller-instance-id";

  final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  RolloutResource rollout(String namespace, String name, String instanceId) {
    RolloutResource r =
        Manifests.canary(namespace, name, 2, "app:1", Map.of("steps", List.of(setWeight(50))));
    if (instanceId != null) {
      r.getMetadata().setLabels(Map.of(INSTANCE_ID, instanceId));
    }
    return r;
  }

  long writesTouching(String userAgent, String fragment) {
    return fixture
        .cluster
        .faults()
        .count(r -> r.userAgent().equals(userAgent) && r.isWrite() && r.path().contains(fragment));
  }

  @Test
  void eachControllerManagesOnlyTheRolloutsOfItsNamespaceAndInstance() {
    fixture.controller("team-a", b -> b.namespace("shop").instanceId("team-a"));
    fixture.controller("default", b -> b);
    fixture.create(rollout("shop", "checkout", "team-a"));
    fixture.create(rollout("shop", "search", null));
    fixture.cluster.createNamespace("other");
    fixture.create(rollout("other", "billing", "team-a"));

    fixture.awaitHealthyOn("checkout", "app:1");
    fixture.awaitHealthyOn("search", "app:1");
    fixture.touchAndAwaitSync("team-a", "shop", "checkout");
    fixture.touchAndAwaitSync("default", "shop", "search");
    fixture.touch("other", "billing");
    fixture.touchAndAwaitSync("team-a", "shop", "checkout");

    assertThat(writesTouching("team-a", "/namespaces/shop/rollouts/checkout")).isPositive();
    assertThat(writesTouching("team-a", "search")).isZero();
    assertThat(writesTouching("default", "/namespaces/shop/rollouts/search")).isPositive();
    assertThat(writesTouching("default", "checkout")).isZero();
    assertThat(
            fixture
                .admin
                .resources(RolloutResource.class)
                .inNamespace("other")
                .withName("billing")
                .get()
                .getStatus())
        .as("team-a watches shop only, the default controller skips labelled Rollouts")
        .isEmpty();
  }
}
