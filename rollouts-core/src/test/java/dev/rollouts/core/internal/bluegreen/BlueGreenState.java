package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A hand-built blue-green state for one decision: Rollout {@code demo} with template {@code v<N>}
 * (hash {@code hash<N>}), its ReplicaSets {@code demo-hash<N>}, an active and a preview Service,
 * and the status the engine would have written. The setters describe what differs from "version 1
 * deployed, healthy".
 */
final class BlueGreenState {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String ACTIVE = "active";
  static final String PREVIEW = "preview";
  static final String HASH = "rollouts-pod-template-hash";

  private static final RolloutEngine ENGINE = RolloutEngine.withPlugins(List.of());

  private int replicas = 3;
  private BlueGreenStrategy strategy = strategy().build();
  private String template = "1";
  private long generation = 1;
  private boolean paused;
  private int revisionHistoryLimit = 10;
  private final Map<String, ObservedReplicaSet> replicaSets = new LinkedHashMap<>();
  private final Map<String, ObservedService> services = new LinkedHashMap<>();
  private RolloutStatus status;

  private BlueGreenState() {}

  /** Active and preview Services, manual promotion (the seed manifest). */
  static BlueGreenStrategy.Builder strategy() {
    return BlueGreenStrategy.builder()
        .activeService(ACTIVE)
        .previewService(PREVIEW)
        .autoPromotionEnabled(false);
  }

  static String hash(String version) {
    return "hash" + version;
  }

  static String rsName(String version) {
    return "demo-hash" + version;
  }

  /** Nothing deployed yet: a Rollout applied to a cluster with its two Services. */
  static BlueGreenState fresh(BlueGreenStrategy strategy) {
    BlueGreenState s = new BlueGreenState();
    s.strategy = strategy;
    s.services.put(ACTIVE, new ObservedService(ACTIVE, Map.of("app", "demo")));
    s.services.put(PREVIEW, new ObservedService(PREVIEW, Map.of("app", "demo")));
    s.status = RolloutStatus.builder().build();
    return s;
  }

  /** Version 1 deployed, both Services on it, healthy. */
  static BlueGreenState healthy(BlueGreenStrategy strategy) {
    BlueGreenState s = fresh(strategy);
    s.replicaSet("1", 1, 3, 3).select(ACTIVE, "1").select(PREVIEW, "1");
    s.status =
        RolloutStatus.builder()
            .observedGeneration("1")
            .currentPodHash(hash("1"))
            .stableRS(hash("1"))
            .replicas(3)
            .updatedReplicas(3)
            .readyReplicas(3)
            .availableReplicas(3)
            .blueGreen(new BlueGreenStatus(Optional.of(hash("1")), Optional.of(hash("1")), false))
            .build();
    return s;
  }

  /**
   * Version 1 active and stable, version 2 (the template) previewed with {@code spec} pods of which
   * {@code available} are available, as the engine leaves it after noticing the new template.
   */
  static BlueGreenState previewing(BlueGreenStrategy strategy, int spec, int available) {
    BlueGreenState s = healthy(strategy);
    s.template = "2";
    s.generation = 2;
    s.replicaSet("2", 2, spec, available).select(PREVIEW, "2");
    s.status =
        RolloutStatus.builder()
            .from(s.status)
            .observedGeneration("2")
            .currentPodHash(hash("2"))
            .replicas(3 + spec)
            .updatedReplicas(spec)
            .blueGreen(new BlueGreenStatus(Optional.of(hash("1")), Optional.of(hash("2")), false))
            .build();
    return s;
  }

  /**
   * {@link #previewing} with all 3 preview pods available and the BlueGreenPause condition since
   * {@code since}.
   */
  static BlueGreenState pausedForPromotion(BlueGreenStrategy strategy, Instant since) {
    return previewing(strategy, 3, 3)
        .status(
            s ->
                s.addPauseConditions(new PauseCondition(PauseReason.BlueGreenPause, since))
                    .controllerPause(true));
  }

  BlueGreenState replicas(int replicas) {
    this.replicas = replicas;
    return this;
  }

  BlueGreenState template(String version) {
    this.template = version;
    this.generation++;
    return this;
  }

  BlueGreenState revisionHistoryLimit(int limit) {
    this.revisionHistoryLimit = limit;
    return this;
  }

  BlueGreenState specPaused() {
    this.paused = true;
    return this;
  }

  BlueGreenState replicaSet(String version, long revision, int spec, int available) {
    return replicaSet(version, revision, spec, available, Optional.empty());
  }

  BlueGreenState replicaSet(
      String version, long revision, int spec, int available, Optional<Instant> deadline) {
    replicaSets.put(
        version,
        ObservedReplicaSet.builder()
            .name(rsName(version))
            .podTemplateHash(hash(version))
            .templateHash(hash(version))
            .revision(revision)
            .specReplicas(spec)
            .statusReplicas(spec)
            .readyReplicas(available)
            .availableReplicas(available)
            .creationTime(T0.plusSeconds(revision))
            .scaleDownDeadline(deadline)
            .build());
    return this;
  }

  BlueGreenState select(String service, String version) {
    services.put(service, new ObservedService(service, Map.of("app", "demo", HASH, hash(version))));
    return this;
  }

  BlueGreenState withoutService(String service) {
    services.remove(service);
    return this;
  }

  BlueGreenState status(UnaryOperator<RolloutStatus.Builder> edit) {
    status = edit.apply(RolloutStatus.builder().from(status)).build();
    return this;
  }

  Rollout rollout() {
    RolloutSpec spec =
        RolloutSpec.builder()
            .replicas(replicas)
            .selector(LabelSelector.of(Map.of("app", "demo")))
            .template(new PodTemplate(hash(template), Map.of("app", "demo")))
            .paused(paused)
            .revisionHistoryLimit(revisionHistoryLimit)
            .strategy(StrategySpec.of(strategy))
            .build();
    return Rollout.builder().name("demo").generation(generation).spec(spec).status(status).build();
  }

  Observed observed() {
    return Observed.builder()
        .replicaSets(new ArrayList<>(replicaSets.values()))
        .services(services)
        .build();
  }

  Decision decide(Instant now) {
    return ENGINE.decide(rollout(), observed(), now);
  }

  Decision decide() {
    return decide(T0.plusSeconds(100));
  }

  /** The desired replicas of version {@code version} in {@code d} (created or updated). */
  static int replicasOf(Decision d, String version) {
    if (d.createReplicaSet().filter(c -> c.name().equals(rsName(version))).isPresent()) {
      return d.createReplicaSet().get().replicas();
    }
    return d.replicaSet(rsName(version)).map(ReplicaSetUpdate::replicas).orElse(-1);
  }

  static Optional<Instant> deadlineOf(Decision d, String version) {
    return d.replicaSet(rsName(version)).flatMap(ReplicaSetUpdate::scaleDownDeadline);
  }

  /** The hash the decision points {@code service} at, if it sets its selector. */
  static Optional<String> selectorOf(Decision d, String service) {
    return Optional.ofNullable(d.serviceSelectors().get(service)).map(s -> s.get(HASH));
  }
}
