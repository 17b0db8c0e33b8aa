package dev.rollouts.kubernetes.controller;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionReason;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.kubernetes.apply.AppliedDecision;
import dev.rollouts.kubernetes.apply.ApplyException;
import dev.rollouts.kubernetes.apply.DecisionApplier;
import dev.rollouts.kubernetes.controller.ControllerMetrics.Outcome;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import dev.rollouts.kubernetes.mapping.ManifestException;
import dev.rollouts.kubernetes.mapping.MappedRollout;
import dev.rollouts.kubernetes.mapping.RolloutMapper;
import dev.rollouts.kubernetes.mapping.StatusMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one Rollout: read it and the objects around it from the caches, map them to the
 * core's types, decide, apply. The controller's only logic beyond plumbing is here, and it is
 * small: wait for the caches to show this controller's last writes, and turn a Rollout that cannot
 * be read into the {@code InvalidSpec} condition. {@link RolloutController} and {@code
 * rollouts-operator-sdk}'s reconciler both sync with it, each over its own {@link ClusterView}.
 *
 * <pre>{@code
 * RolloutSync sync = RolloutSync.create(view, engine, DecisionApplier.create(client, events, guard),
 *     Duration.ofSeconds(30), Clock.systemUTC(), ControllerMetrics.none());
 * RolloutSync.Result result = sync.sync("shop/web");   // throws ApplyException on a failed write
 * }</pre>
 *
 * <p>Thread-safe; call it for one key from one thread at a time.
 */
public final class RolloutSync {

  private static final Logger LOG = LoggerFactory.getLogger(RolloutSync.class);

  /** How soon to look again when the caches have not caught up with the last writes. */
  static final Duration CACHE_POLL = Duration.ofMillis(200);

  /**
   * How a sync ended, and when to look again.
   *
   * @param outcome how it ended
   * @param requeueAfter when to sync again without a change, if the Rollout asks for it
   */
  public record Result(Outcome outcome, Optional<Duration> requeueAfter) {}

  private final ClusterView cache;
  private final RolloutEngine engine;
  private final DecisionApplier applier;
  private final Expectations expectations;
  private final Clock clock;
  private final ControllerMetrics metrics;

  /**
   * A sync over {@code view}, applying with {@code applier}.
   *
   * @param expectationTimeout how long to wait for the caches to show the last writes
   * @param clock where the engine's {@code now} comes from
   */
  public static RolloutSync create(
      ClusterView view,
      RolloutEngine engine,
      DecisionApplier applier,
      Duration expectationTimeout,
      Clock clock,
      ControllerMetrics metrics) {
    return new RolloutSync(
        view, engine, applier, new Expectations(expectationTimeout), clock, metrics);
  }

  RolloutSync(
      ClusterView cache,
      RolloutEngine engine,
      DecisionApplier applier,
      Expectations expectations,
      Clock clock,
      ControllerMetrics metrics) {
    this.cache = cache;
    this.engine = engine;
    this.applier = applier;
    this.expectations = expectations;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Syncs the Rollout of {@code key}.
   *
   * @throws ApplyException if a write failed; the writes before it are expected already
   */
  public Result sync(String key) {
    Optional<RolloutResource> found = cache.rollout(key);
    if (found.isEmpty()) {
      expectations.forget(key);
      int slash = key.indexOf('/');
      metrics.rolloutRemoved(key.substring(0, slash), key.substring(slash + 1));
      return new Result(Outcome.SUCCESS, Optional.empty());
    }
    RolloutResource rollout = found.get();
    if (rollout.getMetadata().getDeletionTimestamp() != null) {
      return new Result(Outcome.SUCCESS, Optional.empty());
    }
    Instant now = clock.instant();
    if (!expectations.satisfied(key, cache::resourceVersion, now)) {
      LOG.debug("[{}] waiting for the caches to show the last writes", key);
      return new Result(Outcome.WAITING, Optional.of(CACHE_POLL));
    }
    ClusterState state = cache.stateOf(rollout);
    MappedRollout mapped;
    try {
      mapped = RolloutMapper.map(state);
    } catch (ManifestException e) {
      return invalidSpec(key, state, e, now);
    }
    Decision decision = engine.decide(mapped.rollout(), mapped.observed(), now);
    AppliedDecision applied = apply(key, state, decision, now);
    if (!applied.noop()) {
      LOG.debug(
          "[{}] applied {} writes; phase {}",
          key,
          applied.writes().size(),
          decision.status().phase().orElse(null));
    }
    metrics.rolloutInfo(info(mapped.rollout(), decision.status()));
    return new Result(Outcome.SUCCESS, decision.requeueAfter());
  }

  private AppliedDecision apply(String key, ClusterState state, Decision decision, Instant now) {
    try {
      AppliedDecision applied = applier.apply(state, decision);
      expectations.expect(key, applied.writes(), now);
      return applied;
    } catch (ApplyException e) {
      expectations.expect(key, e.partial().writes(), now);
      throw e;
    }
  }

  /**
   * A Rollout that cannot be read gets the {@code InvalidSpec} condition, phase {@code Degraded}
   * and, when the problem is new, a warning event; nothing else is touched, and other Rollouts go
   * on.
   */
  private Result invalidSpec(String key, ClusterState state, ManifestException e, Instant now) {
    RolloutStatus current = currentStatus(state.rollout());
    Optional<Condition> previous = current.condition(ConditionType.InvalidSpec);
    boolean isNew =
        previous.map(c -> !c.isTrue() || !c.message().equals(e.getMessage())).orElse(true);
    Condition condition =
        Condition.builder()
            .type(ConditionType.InvalidSpec)
            .status("True")
            .reason(ConditionReason.InvalidSpec.value())
            .message(e.getMessage())
            .lastUpdateTime(isNew ? now : previous.get().lastUpdateTime())
            .lastTransitionTime(
                previous.filter(Condition::isTrue).map(Condition::lastTransitionTime).orElse(now))
            .build();
    RolloutStatus status =
        RolloutStatus.builder()
            .from(current)
            .conditions(
                current.conditions().stream()
                    .filter(c -> c.type() != ConditionType.InvalidSpec)
                    .toList())
            .addCondition(condition)
            .phase(Phase.Degraded)
            .message(ConditionReason.InvalidSpec.value() + ": " + e.getMessage())
            .build();
    Decision.Builder decision = Decision.builder().status(status);
    if (isNew) {
      LOG.warn("[{}] invalid spec: {}", key, e.getMessage());
      decision.addEvents(RolloutEvent.warning(ConditionReason.InvalidSpec.value(), e.getMessage()));
    }
    apply(key, state, decision.build(), now);
    return new Result(Outcome.INVALID_SPEC, Optional.empty());
  }

  private static RolloutStatus currentStatus(RolloutResource rollout) {
    try {
      return StatusMapper.fromMap(rollout.getStatus());
    } catch (ManifestException unreadable) {
      return RolloutStatus.builder().build();
    }
  }

  private static RolloutInfo info(Rollout rollout, RolloutStatus status) {
    var strategy = rollout.spec().strategy();
    String name =
        strategy.canary().isPresent() == strategy.blueGreen().isPresent()
            ? "invalid"
            : strategy.canary().isPresent() ? "canary" : "blueGreen";
    return RolloutInfo.builder()
        .namespace(rollout.namespace())
        .name(rollout.name())
        .strategy(name)
        .phase(status.phase().map(Enum::name).orElse("Unknown"))
        .desiredReplicas(rollout.spec().replicas())
        .availableReplicas(status.availableReplicas())
        .updatedReplicas(status.updatedReplicas())
        .build();
  }
}
