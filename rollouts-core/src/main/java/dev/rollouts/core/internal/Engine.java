package dev.rollouts.core.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.internal.bluegreen.BlueGreenDecider;
import dev.rollouts.core.internal.canary.CanaryDecider;
import dev.rollouts.core.internal.validation.SpecValidator;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link RolloutEngine}: validates, then hands the Rollout to its strategy. */
public final class Engine implements RolloutEngine {

  private final ImmutableMap<String, TrafficPlugin> plugins;

  /**
   * An engine over these plug-ins.
   *
   * @throws IllegalStateException if two plug-ins share a name
   */
  public Engine(Collection<? extends TrafficPlugin> plugins) {
    Map<String, TrafficPlugin> byName = new LinkedHashMap<>();
    for (TrafficPlugin plugin : plugins) {
      TrafficPlugin previous = byName.putIfAbsent(plugin.name(), plugin);
      if (previous != null) {
        throw new IllegalStateException(
            "two traffic plug-ins are named '"
                + plugin.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + plugin.getClass().getName()
                + "; remove one from the class path or pass the plug-ins to RolloutEngine.withPlugins");
      }
    }
    this.plugins = ImmutableMap.copyOf(byName);
  }

  @Override
  public Decision decide(Rollout rollout, Observed observed, Instant now) {
    Sync sync = new Sync(rollout, observed, now);
    Optional<String> invalid =
        SpecValidator.validate(rollout, plugins)
            .or(() -> ReferencedObjects.missing(rollout, observed));
    if (invalid.isPresent()) {
      return InvalidSpec.decision(sync, invalid.get());
    }
    sync.conditions().remove(ConditionType.InvalidSpec);
    StatusCalculator.checkPausedConditions(sync);
    Strategy strategy =
        rollout.spec().strategy().canary().isPresent()
            ? new CanaryDecider(plugins)
            : new BlueGreenDecider();
    return sync.toDecision(strategy.decide(sync));
  }

  @Override
  public List<TrafficPlugin> plugins() {
    return ImmutableList.copyOf(plugins.values());
  }
}
