package dev.rollouts.testkit;

import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Concise Rollouts and Services for tests: an app called {@code demo} in {@code default}. */
public final class Fixtures {

  /** A fixed instant to start simulated clocks at. */
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  /** The pod template of image version {@code version} (its hash is {@code hash<version>}). */
  public static PodTemplate template(String version) {
    return new PodTemplate("hash" + version, Map.of("app", "demo"));
  }

  /** A spec for {@code replicas} pods of template {@code version} with this canary strategy. */
  public static RolloutSpec canarySpec(int replicas, String version, CanaryStrategy canary) {
    return RolloutSpec.builder()
        .replicas(replicas)
        .selector(LabelSelector.of(Map.of("app", "demo")))
        .template(template(version))
        .strategy(StrategySpec.of(canary))
        .build();
  }

  /** A canary strategy with these steps and the default surge and unavailability. */
  public static CanaryStrategy canary(CanaryStep... steps) {
    return CanaryStrategy.builder().steps(List.of(steps)).build();
  }

  /** A new Rollout called {@code demo}, never reconciled. */
  public static Rollout rollout(RolloutSpec spec) {
    return Rollout.builder().name("demo").namespace("default").uid("uid-demo").spec(spec).build();
  }

  /** A Service called {@code name} selecting {@code app: demo}. */
  public static ObservedService service(String name) {
    return new ObservedService(name, Map.of("app", "demo"));
  }

  /** The spec with the template of {@code version}: an image change. */
  public static RolloutSpec withVersion(RolloutSpec spec, String version) {
    return RolloutSpec.builder().from(spec).template(template(version)).build();
  }
}
