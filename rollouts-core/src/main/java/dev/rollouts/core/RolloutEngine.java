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

  /** Decides one sync of {@code rollout}, given what was observed, at {@code now}. */
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
