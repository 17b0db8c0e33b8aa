package dev.rollouts.examples.operatorsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.FastClock;
import dev.rollouts.kubernetes.sim.PodSimulator;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example operator, against the in-process API server: its own controller keeps working, and
 * the Rollouts reconciler it registered rolls {@code examples/canary.yaml} out to a new image.
 */
class ShopOperatorIT {

  static final String NS = "shop";

  final TestCluster cluster = TestCluster.start();
  final KubernetesClient admin = cluster.client();
  final PodSimulator pods = PodSimulator.of(cluster.newClient(), Duration.ofMillis(20)).start();

  /** examples/canary.yaml pauses 10 s twice: at twenty times real time, half a second each. */
  final FastClock clock = new FastClock(20);

  Operator operator;

  @AfterEach
  void close() {
    if (operator != null) {
      operator.stop();
    }
    pods.close();
    cluster.close();
  }

  @Test
  void theRegisteredReconcilerRollsTheExampleCanaryOutBesideTheHostsOwnController()
      throws Exception {
    cluster.createNamespace(NS);
    operator =
        ShopOperator.create(
            cluster.newClient("shop-operator"),
            b -> b.namespace(NS).clock(clock, clock.rate()),
            Optional.empty());
    operator.start();

    RolloutResource rollout;
    try (InputStream in = Files.newInputStream(Path.of("../canary.yaml"))) {
      rollout = admin.getKubernetesSerialization().unmarshal(in, RolloutResource.class);
    }
    rollout.getMetadata().setNamespace(NS);
    admin.resources(RolloutResource.class).inNamespace(NS).resource(rollout).create();
    admin
        .configMaps()
        .inNamespace(NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("world")
                .addToLabels("shop/greeting", "yes")
                .endMetadata()
                .build())
        .create();
    awaitHealthyOn("nginx:1.25");

    admin
        .resources(RolloutResource.class)
        .inNamespace(NS)
        .withName("canary-demo")
        .edit(
            r -> {
              container(r).put("image", "nginx:1.27");
              return r;
            });
    awaitHealthyOn("nginx:1.27");

    assertThat(replicaSetRunning("nginx:1.25").getSpec().getReplicas()).isZero();
    assertThat(replicaSetRunning("nginx:1.27").getSpec().getReplicas()).isEqualTo(3);
    Poll.until(
        "the host's own controller answered",
        () ->
            "hello, world"
                .equals(
                    admin.configMaps().inNamespace(NS).withName("world").get().getData() == null
                        ? null
                        : admin
                            .configMaps()
                            .inNamespace(NS)
                            .withName("world")
                            .get()
                            .getData()
                            .get("reply")),
        () -> admin.configMaps().inNamespace(NS).withName("world").get());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> container(RolloutResource r) {
    var template = (Map<String, Object>) r.getSpec().get("template");
    var spec = (Map<String, Object>) template.get("spec");
    return (Map<String, Object>) ((List<Object>) spec.get("containers")).get(0);
  }

  Map<String, Object> status() {
    RolloutResource r =
        admin.resources(RolloutResource.class).inNamespace(NS).withName("canary-demo").get();
    return r == null ? Map.of() : r.getStatus();
  }

  Optional<ReplicaSet> findReplicaSetRunning(String image) {
    return admin.apps().replicaSets().inNamespace(NS).list().getItems().stream()
        .filter(
            rs ->
                rs.getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage()
                    .equals(image))
        .findFirst();
  }

  ReplicaSet replicaSetRunning(String image) {
    return findReplicaSetRunning(image).orElseThrow();
  }

  void awaitHealthyOn(String image) {
    Poll.until(
        "canary-demo is Healthy on " + image,
        () -> {
          Map<String, Object> status = status();
          return "Healthy".equals(status.get("phase"))
              && findReplicaSetRunning(image)
                  .map(
                      rs ->
                          rs.getMetadata()
                              .getLabels()
                              .get("rollouts-pod-template-hash")
                              .equals(status.get("stableRS")))
                  .orElse(false);
        },
        () -> "status: " + status());
  }
}
