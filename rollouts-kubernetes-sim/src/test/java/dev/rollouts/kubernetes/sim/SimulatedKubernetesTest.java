package dev.rollouts.kubernetes.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API server's behaviour as a fabric8 client sees it (the same rules a real one follows). */
class SimulatedKubernetesTest {

  private final SimulatedKubernetes cluster = SimulatedKubernetes.start();
  private final KubernetesClient client = cluster.client();

  @AfterEach
  void close() {
    cluster.close();
  }

  static ReplicaSet replicaSet(String name, int replicas, String image) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
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
        .withName("main")
        .withImage(image)
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  static Deployment deployment() {
    ReplicaSet rs = replicaSet("web", 0, "nginx:1");
    return new DeploymentBuilder()
        .withMetadata(rs.getMetadata())
        .withNewSpec()
        .withReplicas(0)
        .withSelector(rs.getSpec().getSelector())
        .withTemplate(rs.getSpec().getTemplate())
        .endSpec()
        .build();
  }

  private List<Pod> pods(String app) {
    return client.pods().inNamespace("shop").withLabel("app", app).list().getItems();
  }

  @Test
  void objectsNeedTheirNamespaceToExist() {
    assertThatThrownBy(() -> client.resource(replicaSet("web", 1, "nginx:1")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getMessage()).contains("namespaces \"shop\" not found");
            });
    cluster.createNamespace("shop");
    assertThat(client.resource(replicaSet("web", 1, "nginx:1")).create().getMetadata().getUid())
        .isNotEmpty();
  }

  @Test
  void aReplicaSetGetsReadyPodsWithIpsAndItsStatusFollows() {
    cluster.createNamespace("shop");
    client.resource(replicaSet("web", 3, "nginx:1")).create();
    await(
        () -> {
          ReplicaSet rs = client.apps().replicaSets().inNamespace("shop").withName("web").get();
          return rs.getStatus() != null
              && Integer.valueOf(3).equals(rs.getStatus().getReadyReplicas());
        },
        "3 pods are ready");
    List<Pod> pods = pods("web");
    assertThat(pods).hasSize(3);
    assertThat(pods)
        .allSatisfy(
            p -> {
              assertThat(p.getStatus().getPodIP()).startsWith("10.244.");
              assertThat(p.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("web");
              assertThat(p.getMetadata().getName()).matches("web-[a-z0-9]{5}");
            });
  }

  @Test
  void scalingDownRemovesPodsAndDeletingTheOwnerCollectsTheRest() {
    cluster.createNamespace("shop");
    client.resource(replicaSet("web", 3, "nginx:1")).create();
    await(() -> pods("web").size() == 3, "3 pods exist");
    client.apps().replicaSets().inNamespace("shop").withName("web").scale(1);
    await(() -> pods("web").size() == 1, "1 pod is left");
    client.apps().replicaSets().inNamespace("shop").withName("web").delete();
    await(() -> pods("web").isEmpty(), "the garbage collector deleted the last pod");
  }

  @Test
  void aStaleResourceVersionIsAConflictAndGenerationCountsSpecChanges() {
    cluster.createNamespace("shop");
    ConfigMap cm =
        client
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("c")
                    .withNamespace("shop")
                    .endMetadata()
                    .addToData("a", "1")
                    .build())
            .create();
    // a Deployment: nothing but this test writes it
    Deployment rs = client.resource(deployment()).create();
    assertThat(rs.getMetadata().getGeneration()).isEqualTo(1L);
    Deployment stale = client.apps().deployments().inNamespace("shop").withName("web").get();
    rs.getSpec().setReplicas(2);
    Deployment updated = client.resource(rs).update();
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(stale.getMetadata().getResourceVersion()));
    stale.getSpec().setReplicas(5);
    assertThatThrownBy(() -> client.resource(stale).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    ConfigMap same = client.resource(cm).update();
    assertThat(same.getMetadata().getResourceVersion())
        .isEqualTo(cm.getMetadata().getResourceVersion());
  }

  @Test
  void aFinalizerHoldsTheDeletionUntilItIsRemoved() {
    cluster.createNamespace("shop");
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withNamespace("shop")
                .addToFinalizers("example.com/hold")
                .endMetadata()
                .build())
        .create();
    client.configMaps().inNamespace("shop").withName("c").delete();
    ConfigMap deleting = client.configMaps().inNamespace("shop").withName("c").get();
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
    client
        .configMaps()
        .inNamespace("shop")
        .withName("c")
        .edit(
            c -> {
              c.getMetadata().setFinalizers(List.of());
              return c;
            });
    assertThat(client.configMaps().inNamespace("shop").withName("c").get()).isNull();
  }

  @Test
  void statusWritesGoThroughTheStatusSubresourceOnly() {
    cluster.createNamespace("shop");
    ReplicaSet rs = replicaSet("web", 0, "nginx:1");
    client.resource(rs).create();
    client
        .apps()
        .replicaSets()
        .inNamespace("shop")
        .withName("web")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"replicas\":7},\"spec\":{\"replicas\":0}}");
    assertThat(
            client
                .apps()
                .replicaSets()
                .inNamespace("shop")
                .withName("web")
                .get()
                .getStatus()
                .getReplicas())
        .isNotEqualTo(7);
  }

  @Test
  void aServiceGetsAClusterIpAndEndpointsOfItsReadyPods() {
    cluster.createNamespace("shop");
    Service svc =
        client
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace("shop")
                    .endMetadata()
                    .withNewSpec()
                    .addToSelector("app", "web")
                    .addNewPort()
                    .withPort(80)
                    .withNewTargetPort(8080)
                    .endPort()
                    .endSpec()
                    .build())
            .create();
    assertThat(svc.getSpec().getClusterIP()).startsWith("10.96.");
    client.resource(replicaSet("web", 2, "nginx:1")).create();
    await(
        () -> {
          var ep = client.endpoints().inNamespace("shop").withName("web").get();
          return ep != null
              && !ep.getSubsets().isEmpty()
              && ep.getSubsets().get(0).getAddresses().size() == 2;
        },
        "the Endpoints list both ready pods");
    var slices =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace("shop")
            .withLabel("kubernetes.io/service-name", "web")
            .list()
            .getItems();
    assertThat(slices).singleElement().satisfies(s -> assertThat(s.getEndpoints()).hasSize(2));
    assertThat(
            client
                .endpoints()
                .inNamespace("shop")
                .withName("web")
                .get()
                .getSubsets()
                .get(0)
                .getPorts()
                .get(0)
                .getPort())
        .isEqualTo(8080);
  }

  @Test
  void aWatchReportsChangesAndAnObjectLeavingItsSelectorAsDeleted() throws Exception {
    cluster.createNamespace("shop");
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch w =
        client
            .configMaps()
            .inNamespace("shop")
            .withLabel("tier", "web")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap cm) {
                    seen.add(action + " " + cm.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      client
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("a")
                  .withNamespace("shop")
                  .addToLabels("tier", "web")
                  .endMetadata()
                  .build())
          .create();
      client
          .configMaps()
          .inNamespace("shop")
          .withName("a")
          .edit(
              c -> {
                c.getMetadata().setLabels(Map.of("tier", "db"));
                return c;
              });
      await(() -> seen.size() == 2, "two events arrive: " + seen);
    }
    assertThat(seen).containsExactly("ADDED a", "DELETED a");
  }

  @Test
  void anImageMarkedNeverReadyCrashLoops() {
    cluster.createNamespace("shop");
    cluster.pods().neverReady("nginx:broken");
    client.resource(replicaSet("bad", 2, "nginx:broken")).create();
    await(
        () ->
            pods("bad").size() == 2
                && pods("bad").stream().allMatch(p -> "Running".equals(p.getStatus().getPhase())),
        "both pods run");
    assertThat(
            client
                .apps()
                .replicaSets()
                .inNamespace("shop")
                .withName("bad")
                .get()
                .getStatus()
                .getReadyReplicas())
        .isZero();
  }

  @Test
  void anInjectedFaultAnswersTheMatchingRequestsThenTheServerServesAgain() {
    KubernetesClient noRetries = cluster.newClientWithoutRetries("test");
    cluster.faults().fail(Faults.RequestMatch.of("test", "GET", "/configmaps"), 500, 1);
    assertThatThrownBy(() -> noRetries.configMaps().inNamespace("default").list())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
    assertThat(noRetries.configMaps().inNamespace("default").list().getItems()).isEmpty();
    assertThat(cluster.faults().pendingFaults()).isZero();
  }
}
