package dev.rollouts.kubernetes.sim;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.controller.ControllerMetrics;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.controller.RolloutInfo;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A measured harness (not a test) for the adapter's figures in the README: reconciles per second,
 * API requests per completed canary step, memory per managed Rollout, and the time to settle after
 * a restart with many Rollouts — all against fabric8's in-process API server on this machine.
 *
 * <pre>
 * java -cp ... dev.rollouts.kubernetes.sim.AdapterFigures [rollouts=1000] [workers=4]
 * </pre>
 *
 * <p>The in-process server runs in the same JVM and is itself the bottleneck for writes; the
 * figures are an order of magnitude for this controller on a small machine, not a benchmark of a
 * real API server.
 */
public final class AdapterFigures {

  private static final String AGENT = "figures-controller";

  private AdapterFigures() {}

  public static void main(String[] args) throws Exception {
    int rollouts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    System.out.printf(
        Locale.ROOT,
        "# %d Rollouts, %d workers, %d CPUs, max heap %d MiB, Java %s%n",
        rollouts,
        workers,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    requestsPerStep(workers);
    manyRollouts(rollouts, workers);
  }

  /** Counts reconciles by outcome and remembers which Rollouts were reconciled. */
  static final class Counting implements ControllerMetrics {
    final LongAdder reconciles = new LongAdder();
    final Map<Outcome, LongAdder> byOutcome = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> perRollout = new ConcurrentHashMap<>();

    @Override
    public void reconciled(String namespace, String name, Duration took, Outcome outcome) {
      reconciles.increment();
      byOutcome.computeIfAbsent(outcome, o -> new LongAdder()).increment();
      perRollout.computeIfAbsent(namespace + "/" + name, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void rolloutInfo(RolloutInfo info) {}

    @Override
    public void rolloutRemoved(String namespace, String name) {}

    @Override
    public void eventRecorded(String namespace, String name, RolloutEvent event) {}
  }

  static RolloutResource rollout(
      String name, int replicas, String image, List<Map<String, Object>> steps) {
    return RolloutResource.of(
        new ObjectMetaBuilder().withNamespace("bench").withName(name).build(),
        Map.of(
            "replicas", replicas,
            "selector", Map.of("matchLabels", Map.of("app", name)),
            "template",
                Map.of(
                    "metadata",
                    Map.of("labels", Map.of("app", name)),
                    "spec",
                    Map.of("containers", List.of(Map.of("name", "app", "image", image)))),
            "strategy", Map.of("canary", Map.of("steps", steps))));
  }

  static boolean healthyOn(RolloutResource r) {
    Map<String, Object> s = r.getStatus();
    return "Healthy".equals(s.get("phase"))
        && s.get("stableRS") != null
        && s.get("stableRS").equals(s.get("currentPodHash"));
  }

  static RolloutController controller(KubernetesClient client, int workers, Counting metrics) {
    return RolloutController.builder(client)
        .workers(workers)
        .metrics(metrics)
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(1))
        .startTimeout(Duration.ofMinutes(5))
        .build();
  }

  /**
   * One canary of five setWeight steps after an image change: requests of the controller per step.
   */
  static void requestsPerStep(int workers) {
    try (TestCluster cluster = TestCluster.start();
        PodSimulator pods = PodSimulator.of(cluster.newClient(), Duration.ofMillis(5)).start()) {
      cluster.createNamespace("bench");
      Counting metrics = new Counting();
      RolloutController controller = controller(cluster.newClient(AGENT), workers, metrics);
      controller.start();
      KubernetesClient admin = cluster.client();
      List<Map<String, Object>> steps =
          List.of(
              Map.of("setWeight", 20),
              Map.of("setWeight", 40),
              Map.of("setWeight", 60),
              Map.of("setWeight", 80),
              Map.of("setWeight", 100));
      admin
          .resources(RolloutResource.class)
          .inNamespace("bench")
          .resource(rollout("web", 5, "app:1", steps))
          .create();
      Poll.until(
          "healthy",
          () ->
              healthyOn(
                  admin
                      .resources(RolloutResource.class)
                      .inNamespace("bench")
                      .withName("web")
                      .get()),
          () -> "");
      Poll.sleep(500);

      Predicate<Faults.Served> ours = r -> r.userAgent().equals(AGENT);
      long before = cluster.faults().count(ours);
      long writesBefore = cluster.faults().count(ours.and(Faults.Served::isWrite));
      long eventsBefore = cluster.faults().count(ours.and(r -> r.path().contains("/events")));
      long reconcilesBefore = metrics.reconciles.sum();
      admin
          .resources(RolloutResource.class)
          .inNamespace("bench")
          .withName("web")
          .edit(
              r -> {
                r.setSpec(rollout("web", 5, "app:2", steps).getSpec());
                return r;
              });
      Poll.until(
          "healthy on app:2",
          () -> {
            RolloutResource r =
                admin.resources(RolloutResource.class).inNamespace("bench").withName("web").get();
            return healthyOn(r)
                && !r.getStatus()
                    .get("stableRS")
                    .equals(r.getStatus().get("stableRS").toString() + "x")
                && Integer.valueOf(5).equals(r.getStatus().get("currentStepIndex"))
                && admin.apps().replicaSets().inNamespace("bench").list().getItems().size() == 2
                && admin.apps().replicaSets().inNamespace("bench").list().getItems().stream()
                    .allMatch(
                        rs ->
                            rs.getStatus() != null
                                && java.util.Objects.equals(
                                    rs.getStatus().getReplicas(), rs.getSpec().getReplicas()));
          },
          () -> "");
      Poll.sleep(500);
      long requests = cluster.faults().count(ours) - before;
      long writes = cluster.faults().count(ours.and(Faults.Served::isWrite)) - writesBefore;
      long events =
          cluster.faults().count(ours.and(r -> r.path().contains("/events"))) - eventsBefore;
      long reconciles = metrics.reconciles.sum() - reconcilesBefore;
      System.out.printf(
          Locale.ROOT,
          "requests per completed canary step (5 steps, 5 replicas): %.1f (%d in all: %d writes, of which %d Events; %d reads); reconciles per step: %.1f%n",
          requests / 5.0,
          requests,
          writes,
          events,
          requests - writes,
          reconciles / 5.0);
      controller.close();
    }
  }

  /**
   * Many Rollouts: first deployment, memory of the caches, restart and settle, noop reconcile rate.
   */
  static void manyRollouts(int count, int workers) throws Exception {
    try (TestCluster cluster = TestCluster.start();
        PodSimulator pods = PodSimulator.of(cluster.newClient(), Duration.ofMillis(5)).start()) {
      cluster.createNamespace("bench");
      KubernetesClient admin = cluster.client();
      Counting first = new Counting();
      RolloutController controller = controller(cluster.newClient(AGENT), workers, first);
      controller.start();
      long began = System.nanoTime();
      for (int i = 0; i < count; i++) {
        admin
            .resources(RolloutResource.class)
            .inNamespace("bench")
            .resource(rollout("r" + i, 1, "app:1", List.of(Map.of("setWeight", 50))))
            .create();
      }
      Poll.until(
          "all healthy",
          Duration.ofMinutes(10),
          () ->
              admin.resources(RolloutResource.class).inNamespace("bench").list().getItems().stream()
                  .allMatch(AdapterFigures::healthyOn),
          () -> "");
      double deploySeconds = (System.nanoTime() - began) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "first deployment of %d Rollouts (create, scale, status): %.1f s, %d reconciles, %.0f reconciles/s (outcomes %s)%n",
          count,
          deploySeconds,
          first.reconciles.sum(),
          first.reconciles.sum() / deploySeconds,
          first.byOutcome);

      controller.close();
      long baseline = usedHeapAfterGc();

      Counting second = new Counting();
      long writesBefore = cluster.faults().count(r -> r.userAgent().equals(AGENT) && r.isWrite());
      RolloutController restarted = controller(cluster.newClient(AGENT), workers, second);
      long restartBegan = System.nanoTime();
      restarted.start();
      double cachesSeconds = (System.nanoTime() - restartBegan) / 1e9;
      Poll.until(
          "every Rollout reconciled after the restart",
          Duration.ofMinutes(10),
          () -> second.perRollout.size() >= count,
          () -> second.perRollout.size());
      double settleSeconds = (System.nanoTime() - restartBegan) / 1e9;
      long writesAfter =
          cluster.faults().count(r -> r.userAgent().equals(AGENT) && r.isWrite()) - writesBefore;
      System.out.printf(
          Locale.ROOT,
          "restart with %d healthy Rollouts: caches filled in %.2f s, every Rollout reconciled in %.2f s (%.0f no-op reconciles/s), %d writes%n",
          count,
          cachesSeconds,
          settleSeconds,
          count / (settleSeconds - cachesSeconds),
          writesAfter);

      long withController = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "memory per managed Rollout (heap after GC with a settled controller minus without, cluster unchanged): %.1f KiB (%.1f MiB in all, with its ReplicaSets in the caches)%n",
          (withController - baseline) / 1024.0 / count,
          (withController - baseline) / 1048576.0);
      restarted.close();
    }
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Poll.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
