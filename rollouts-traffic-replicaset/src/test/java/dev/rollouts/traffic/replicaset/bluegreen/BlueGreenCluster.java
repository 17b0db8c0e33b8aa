package dev.rollouts.traffic.replicaset.bluegreen;

import static dev.rollouts.testkit.Fixtures.T0;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.testkit.Fixtures;
import dev.rollouts.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A blue-green Rollout called {@code demo} in a {@link SimulatedCluster}, with the user actions of
 * the kubectl plug-in (promote, promote --full, abort, retry, set image, undo).
 */
final class BlueGreenCluster {

  static final String ACTIVE = "rollout-bluegreen-active";
  static final String PREVIEW = "rollout-bluegreen-preview";
  static final String HASH = "rollouts-pod-template-hash";

  final RolloutEngine engine = RolloutEngine.withInstalledPlugins();
  final SimulatedCluster cluster;
  final List<Decision> decisions = new ArrayList<>();

  BlueGreenCluster(int replicas, BlueGreenStrategy strategy) {
    RolloutSpec spec =
        RolloutSpec.builder()
            .replicas(replicas)
            .selector(LabelSelector.of(Map.of("app", "demo")))
            .template(Fixtures.template("1"))
            .strategy(StrategySpec.of(strategy))
            .build();
    this.cluster =
        SimulatedCluster.of(
            Fixtures.rollout(spec),
            List.of(Fixtures.service(ACTIVE), Fixtures.service(PREVIEW)),
            T0);
  }

  /** The seed manifest's strategy: active and preview Services, manual promotion. */
  static BlueGreenStrategy.Builder seed() {
    return BlueGreenStrategy.builder()
        .activeService(ACTIVE)
        .previewService(PREVIEW)
        .autoPromotionEnabled(false);
  }

  Decision sync() {
    Decision d = cluster.sync(engine);
    decisions.add(d);
    return d;
  }

  /** Syncs and makes every pod available, {@code passes} times. */
  BlueGreenCluster run(int passes) {
    for (int i = 0; i < passes; i++) {
      sync();
      cluster.makePodsAvailable();
    }
    return this;
  }

  /** Deploys version 1 until it is healthy. */
  BlueGreenCluster deployed() {
    return run(4);
  }

  void setImage(String version) {
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, version));
  }

  /** {@code kubectl argo rollouts promote}: clears the pause conditions. */
  void promote() {
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
  }

  /** {@code kubectl argo rollouts promote --full}. */
  void promoteFull() {
    cluster.updateStatus(
        s -> RolloutStatus.builder().from(s).promoteFull(true).pauseConditions(List.of()).build());
  }

  /** {@code kubectl argo rollouts abort}. */
  void abort() {
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
  }

  /** {@code kubectl argo rollouts retry}. */
  void retry() {
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(false).build());
  }

  void advance(int seconds) {
    cluster.advance(Duration.ofSeconds(seconds));
  }

  RolloutStatus status() {
    return cluster.rollout().status();
  }

  Optional<String> selects(String service) {
    return cluster.service(service).map(s -> s.selector().get(HASH));
  }

  int replicas(String version) {
    return cluster
        .replicaSet("demo-hash" + version)
        .map(ObservedReplicaSet::specReplicas)
        .orElse(-1);
  }

  Optional<ObservedReplicaSet> rs(String version) {
    return cluster.replicaSet("demo-hash" + version);
  }

  Decision last() {
    return decisions.get(decisions.size() - 1);
  }
}
