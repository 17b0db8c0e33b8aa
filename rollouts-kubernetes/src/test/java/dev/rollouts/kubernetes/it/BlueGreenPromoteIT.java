package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import dev.rollouts.kubernetes.sim.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Blue-green with a preview and an active Service and {@code autoPromotionEnabled: false}: the new
 * version runs beside the old behind the preview Service until promoted, then takes the active
 * Service at once.
 */
class BlueGreenPromoteIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  Map<String, String> selector(String service) {
    return fixture.admin.services().inNamespace(NS).withName(service).get().getSpec().getSelector();
  }

  String hash(String image) {
    return fixture.replicaSetRunning("web", image).getMetadata().getLabels().get("rollouts-pod-template-hash");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void thePreviewRunsBesideTheActiveUntilPromoted(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.create(Manifests.service(NS, "web-active", "web"));
    fixture.create(Manifests.service(NS, "web-preview", "web"));
    fixture.controller("controller");
    fixture.create(
        Manifests.blueGreen(NS, "web", 3, "app:1",
            Map.of(
                "activeService", "web-active",
                "previewService", "web-preview",
                "autoPromotionEnabled", false,
                "scaleDownDelaySeconds", 1)));
    fixture.awaitHealthyOn("web", "app:1");
    assertThat(selector("web-active")).containsEntry("rollouts-pod-template-hash", hash("app:1"));

    fixture.setImage("web", "app:2");
    fixture.awaitStatus("web", "pauses before promotion", s -> "Paused".equals(s.get("phase")) && s.containsKey("pauseConditions"));

    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(3);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isEqualTo(3);
    assertThat(selector("web-preview")).containsEntry("rollouts-pod-template-hash", hash("app:2"));
    assertThat(selector("web-active")).containsEntry("rollouts-pod-template-hash", hash("app:1"));

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    fixture.awaitStatus("web", "has scaled the old version down", s -> fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas() == 0);

    assertThat(selector("web-active")).containsEntry("rollouts-pod-template-hash", hash("app:2"));
    assertThat(fixture.status("web")).extractingByKey("blueGreen").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("activeSelector", hash("app:2"));
  }
}
