package dev.rollouts.kubernetes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestClusterTest {

  static final ResourceDefinitionContext ROLLOUTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Rollout")
          .withPlural("rollouts")
          .withNamespaced(true)
          .build();

  final TestCluster cluster = TestCluster.start();

  {
    cluster.createNamespace("ns");
  }

  final KubernetesClient client = cluster.client();

  @AfterEach
  void close() {
    cluster.close();
  }

  static ReplicaSet replicaSet(String name, String image, int replicas) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  ReplicaSet get(String name) {
    return client.apps().replicaSets().inNamespace("ns").withName(name).get();
  }

  @Test
  void simulatedControllerBringsStatusToSpecAfterAScale() {
    try (var sim = PodSimulator.of(cluster.newClient(), Duration.ofMillis(20)).start()) {
      client.resource(replicaSet("web", "nginx:1", 3)).create();
      Poll.until(
          "3 available",
          () -> intOf(get("web").getStatus().getAvailableReplicas()) == 3,
          () -> get("web"));

      client.apps().replicaSets().inNamespace("ns").withName("web").scale(1);
      Poll.until(
          "1 replica", () -> intOf(get("web").getStatus().getReplicas()) == 1, () -> get("web"));

      assertThat(get("web").getStatus().getReadyReplicas()).isEqualTo(1);
      assertThat(get("web").getSpec().getReplicas()).isEqualTo(1);
    }
  }

  @Test
  void podsOfANeverReadyImageExistButAreNeverReady() {
    try (var sim = PodSimulator.of(cluster.newClient(), Duration.ofMillis(20)).start()) {
      sim.neverReady("nginx:broken");
      client.resource(replicaSet("good", "nginx:1", 2)).create();
      client.resource(replicaSet("bad", "nginx:broken", 2)).create();

      Poll.until(
          "good is available",
          () -> intOf(get("good").getStatus().getAvailableReplicas()) == 2,
          () -> get("good"));
      Poll.until(
          "bad's pods exist",
          () -> get("bad").getStatus() != null && intOf(get("bad").getStatus().getReplicas()) == 2,
          () -> get("bad"));

      assertThat(get("bad").getStatus().getReadyReplicas()).isZero();
      assertThat(get("bad").getStatus().getAvailableReplicas()).isZero();
    }
  }

  @Test
  void anInjectedFaultAnswersTheMatchingRequestsThenTheServerServesAgain() {
    client.resource(replicaSet("web", "nginx:1", 1)).create();
    cluster.faults().fail(Faults.RequestMatch.of("GET", "/replicasets/web"), 500, 1);
    KubernetesClient noRetries = cluster.newClientWithoutRetries();

    assertThatThrownBy(() -> noRetries.apps().replicaSets().inNamespace("ns").withName("web").get())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
    assertThat(noRetries.apps().replicaSets().inNamespace("ns").withName("web").get()).isNotNull();
    assertThat(cluster.faults().pendingFaults()).isZero();
  }

  @Test
  void anInformerWatchesAgainAfterItsWatchIsDropped() {
    AtomicInteger updates = new AtomicInteger();
    client.resource(replicaSet("web", "nginx:1", 1)).create();
    try (var informer =
        cluster
            .newClient()
            .apps()
            .replicaSets()
            .inNamespace("ns")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ReplicaSet obj) {}

                  @Override
                  public void onUpdate(ReplicaSet oldObj, ReplicaSet newObj) {
                    updates.incrementAndGet();
                  }

                  @Override
                  public void onDelete(ReplicaSet obj, boolean deletedFinalStateUnknown) {}
                })) {
      Poll.until(
          "a watch is open",
          () -> cluster.faults().openWatches() > 0,
          cluster.faults()::requestsByMethod);

      assertThat(cluster.faults().dropWatches()).isPositive();
      Poll.until(
          "the watch is open again",
          () -> cluster.faults().openWatches() > 0,
          cluster.faults()::requestsByMethod);
      client.apps().replicaSets().inNamespace("ns").withName("web").scale(4);

      Poll.until(
          "the informer saw the scale",
          () -> intOf(informer.getStore().getByKey("ns/web").getSpec().getReplicas()) == 4,
          () -> informer.getStore().getByKey("ns/web"));
    }
  }

  @Test
  void theInstalledCrdKeepsStatusOutOfSpecWrites() {
    var rollouts = client.genericKubernetesResources(ROLLOUTS).inNamespace("ns");
    GenericKubernetesResource rollout =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Rollout")
            .withNewMetadata()
            .withName("r")
            .withNamespace("ns")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("replicas", 2))
            .addToAdditionalProperties("status", Map.of("phase", "Healthy"))
            .build();

    GenericKubernetesResource created = rollouts.resource(rollout).create();

    assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("rollouts.argoproj.io")
                .get()
                .getSpec()
                .getVersions()
                .get(0)
                .getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsSubsequence("Desired", "Current", "Up-to-date", "Available");
  }

  static int intOf(Integer value) {
    return value == null ? 0 : value;
  }
}
