package dev.rollouts.kubernetes.it;

import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.Backend;
import dev.rollouts.kubernetes.sim.FastClock;
import dev.rollouts.kubernetes.sim.PodSimulator;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.kubernetes.sim.SyncCounter;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/**
 * One scenario's world: an in-process API server, a simulated ReplicaSet controller (pods are ready
 * 30 ms after a scale), controllers under test with fast retry settings, and the user's actions
 * ({@code kubectl argo rollouts promote/abort/retry}, {@code set image}) as the plug-in performs
 * them.
 */
final class Fixture implements AutoCloseable {

  static final String NS = "shop";

  final TestCluster cluster;
  final KubernetesClient admin;
  final PodSimulator pods;

  /** The controllers' accelerated clock: ten times real time, one for the whole test. */
  final FastClock clock = new FastClock(10);

  private final List<AutoCloseable> controllers = new ArrayList<>();
  private final Map<String, SyncCounter> syncs = new java.util.concurrent.ConcurrentHashMap<>();

  /** A world on the in-process API server. */
  Fixture() {
    this(Backend.IN_PROCESS);
  }

  private Fixture(Backend backend) {
    cluster = TestCluster.start(backend);
    admin = cluster.client();
    cluster.createNamespace(NS);
    pods = PodSimulator.of(cluster.newClient("simulated-kubelet"), Duration.ofMillis(30)).start();
  }

  /** A world on {@code backend}; the test is skipped, saying why, where the backend cannot run. */
  static Fixture on(Backend backend) {
    Assumptions.assumeTrue(backend.unavailable().isEmpty(), () -> backend.unavailable().orElse(""));
    return new Fixture(backend);
  }

  /** A started controller whose requests carry {@code userAgent}. */
  RolloutController controller(String userAgent) {
    return controller(userAgent, b -> b);
  }

  /** A started controller, customised. */
  RolloutController controller(
      String userAgent, UnaryOperator<RolloutController.Builder> customize) {
    return controller(cluster.newClient(userAgent), customize);
  }

  /**
   * A started controller on {@code client}, customised, on the test's {@linkplain #clock
   * accelerated clock}, its syncs counted under the client's user agent ({@link #syncs}).
   */
  RolloutController controller(
      KubernetesClient client, UnaryOperator<RolloutController.Builder> customize) {
    SyncCounter counter = new SyncCounter();
    syncs.put(client.getConfiguration().getUserAgent(), counter);
    RolloutController controller =
        customize
            .apply(
                RolloutController.builder(client)
                    .clock(clock, clock.rate())
                    .metrics(counter)
                    .workers(2)
                    .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(500))
                    .expectationTimeout(Duration.ofSeconds(5))
                    .resyncPeriod(Duration.ofSeconds(30)))
            .build();
    controllers.add(controller);
    controller.start();
    return controller;
  }

  /**
   * Starts {@code runner} on a client whose requests carry {@code userAgent}, its syncs counted.
   */
  void run(String userAgent, ScenarioTable.Runner runner) {
    SyncCounter counter = new SyncCounter();
    syncs.put(userAgent, counter);
    try {
      controllers.add(runner.start(cluster.newClient(userAgent), clock, clock.rate(), counter));
    } catch (Exception e) {
      throw new IllegalStateException("the runner did not start: " + e, e);
    }
  }

  /** The syncs of the controller whose requests carry {@code userAgent}. */
  SyncCounter syncs(String userAgent) {
    return java.util.Objects.requireNonNull(syncs.get(userAgent), userAgent);
  }

  /**
   * Changes an annotation of the Rollout (a change no sync acts on) and waits until the controller
   * of {@code userAgent} has synced it since: the positive signal that it saw the Rollout as it is
   * now and chose what it did.
   */
  void touchAndAwaitSync(String userAgent, String namespace, String name) {
    long before = System.nanoTime();
    touch(namespace, name);
    syncs(userAgent).awaitSyncAfter(namespace + "/" + name, before);
  }

  /** Changes the {@code test/touched} annotation of a Rollout: a change no sync acts on. */
  void touch(String namespace, String name) {
    admin
        .resources(RolloutResource.class)
        .inNamespace(namespace)
        .withName(name)
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"test/touched\":\"" + System.nanoTime() + "\"}}}");
  }

  RolloutResource create(RolloutResource rollout) {
    return admin
        .resources(RolloutResource.class)
        .inNamespace(rollout.getMetadata().getNamespace())
        .resource(rollout)
        .create();
  }

  <T extends HasMetadata> T create(T object) {
    return admin.resource(object).create();
  }

  RolloutResource rollout(String name) {
    return admin.resources(RolloutResource.class).inNamespace(NS).withName(name).get();
  }

  Map<String, Object> status(String name) {
    RolloutResource r = rollout(name);
    return r == null ? Map.of() : r.getStatus();
  }

  /** The Rollout's ReplicaSets, by name. */
  Map<String, ReplicaSet> replicaSets(String name) {
    Map<String, ReplicaSet> owned = new LinkedHashMap<>();
    admin.apps().replicaSets().inNamespace(NS).list().getItems().stream()
        .filter(
            rs ->
                rs.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> o.getName().equals(name)))
        .forEach(rs -> owned.put(rs.getMetadata().getName(), rs));
    return owned;
  }

  /** The Rollout's ReplicaSet whose pods run {@code image}. */
  ReplicaSet replicaSetRunning(String name, String image) {
    return findReplicaSetRunning(name, image)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no ReplicaSet of "
                        + name
                        + " runs "
                        + image
                        + ": "
                        + replicaSets(name).keySet()));
  }

  java.util.Optional<ReplicaSet> findReplicaSetRunning(String name, String image) {
    return replicaSets(name).values().stream()
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

  List<Event> events(String name) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** {@code kubectl argo rollouts set image}: a new pod template. */
  void setImage(String name, String image) {
    for (int attempt = 0; ; attempt++) {
      try {
        setImageOnce(name, image);
        return;
      } catch (KubernetesClientException e) {
        // the controller wrote the Rollout in between: read it again, as kubectl does
        if (e.getCode() != 409 || attempt > 50) {
          throw e;
        }
      }
    }
  }

  private void setImageOnce(String name, String image) {
    admin
        .resources(RolloutResource.class)
        .inNamespace(NS)
        .withName(name)
        .edit(
            r -> {
              @SuppressWarnings("unchecked")
              var template = (Map<String, Object>) r.getSpec().get("template");
              @SuppressWarnings("unchecked")
              var podSpec = (Map<String, Object>) template.get("spec");
              @SuppressWarnings("unchecked")
              var container =
                  (Map<String, Object>) ((List<Object>) podSpec.get("containers")).get(0);
              container.put("image", image);
              return r;
            });
  }

  /** {@code kubectl argo rollouts promote}: clears the pause conditions. */
  void promote(String name) {
    editStatus(name, s -> s.remove("pauseConditions"));
  }

  /** {@code kubectl argo rollouts abort}. */
  void abort(String name) {
    editStatus(name, s -> s.put("abort", true));
  }

  /** {@code kubectl argo rollouts retry rollout}. */
  void retry(String name) {
    editStatus(name, s -> s.put("abort", false));
  }

  private void editStatus(String name, Consumer<Map<String, Object>> change) {
    for (int attempt = 0; ; attempt++) {
      try {
        RolloutResource current = rollout(name);
        admin
            .resources(RolloutResource.class)
            .inNamespace(NS)
            .resource(current)
            .editStatus(
                r -> {
                  Map<String, Object> status = new LinkedHashMap<>(r.getStatus());
                  change.accept(status);
                  r.setStatus(status);
                  return r;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt > 50) {
          throw e;
        }
      }
    }
  }

  /** Waits until the Rollout's status satisfies {@code condition}. */
  void awaitStatus(String name, String description, Predicate<Map<String, Object>> condition) {
    Poll.until(
        name + " " + description,
        () -> condition.test(status(name)),
        () -> "status: " + status(name) + "; ReplicaSets: " + summary(name));
  }

  /** Waits until the Rollout is Healthy on the pods of {@code image}, fully promoted. */
  void awaitHealthyOn(String name, String image) {
    Poll.until(
        name + " is Healthy on " + image,
        () -> {
          Map<String, Object> status = status(name);
          if (!"Healthy".equals(status.get("phase")) || status.get("stableRS") == null) {
            return false;
          }
          ReplicaSet rs = findReplicaSetRunning(name, image).orElse(null);
          return rs != null
              && Objects.equals(
                  status.get("stableRS"),
                  rs.getMetadata().getLabels().get("rollouts-pod-template-hash"))
              && Objects.equals(status.get("currentPodHash"), status.get("stableRS"));
        },
        () -> "status: " + status(name) + "; ReplicaSets: " + summary(name));
  }

  /** {@code name=spec/available} of each ReplicaSet: for failure messages. */
  String summary(String name) {
    StringBuilder out = new StringBuilder();
    replicaSets(name)
        .forEach(
            (rsName, rs) -> {
              int available =
                  rs.getStatus() == null
                      ? 0
                      : Objects.requireNonNullElse(rs.getStatus().getAvailableReplicas(), 0);
              out.append(rsName)
                  .append('=')
                  .append(rs.getSpec().getReplicas())
                  .append('/')
                  .append(available)
                  .append(' ');
            });
    return out.toString();
  }

  @Override
  public void close() {
    for (AutoCloseable controller : controllers) {
      try {
        controller.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop " + controller + ": " + e, e);
      }
    }
    pods.close();
    cluster.close();
  }
}
