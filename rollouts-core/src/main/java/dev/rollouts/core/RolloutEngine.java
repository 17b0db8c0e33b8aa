package dev.rollouts.core;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.internal.Engine;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The decision engine: one sync of the Argo Rollouts controller as a pure function.
 *
 * <pre>{@code
 * RolloutEngine engine = RolloutEngine.withInstalledPlugins();
 * Decision decision = engine.decide(rollout, observed, Instant.now());
 * }</pre>
 *
 * <p>{@link #decide} is total and pure: every input yields a Decision (an invalid spec yields the
 * {@code InvalidSpec} condition and no scaling), equal inputs yield equal Decisions, and it reads
 * no clock, does no I/O and keeps no state. It acts on the step at {@code status.currentStepIndex}
 * and advances the index only when that step is done, so a caller that applies each Decision and
 * decides again walks the steps as the controller would.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface RolloutEngine {

  /**
   * Decides one sync of {@code rollout}, given what was observed, at {@code now}: what Argo
   * Rollouts' controller would do in one reconcile of the same Rollout.
   *
   * <p>The Rollout's spec is validated first (Argo's rules and messages, plus a Service the
   * strategy names that is not observed, and a traffic router that is not installed); an invalid
   * spec gives the {@code InvalidSpec} condition, phase {@code Degraded}, and nothing created,
   * scaled, selected or routed. Otherwise the strategy acts on the step at {@code
   * status.currentStepIndex} and advances the index by at most one, when that step is done.
   *
   * <p>Example: a canary of 10 replicas, steps {@code [setWeight: 20, pause: {}]}, its template
   * just changed from {@code v1} (stable, 10 pods) to {@code v2}. The first {@code decide} resets
   * the status to step 0 and creates ReplicaSet {@code <name>-v2} at 0 pods; applied, the next one
   * scales {@code v2} to 2 and {@code v1} to 8 (without a router); once those pods are available
   * one completes the step ({@code RolloutStepCompleted}); the next adds the {@code
   * CanaryPauseStep} pause condition (phase {@code Paused}) and waits for a promote.
   *
   * <pre>{@code
   * Decision d = engine.decide(rollout, observed, Instant.now());
   * d.createReplicaSet();   // Optional: the new ReplicaSet to create, at its revision
   * d.replicaSets();        // desired replicas and scale-down deadline of each observed one
   * d.status();             // the status to write, as Argo writes it
   * d.requeueAfter();       // Optional: when to decide again even if nothing changes
   * }</pre>
   *
   * @param rollout the Rollout as stored: spec, status, name, generation
   * @param observed what was observed of the cluster: the Rollout's ReplicaSets, the Services its
   *     strategy names, the routing objects its router last reported
   * @param now the instant of this sync; the engine reads no clock
   * @return the Decision: never null; equal inputs give equal Decisions; an applier makes it true
   *     in the order {@link Decision} describes, and deciding on the result converges
   * @throws IllegalStateException when a traffic plug-in breaks its contract (a router that throws,
   *     a weighting that asks for negative or too many pods); bad input never throws
   */
  Decision decide(Rollout rollout, Observed observed, Instant now);

  /** The traffic plug-ins this engine selects from, by name. */
  List<TrafficPlugin> plugins();

  /**
   * An engine with the traffic plug-ins found by {@link ServiceLoader} on the class path of this
   * class's loader.
   *
   * @throws IllegalStateException if two plug-ins share a name
   */
  static RolloutEngine withInstalledPlugins() {
    return withPlugins(
        ServiceLoader.load(TrafficPlugin.class, RolloutEngine.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /**
   * An engine with exactly these traffic plug-ins.
   *
   * @throws IllegalStateException if two plug-ins share a name
   */
  static RolloutEngine withPlugins(Collection<? extends TrafficPlugin> plugins) {
    return new Engine(plugins);
  }
}
