package dev.rollouts.traffic.replicaset.golden;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.testkit.Fixtures;
import dev.rollouts.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden corpus's inputs: seeded walks of a simulated cluster through basic canaries,
 * NGINX-routed canaries (with header routes, {@code setCanaryScale}, {@code dynamicStableScale})
 * and blue-green Rollouts, with image changes, aborts, retries, promotions, pauses, time passing,
 * pods that come up late, and invalid specs. Every {@code decide} of a walk is one case: its
 * Decision is what the corpus records. The same seed gives the same walks, on any JVM.
 */
final class GoldenScenarios {

  /** The seed of the recorded corpus; changing it re-records everything. */
  static final long SEED = 20261204L;

  static final int SCENARIOS = 150;
  static final int ACTIONS = 60;

  private static final String INGRESS = "demo-ingress";

  private GoldenScenarios() {}

  /** Every case of the corpus, in order: "scenario/step" followed by its Decision as text. */
  static List<String> record(RolloutEngine engine) {
    List<String> cases = new ArrayList<>();
    for (int s = 0; s < SCENARIOS; s++) {
      Random random = new Random(SEED * 31 + s);
      walk(engine, s, random, cases);
    }
    return cases;
  }

  private static void walk(RolloutEngine engine, int scenario, Random random, List<String> cases) {
    int kind = scenario % 3;
    int replicas = 1 + random.nextInt(12);
    RolloutSpec spec =
        switch (kind) {
          case 0 -> spec(replicas, StrategySpec.of(basicCanary(random)));
          case 1 -> spec(replicas, StrategySpec.of(routedCanary(random)));
          default -> spec(replicas, StrategySpec.of(blueGreen(random)));
        };
    RolloutSpec valid = spec;
    SimulatedCluster cluster =
        SimulatedCluster.of(Fixtures.rollout(spec), services(), Fixtures.T0)
            .withRoutingObject(stableIngress());
    int version = 1;
    int step = 0;
    for (int pass = 0; pass < 6; pass++) {
      cases.add(scenario + "/" + step++ + "\t" + DecisionText.of(cluster.sync(engine)));
      cluster.makePodsAvailable();
    }
    for (int a = 0; a < ACTIONS; a++) {
      int action = random.nextInt(100);
      if (action < 45) {
        Decision decision = cluster.sync(engine);
        cases.add(scenario + "/" + step++ + "\t" + DecisionText.of(decision));
      } else if (action < 60) {
        cluster.makePodsAvailable();
      } else if (action < 65) {
        cluster.createPods();
      } else if (action < 73) {
        cluster.advance(Duration.ofSeconds(random.nextInt(45)));
      } else if (action < 85) {
        String next = Integer.toString(++version);
        cluster.updateSpec(
            s ->
                RolloutSpec.builder()
                    .from(Fixtures.withVersion(s, next))
                    .strategy(valid.strategy())
                    .build());
      } else if (action < 88) {
        cluster.updateStatus(st -> RolloutStatus.builder().from(st).abort(true).build());
      } else if (action < 90) {
        cluster.updateStatus(st -> RolloutStatus.builder().from(st).abort(false).build());
      } else if (action < 94) {
        cluster.updateStatus(
            st -> RolloutStatus.builder().from(st).pauseConditions(List.of()).build());
      } else if (action < 95) {
        cluster.updateStatus(st -> RolloutStatus.builder().from(st).promoteFull(true).build());
      } else if (action < 97) {
        boolean paused = random.nextBoolean();
        cluster.updateSpec(s -> RolloutSpec.builder().from(s).paused(paused).build());
      } else if (action < 99) {
        cluster.updateSpec(GoldenScenarios::invalid);
      } else {
        int count = 1 + random.nextInt(12);
        cluster.updateSpec(s -> RolloutSpec.builder().from(s).replicas(count).build());
      }
    }
  }

  private static RolloutSpec spec(int replicas, StrategySpec strategy) {
    return RolloutSpec.builder()
        .from(Fixtures.canarySpec(replicas, "1", CanaryStrategy.builder().build()))
        .strategy(strategy)
        .build();
  }

  /** One of a few ways to make a spec invalid, as a user's typo would. */
  private static RolloutSpec invalid(RolloutSpec spec) {
    if (spec.strategy().canary().isPresent()) {
      CanaryStrategy canary = spec.strategy().canary().get();
      CanaryStrategy broken =
          canary.effectiveSteps().isEmpty()
              ? CanaryStrategy.builder()
                  .from(canary)
                  .maxSurge(IntOrPercent.of(0))
                  .maxUnavailable(IntOrPercent.of(0))
                  .build()
              : CanaryStrategy.builder()
                  .from(canary)
                  .steps(List.of(new CanaryStep.SetWeight(150)))
                  .build();
      return RolloutSpec.builder().from(spec).strategy(StrategySpec.of(broken)).build();
    }
    BlueGreenStrategy blueGreen = spec.strategy().blueGreen().get();
    return RolloutSpec.builder()
        .from(spec)
        .strategy(
            StrategySpec.of(
                BlueGreenStrategy.builder().from(blueGreen).previewService("active").build()))
        .build();
  }

  private static CanaryStrategy basicCanary(Random random) {
    CanaryStrategy.Builder canary = CanaryStrategy.builder().steps(steps(random, false));
    if (random.nextBoolean()) {
      canary.maxSurge(
          random.nextBoolean()
              ? IntOrPercent.of(random.nextInt(4))
              : IntOrPercent.ofPercent(random.nextInt(60)));
      canary.maxUnavailable(
          random.nextBoolean()
              ? IntOrPercent.of(1 + random.nextInt(3))
              : IntOrPercent.ofPercent(10 + random.nextInt(50)));
    }
    if (random.nextInt(4) == 0) {
      canary.canaryService("canary").stableService("stable");
    }
    return canary.build();
  }

  private static CanaryStrategy routedCanary(Random random) {
    TrafficRouting.Builder routing =
        TrafficRouting.builder().putRouter("nginx", Map.of("stableIngress", INGRESS));
    if (random.nextInt(4) == 0) {
      routing.maxTrafficWeight(1000);
    }
    List<CanaryStep> steps = steps(random, true);
    if (steps.stream().anyMatch(CanaryStep.SetHeaderRoute.class::isInstance)) {
      routing.addManagedRoutes("header-route");
    }
    boolean dynamicStableScale = random.nextInt(3) == 0;
    CanaryStrategy.Builder canary =
        CanaryStrategy.builder()
            .canaryService("canary")
            .stableService("stable")
            .trafficRouting(routing.build())
            .steps(steps)
            .dynamicStableScale(dynamicStableScale);
    if (random.nextInt(3) == 0) {
      canary.minPodsPerReplicaSet(1 + random.nextInt(3));
    }
    if (random.nextInt(3) == 0) {
      canary.abortScaleDownDelaySeconds(random.nextInt(3) * 15);
    }
    if (random.nextInt(3) == 0 && !dynamicStableScale) {
      canary.scaleDownDelaySeconds(random.nextInt(3) * 20);
    }
    if (random.nextInt(4) == 0) {
      canary.scaleDownDelayRevisionLimit(random.nextInt(3));
    }
    return canary.build();
  }

  private static final int[] WEIGHTS = {5, 10, 20, 25, 33, 50, 75, 100};

  private static List<CanaryStep> steps(Random random, boolean routed) {
    List<CanaryStep> steps = new ArrayList<>();
    int count = random.nextInt(7);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(routed ? 8 : 5);
      switch (kind) {
        case 0, 1, 2 ->
            steps.add(new CanaryStep.SetWeight(WEIGHTS[random.nextInt(WEIGHTS.length)]));
        case 3 -> steps.add(CanaryStep.Pause.ofSeconds(random.nextInt(40)));
        case 4 -> steps.add(CanaryStep.Pause.indefinitely());
        case 5 ->
            steps.add(
                random.nextBoolean()
                    ? new CanaryStep.SetCanaryScale(
                        java.util.Optional.of(random.nextInt(5)), java.util.Optional.empty(), false)
                    : new CanaryStep.SetCanaryScale(
                        java.util.Optional.empty(),
                        java.util.Optional.of(random.nextInt(60)),
                        false));
        case 6 ->
            steps.add(
                new CanaryStep.SetCanaryScale(
                    java.util.Optional.empty(), java.util.Optional.empty(), true));
        default ->
            steps.add(
                new CanaryStep.SetHeaderRoute(
                    "header-route",
                    random.nextBoolean()
                        ? List.of()
                        : List.of(
                            new CanaryStep.HeaderMatch(
                                "X-Canary",
                                new CanaryStep.StringMatch(CanaryStep.MatchKind.EXACT, "yes")))));
      }
    }
    return steps;
  }

  private static BlueGreenStrategy blueGreen(Random random) {
    BlueGreenStrategy.Builder blueGreen =
        BlueGreenStrategy.builder().activeService("active").previewService("preview");
    if (random.nextBoolean()) {
      blueGreen.autoPromotionEnabled(random.nextBoolean());
    }
    if (random.nextInt(3) == 0) {
      blueGreen.autoPromotionSeconds(random.nextInt(30));
    }
    if (random.nextInt(3) == 0) {
      blueGreen.previewReplicaCount(1 + random.nextInt(3));
    }
    if (random.nextInt(3) == 0) {
      blueGreen.scaleDownDelaySeconds(random.nextInt(3) * 20);
    }
    if (random.nextInt(3) == 0) {
      blueGreen.abortScaleDownDelaySeconds(random.nextInt(3) * 15);
    }
    if (random.nextInt(4) == 0) {
      blueGreen.scaleDownDelayRevisionLimit(random.nextInt(3));
    }
    return blueGreen.build();
  }

  private static List<ObservedService> services() {
    return List.of(
        Fixtures.service("canary"),
        Fixtures.service("stable"),
        Fixtures.service("active"),
        Fixtures.service("preview"));
  }

  private static Manifest stableIngress() {
    return new Manifest(
        Map.of(
            "apiVersion",
            "networking.k8s.io/v1",
            "kind",
            "Ingress",
            "metadata",
            Map.of("name", INGRESS, "namespace", "default"),
            "spec",
            Map.of(
                "rules",
                List.of(
                    Map.of(
                        "host",
                        "demo.example.com",
                        "http",
                        Map.of(
                            "paths",
                            List.of(
                                Map.of(
                                    "path",
                                    "/",
                                    "pathType",
                                    "Prefix",
                                    "backend",
                                    Map.of(
                                        "service",
                                        Map.of(
                                            "name",
                                            "stable",
                                            "port",
                                            Map.of("number", 80)))))))))));
  }
}
