package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.Backend;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With {@code trafficRouting.nginx}, a canary Ingress carries each step's weight. */
class NginxCanaryIngressIT {

  static final String WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";
  static final String CANARY_INGRESS = "web-web-canary";

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  Optional<String> weight() {
    Ingress canary =
        fixture.admin.network().v1().ingresses().inNamespace(NS).withName(CANARY_INGRESS).get();
    return Optional.ofNullable(canary).map(i -> i.getMetadata().getAnnotations().get(WEIGHT));
  }

  Map<String, String> selector(String service) {
    return fixture.admin.services().inNamespace(NS).withName(service).get().getSpec().getSelector();
  }

  String hash(String image) {
    return fixture
        .replicaSetRunning("web", image)
        .getMetadata()
        .getLabels()
        .get("rollouts-pod-template-hash");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void theCanaryIngressFollowsTheStepsAndServicesSelectTheirReplicaSets(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.create(Manifests.service(NS, "web-stable", "web"));
    fixture.create(Manifests.service(NS, "web-canary", "web"));
    fixture.create(Manifests.ingress(NS, "web", "shop.example.com", "web-stable"));
    fixture.controller("controller");
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            4,
            "app:1",
            Map.of(
                "canaryService",
                "web-canary",
                "stableService",
                "web-stable",
                "scaleDownDelaySeconds",
                1,
                "trafficRouting",
                Map.of("nginx", Map.of("stableIngress", "web")),
                "steps",
                List.of(setWeight(20), pause(), setWeight(60), pause()))));
    fixture.awaitHealthyOn("web", "app:1");

    fixture.setImage("web", "app:2");
    fixture.awaitStatus(
        "web",
        "pauses at step 1",
        s ->
            Integer.valueOf(1).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));
    assertThat(weight()).contains("20");
    assertThat(selector("web-canary")).containsEntry("rollouts-pod-template-hash", hash("app:2"));
    assertThat(selector("web-stable")).containsEntry("rollouts-pod-template-hash", hash("app:1"));
    Ingress canary =
        fixture.admin.network().v1().ingresses().inNamespace(NS).withName(CANARY_INGRESS).get();
    assertThat(
            canary
                .getSpec()
                .getRules()
                .get(0)
                .getHttp()
                .getPaths()
                .get(0)
                .getBackend()
                .getService()
                .getName())
        .isEqualTo("web-canary");
    assertThat(canary.getMetadata().getOwnerReferences())
        .anyMatch(o -> o.getKind().equals("Rollout") && o.getName().equals("web"));

    fixture.promote("web");
    fixture.awaitStatus(
        "web",
        "pauses at step 3",
        s ->
            Integer.valueOf(3).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));
    assertThat(weight()).contains("60");

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    fixture.awaitStatus(
        "web",
        "has scaled the old ReplicaSet down",
        s -> fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas() == 0);

    assertThat(weight())
        .as("all traffic back on the stable Ingress, now the new version")
        .contains("0");
    assertThat(selector("web-stable")).containsEntry("rollouts-pod-template-hash", hash("app:2"));
    assertThat(
            fixture
                .admin
                .network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("web")
                .get()
                .getMetadata()
                .getAnnotations())
        .doesNotContainKey(WEIGHT);
  }
}
