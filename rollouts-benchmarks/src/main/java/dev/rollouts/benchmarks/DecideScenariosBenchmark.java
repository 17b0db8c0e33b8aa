package dev.rollouts.benchmarks;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.CanaryStatus;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import dev.rollouts.core.traffic.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code decide} on larger inputs than {@link DecideBenchmark}'s: a 100-step basic canary mid-way,
 * a canary with 20 older ReplicaSets still around, and an NGINX-routed canary at a header-route
 * step. Public API only. Run: {@code java -jar rollouts-benchmarks/target/benchmarks.jar
 * DecideScenariosBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideScenariosBenchmark {

  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  private final RolloutEngine engine = RolloutEngine.withInstalledPlugins();

  private Rollout hundredSteps;
  private Observed hundredStepsObserved;
  private Rollout manyOlder;
  private Observed manyOlderObserved;
  private Rollout nginx;
  private Observed nginxObserved;

  /** Builds the three Rollouts and what is observed of each. */
  @Setup
  public void setUp() {
    List<CanaryStep> steps = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      steps.add(new CanaryStep.SetWeight(i * 2));
      steps.add(CanaryStep.Pause.ofSeconds(30));
    }
    CanaryStrategy hundred =
        CanaryStrategy.builder()
            .steps(steps)
            .maxSurge(IntOrPercent.of(1))
            .maxUnavailable(IntOrPercent.of(0))
            .build();
    hundredSteps = rollout(hundred, 50, 40);
    hundredStepsObserved =
        Observed.builder().addReplicaSet(rs("v2", 2, 6)).addReplicaSet(rs("v3", 3, 4)).build();

    CanaryStrategy ten = DecideBenchmarkSteps.tenSteps();
    manyOlder = rollout(ten, 2, 10);
    Observed.Builder older = Observed.builder();
    for (int i = 1; i <= 20; i++) {
      older.addReplicaSet(rs("old" + i, i, 0));
    }
    manyOlderObserved = older.addReplicaSet(rs("v2", 21, 8)).addReplicaSet(rs("v3", 22, 2)).build();

    CanaryStrategy routed =
        CanaryStrategy.builder()
            .canaryService("bench-canary")
            .stableService("bench-stable")
            .trafficRouting(
                TrafficRouting.builder()
                    .putRouter("nginx", Map.of("stableIngress", "bench-ingress"))
                    .addManagedRoutes("header")
                    .build())
            .steps(
                List.of(
                    new CanaryStep.SetWeight(20),
                    new CanaryStep.SetHeaderRoute(
                        "header",
                        List.of(
                            new CanaryStep.HeaderMatch(
                                "X-Canary",
                                new CanaryStep.StringMatch(CanaryStep.MatchKind.EXACT, "yes")))),
                    CanaryStep.Pause.indefinitely(),
                    new CanaryStep.SetWeight(50)))
            .build();
    nginx =
        Rollout.builder()
            .from(rollout(routed, 2, 10))
            .status(
                RolloutStatus.builder()
                    .from(rollout(routed, 2, 10).status())
                    .canary(
                        new CanaryStatus(
                            Optional.of(
                                new TrafficWeights(
                                    new WeightDestination(
                                        20, Optional.of("bench-canary"), Optional.of("v3")),
                                    new WeightDestination(
                                        80, Optional.of("bench-stable"), Optional.of("v2")),
                                    Optional.empty()))))
                    .build())
            .build();
    nginxObserved =
        Observed.builder()
            .addReplicaSet(rs("v2", 2, 10))
            .addReplicaSet(rs("v3", 3, 2))
            .putService("bench-canary", service("bench-canary", "v3"))
            .putService("bench-stable", service("bench-stable", "v2"))
            .addRoutingObjects(stableIngress())
            .build();
  }

  private static Rollout rollout(CanaryStrategy canary, int stepIndex, int replicas) {
    RolloutSpec spec =
        RolloutSpec.builder()
            .replicas(replicas)
            .selector(LabelSelector.of(Map.of("app", "bench")))
            .template(new PodTemplate("v3", Map.of("app", "bench")))
            .strategy(StrategySpec.of(canary))
            .build();
    return Rollout.builder()
        .name("bench")
        .namespace("default")
        .uid("uid-bench")
        .generation(3)
        .spec(spec)
        .status(
            RolloutStatus.builder()
                .observedGeneration("3")
                .currentStepIndex(stepIndex)
                .currentStepHash(canary.stepHash())
                .currentPodHash("v3")
                .stableRS("v2")
                .build())
        .build();
  }

  private static ObservedReplicaSet rs(String hash, long revision, int replicas) {
    return ObservedReplicaSet.builder()
        .name("bench-" + hash)
        .podTemplateHash(hash)
        .templateHash(hash)
        .revision(revision)
        .specReplicas(replicas)
        .statusReplicas(replicas)
        .readyReplicas(replicas)
        .availableReplicas(replicas)
        .creationTime(NOW.minusSeconds(6000 - revision * 100))
        .build();
  }

  private static ObservedService service(String name, String hash) {
    return new ObservedService(name, Map.of("app", "bench", "rollouts-pod-template-hash", hash));
  }

  private static Manifest stableIngress() {
    return new Manifest(
        Map.of(
            "apiVersion",
            "networking.k8s.io/v1",
            "kind",
            "Ingress",
            "metadata",
            Map.of("name", "bench-ingress", "namespace", "default"),
            "spec",
            Map.of(
                "rules",
                List.of(
                    Map.of(
                        "host",
                        "bench.example.com",
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
                                            "bench-stable",
                                            "port",
                                            Map.of("number", 80)))))))))));
  }

  /** One decision of a 100-step basic canary at step 50, 2 ReplicaSets. */
  @Benchmark
  public Decision hundredStepCanary() {
    return engine.decide(hundredSteps, hundredStepsObserved, NOW);
  }

  /** One decision of a 10-step canary with 20 older, scaled-down ReplicaSets. */
  @Benchmark
  public Decision twentyOlderReplicaSets() {
    return engine.decide(manyOlder, manyOlderObserved, NOW);
  }

  /** One decision of an NGINX-routed canary at its header-route step. */
  @Benchmark
  public Decision nginxHeaderRoutedCanary() {
    return engine.decide(nginx, nginxObserved, NOW);
  }
}
