package dev.rollouts.testkit;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.traffic.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A cluster in memory for one Rollout: applies each {@link Decision} as the adapter would (create,
 * scale, annotate, select, route, delete, write status), and lets pods become available when told.
 *
 * <p>Not thread-safe; one per test.
 *
 * <pre>{@code
 * SimulatedCluster cluster = SimulatedCluster.of(rollout, services, start);
 * Decision d = cluster.sync(engine);   // decide on what the cluster shows, then apply it
 * cluster.makePodsAvailable();         // every ReplicaSet's pods become ready and available
 * }</pre>
 */
public final class SimulatedCluster {

  private Rollout rollout;
  private final Map<String, ObservedReplicaSet> replicaSets = new LinkedHashMap<>();
  private final Map<String, ObservedService> services = new LinkedHashMap<>();
  private final List<Manifest> routingObjects = new ArrayList<>();
  private Instant now;
  private Predicate<ObservedReplicaSet> neverReady = rs -> false;

  private SimulatedCluster(Rollout rollout, Instant now) {
    this.rollout = rollout;
    this.now = now;
  }

  /**
   * A cluster holding {@code rollout}, the given Services, and nothing else, at time {@code now}.
   */
  public static SimulatedCluster of(Rollout rollout, List<ObservedService> services, Instant now) {
    SimulatedCluster cluster = new SimulatedCluster(rollout, now);
    services.forEach(s -> cluster.services.put(s.name(), s));
    return cluster;
  }

  /** Adds or replaces a ReplicaSet, as if created by someone else. */
  public SimulatedCluster withReplicaSet(ObservedReplicaSet rs) {
    replicaSets.put(rs.name(), rs);
    return this;
  }

  /** Adds a routing object, as if created by someone else. */
  public SimulatedCluster withRoutingObject(Manifest manifest) {
    routingObjects.removeIf(m -> m.is(manifest.kind(), manifest.name()));
    routingObjects.add(manifest);
    return this;
  }

  /** Pods of ReplicaSets matching {@code test} never become available. */
  public SimulatedCluster neverReady(Predicate<ObservedReplicaSet> test) {
    this.neverReady = test;
    return this;
  }

  /** The Rollout as stored, status included. */
  public Rollout rollout() {
    return rollout;
  }

  /** What the engine would observe now. */
  public Observed observed() {
    return Observed.builder()
        .replicaSets(replicaSets.values())
        .services(services)
        .routingObjects(routingObjects)
        .build();
  }

  /** The simulated clock. */
  public Instant now() {
    return now;
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** The ReplicaSet of that name, if present. */
  public Optional<ObservedReplicaSet> replicaSet(String name) {
    return Optional.ofNullable(replicaSets.get(name));
  }

  /** Every ReplicaSet, in creation order. */
  public List<ObservedReplicaSet> replicaSets() {
    return List.copyOf(replicaSets.values());
  }

  /** The Service of that name, if present. */
  public Optional<ObservedService> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Every routing object. */
  public List<Manifest> routingObjects() {
    return List.copyOf(routingObjects);
  }

  /** A user edits the spec (a new image, a pause); the generation goes up. */
  public void updateSpec(java.util.function.UnaryOperator<RolloutSpec> edit) {
    rollout =
        Rollout.builder()
            .from(rollout)
            .spec(edit.apply(rollout.spec()))
            .generation(rollout.generation() + 1)
            .build();
  }

  /** A user or tool edits the status (promote, abort, retry), as the kubectl plug-in does. */
  public void updateStatus(
      java.util.function.UnaryOperator<dev.rollouts.core.status.RolloutStatus> edit) {
    rollout = Rollout.builder().from(rollout).status(edit.apply(rollout.status())).build();
  }

  /** Decides on what the cluster shows now and applies the Decision; returns it. */
  public Decision sync(RolloutEngine engine) {
    Decision decision = engine.decide(rollout, observed(), now);
    apply(decision);
    return decision;
  }

  /**
   * {@code passes} times: decide, apply, and let every pod become available. A pass is one
   * controller sync in a cluster whose pods start at once.
   */
  public void run(RolloutEngine engine, int passes) {
    for (int i = 0; i < passes; i++) {
      sync(engine);
      makePodsAvailable();
    }
  }

  /** Applies {@code decision} as the adapter would. */
  public void apply(Decision decision) {
    decision
        .createReplicaSet()
        .ifPresent(
            c ->
                replicaSets.put(
                    c.name(),
                    ObservedReplicaSet.builder()
                        .name(c.name())
                        .podTemplateHash(c.podTemplateHash())
                        .templateHash(rollout.spec().template().hash())
                        .revision(c.revision())
                        .specReplicas(c.replicas())
                        .creationTime(now)
                        .build()));
    for (ReplicaSetUpdate update : decision.replicaSets()) {
      ObservedReplicaSet rs = replicaSets.get(update.name());
      if (rs != null) {
        ObservedReplicaSet.Builder changed =
            ObservedReplicaSet.builder()
                .from(rs)
                .specReplicas(update.replicas())
                .scaleDownDeadline(update.scaleDownDeadline())
                .revision(update.revision());
        if (update.replicas() < rs.specReplicas()) {
          int removed = rs.specReplicas() - update.replicas();
          changed
              .statusReplicas(Math.max(0, rs.statusReplicas() - removed))
              .readyReplicas(Math.min(rs.readyReplicas(), update.replicas()))
              .availableReplicas(Math.min(rs.availableReplicas(), update.replicas()));
        }
        replicaSets.put(rs.name(), changed.build());
      }
    }
    decision.deleteReplicaSets().forEach(replicaSets::remove);
    decision
        .serviceSelectors()
        .forEach((name, selector) -> services.put(name, new ObservedService(name, selector)));
    for (Manifest m : decision.routingObjects()) {
      withRoutingObject(m);
    }
    rollout = Rollout.builder().from(rollout).status(decision.status()).build();
  }

  /** Every ReplicaSet's pods exist and become ready and available (except those never ready). */
  public void makePodsAvailable() {
    replicaSets.replaceAll(
        (name, rs) -> {
          int available = neverReady.test(rs) ? 0 : rs.specReplicas();
          return ObservedReplicaSet.builder()
              .from(rs)
              .statusReplicas(rs.specReplicas())
              .readyReplicas(available)
              .availableReplicas(available)
              .build();
        });
  }

  /** Every ReplicaSet's pods exist, none ready yet. */
  public void createPods() {
    replicaSets.replaceAll(
        (name, rs) ->
            ObservedReplicaSet.builder().from(rs).statusReplicas(rs.specReplicas()).build());
  }

  /** Total pods that exist. */
  public int totalPods() {
    return replicaSets.values().stream().mapToInt(ObservedReplicaSet::statusReplicas).sum();
  }

  /** Total pods available. */
  public int availablePods() {
    return replicaSets.values().stream().mapToInt(ObservedReplicaSet::availableReplicas).sum();
  }
}
