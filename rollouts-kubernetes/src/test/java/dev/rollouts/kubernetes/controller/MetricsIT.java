package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.PodSimulator;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsIT {

  final TestCluster cluster = TestCluster.start();
  final PodSimulator pods = PodSimulator.of(cluster.newClient(), Duration.ofMillis(20)).start();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final RolloutController controller =
      RolloutController.builder(cluster.newClient())
          .metrics(MicrometerMetrics.of(registry))
          .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(200))
          .build();

  @AfterEach
  void close() {
    controller.close();
    pods.close();
    cluster.close();
  }

  @Test
  void reportsEachRolloutsStateReconcilesAndEventsAndForgetsADeletedRollout() {
    cluster.createNamespace("shop");
    controller.start();
    RolloutResource rollout =
        RolloutResource.of(
            new ObjectMetaBuilder().withNamespace("shop").withName("web").build(),
            Map.of(
                "replicas", 2,
                "selector", Map.of("matchLabels", Map.of("app", "web")),
                "template",
                    Map.of(
                        "metadata",
                        Map.of("labels", Map.of("app", "web")),
                        "spec",
                        Map.of("containers", List.of(Map.of("name", "app", "image", "app:1")))),
                "strategy", Map.of("canary", Map.of("steps", List.of(Map.of("setWeight", 50))))));
    cluster
        .client()
        .resources(RolloutResource.class)
        .inNamespace("shop")
        .resource(rollout)
        .create();

    Poll.until(
        "rollout_info says Healthy",
        () ->
            registry
                    .find("rollout.info")
                    .tags(
                        "namespace",
                        "shop",
                        "name",
                        "web",
                        "strategy",
                        "canary",
                        "phase",
                        "Healthy")
                    .gauge()
                != null,
        registry::getMetersAsString);

    assertThat(registry.find("rollout.info").tags("name", "web").gauges())
        .as("one series per Rollout")
        .hasSize(1);
    assertThat(registry.get("rollout.info.replicas.desired").tags("name", "web").gauge().value())
        .isEqualTo(2);
    assertThat(
            registry
                .get("rollout.reconcile")
                .tags("namespace", "shop", "name", "web")
                .timer()
                .count())
        .isPositive();
    assertThat(
            registry
                .find("rollout.events")
                .tags("name", "web", "reason", "ScalingReplicaSet")
                .counter())
        .isNotNull();

    cluster.client().resources(RolloutResource.class).inNamespace("shop").withName("web").delete();
    Poll.until(
        "the Rollout's meters are gone",
        () -> registry.find("rollout.info").tags("name", "web").gauges().isEmpty(),
        registry::getMetersAsString);
  }
}
