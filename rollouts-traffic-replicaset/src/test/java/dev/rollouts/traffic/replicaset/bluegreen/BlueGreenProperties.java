package dev.rollouts.traffic.replicaset.bluegreen;

import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.ACTIVE;
import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.HASH;
import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.PREVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the blue-green strategy, checked on every Decision of random rollouts driven
 * through the simulated cluster by random user actions and pod behaviour.
 */
class BlueGreenProperties {

  private static final Map<String, Object> ANALYSIS =
      Map.of("templates", List.of(Map.of("templateName", "smoke")));

  /** A user action or a change in the cluster between two syncs. */
  enum Action {
    SYNC,
    PODS_AVAILABLE,
    PODS_CREATED,
    ADVANCE,
    PROMOTE,
    PROMOTE_FULL,
    ABORT,
    RETRY,
    SET_IMAGE,
    UNDO,
    PAUSE,
    RESUME
  }

  /** A random rollout: replicas, strategy, and what happens to it. */
  record Scenario(int replicas, BlueGreenStrategy strategy, List<Action> actions) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> replicas = Arbitraries.integers().between(1, 5);
    return replicas.flatMap(
        r -> Combinators.combine(Arbitraries.just(r), strategies(r), actions()).as(Scenario::new));
  }

  private static Arbitrary<BlueGreenStrategy> strategies(int replicas) {
    Arbitrary<Optional<Integer>> preview =
        Arbitraries.integers().between(1, replicas).optional(0.4);
    Arbitrary<Optional<Boolean>> autoPromotion = Arbitraries.of(true, false).optional(0.8);
    Arbitrary<Optional<Integer>> autoSeconds = Arbitraries.of(0, 10, 45).optional(0.4);
    Arbitrary<Optional<Integer>> delay = Arbitraries.of(0, 5, 30, 120).optional(0.5);
    Arbitrary<Optional<Integer>> revisionLimit = Arbitraries.integers().between(0, 3).optional(0.3);
    Arbitrary<Optional<Integer>> abortDelay = Arbitraries.of(0, 10, 30).optional(0.4);
    Arbitrary<Boolean> withPreviewService = Arbitraries.of(true, true, false);
    Arbitrary<String> analysis =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(8, "none"),
            net.jqwik.api.Tuple.of(1, "prePromotionAnalysis"),
            net.jqwik.api.Tuple.of(1, "postPromotionAnalysis"));
    return Combinators.combine(
            preview,
            autoPromotion,
            autoSeconds,
            delay,
            revisionLimit,
            abortDelay,
            withPreviewService,
            analysis)
        .as(
            (p, auto, seconds, d, limit, abort, withPreview, analyses) ->
                BlueGreenStrategy.builder()
                    .prePromotionAnalysis(
                        analyses.equals("prePromotionAnalysis")
                            ? Optional.of(ANALYSIS)
                            : Optional.empty())
                    .postPromotionAnalysis(
                        analyses.equals("postPromotionAnalysis")
                            ? Optional.of(ANALYSIS)
                            : Optional.empty())
                    .activeService(ACTIVE)
                    .previewService(withPreview ? Optional.of(PREVIEW) : Optional.empty())
                    .previewReplicaCount(p)
                    .autoPromotionEnabled(auto)
                    .autoPromotionSeconds(seconds)
                    .scaleDownDelaySeconds(d)
                    .scaleDownDelayRevisionLimit(limit)
                    .abortScaleDownDelaySeconds(abort)
                    .build());
  }

  private static Arbitrary<List<Action>> actions() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.just(Action.SYNC)),
            net.jqwik.api.Tuple.of(8, Arbitraries.just(Action.PODS_AVAILABLE)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.PODS_CREATED)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Action.ADVANCE)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Action.PROMOTE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.PROMOTE_FULL)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.ABORT)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.RETRY)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.SET_IMAGE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.UNDO)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.PAUSE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.RESUME)))
        .list()
        .ofMinSize(5)
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void theActiveServiceNeverSwitchesToAReplicaSetThatIsNotFullyAvailable(
      @ForAll("scenarios") Scenario scenario) {
    play(
        scenario,
        (observed, decision, replicas) -> {
          Optional<String> before = hash(observed.services().get(ACTIVE));
          Optional<String> after =
              Optional.ofNullable(decision.serviceSelectors().get(ACTIVE)).map(s -> s.get(HASH));
          if (after.isPresent() && !after.equals(before)) {
            ObservedReplicaSet target = byHash(observed, after.get()).orElseThrow();
            assertThat(target.availableReplicas())
                .as("available pods of %s", target.name())
                .isGreaterThanOrEqualTo(replicas);
          }
        });
  }

  @Property(tries = 300)
  void aReplicaSetTheActiveServiceSelectsIsNeverScaledBelowFull(
      @ForAll("scenarios") Scenario scenario) {
    play(
        scenario,
        (observed, decision, replicas) -> {
          for (Optional<String> selected :
              List.of(
                  hash(observed.services().get(ACTIVE)),
                  Optional.ofNullable(decision.serviceSelectors().get(ACTIVE))
                      .map(s -> s.get(HASH)))) {
            selected
                .flatMap(h -> byHash(observed, h))
                .flatMap(rs -> decision.replicaSet(rs.name()))
                .map(ReplicaSetUpdate::replicas)
                .ifPresent(desired -> assertThat(desired).isGreaterThanOrEqualTo(replicas));
          }
        });
  }

  @Property(tries = 300)
  void aPromoteNeverLeavesBothServicesWithoutAnAvailableReplicaSet(
      @ForAll("scenarios") Scenario scenario) {
    play(
        scenario,
        (observed, decision, replicas) -> {
          ObservedService activeBefore = observed.services().get(ACTIVE);
          ObservedService activeAfter = desired(observed, decision, ACTIVE);
          boolean switched = !hash(activeBefore).equals(hash(activeAfter));
          if (!switched && !servesAvailablePods(observed, activeBefore)) {
            return;
          }
          boolean active = servesAvailablePods(observed, activeAfter);
          boolean preview = servesAvailablePods(observed, desired(observed, decision, PREVIEW));
          assertThat(active || preview).as("one Service still selects available pods").isTrue();
          assertThat(!switched || active)
              .as("a switched active Service selects available pods")
              .isTrue();
        });
  }

  @Property(tries = 200)
  void everyRolloutCompletesInABoundedNumberOfPasses(@ForAll("scenarios") Scenario scenario) {
    BlueGreenCluster bg = new BlueGreenCluster(scenario.replicas(), scenario.strategy());
    play(bg, scenario.actions(), (o, d, r) -> {});
    int passes = driveToCompletion(bg, 40);

    assertThat(passes).as("passes to complete").isLessThan(40);
    RolloutStatus status = bg.status();
    String hash = bg.cluster.rollout().spec().template().hash();
    assertThat(status.phase()).contains(Phase.Healthy);
    assertThat(status.stableRS()).contains(hash);
    assertThat(status.currentPodHash()).contains(hash);
    assertThat(bg.selects(ACTIVE)).contains(hash);
    assertThat(bg.cluster.replicaSets())
        .allSatisfy(
            rs ->
                assertThat(rs.specReplicas())
                    .isEqualTo(rs.podTemplateHash().equals(hash) ? scenario.replicas() : 0));
  }

  @Property(tries = 100)
  void decidingTwiceOnTheSameInputGivesEqualDecisions(@ForAll("scenarios") Scenario scenario) {
    BlueGreenCluster bg = new BlueGreenCluster(scenario.replicas(), scenario.strategy());
    play(bg, scenario.actions(), (o, d, r) -> {});
    assertThat(bg.engine.decide(bg.cluster.rollout(), bg.cluster.observed(), bg.cluster.now()))
        .isEqualTo(bg.engine.decide(bg.cluster.rollout(), bg.cluster.observed(), bg.cluster.now()));
  }

  /**
   * Syncs, makes pods available, promotes where paused and waits where asked; returns the passes
   * taken.
   */
  static int driveToCompletion(BlueGreenCluster bg, int limit) {
    if (bg.status().abort()) {
      bg.retry();
    }
    if (bg.cluster.rollout().spec().paused()) {
      bg.cluster.updateSpec(
          spec -> dev.rollouts.core.spec.RolloutSpec.builder().from(spec).paused(false).build());
    }
    for (int pass = 0; pass < limit; pass++) {
      RolloutStatus before = bg.status();
      Observed observed = bg.cluster.observed();
      Decision d = bg.sync();
      bg.cluster.makePodsAvailable();
      RolloutStatus s = d.status();
      if (s.pauseConditions().stream().anyMatch(p -> p.reason() == PauseReason.BlueGreenPause)) {
        bg.promote();
      }
      if (s.condition(dev.rollouts.core.status.ConditionType.Progressing)
          .filter(c -> c.reason().equals("AnalysisNotSupported"))
          .isPresent()) {
        bg.promoteFull();
      }
      d.requeueAfter().ifPresent(wait -> bg.cluster.advance(wait.plusSeconds(1)));
      if (complete(bg, before, observed, d)) {
        return pass;
      }
    }
    return limit;
  }

  /**
   * Whether {@code d}, decided on what the cluster showed before it, finds the Rollout fully
   * promoted and asks for nothing new.
   */
  private static boolean complete(
      BlueGreenCluster bg, RolloutStatus before, Observed observed, Decision d) {
    boolean noScaling =
        d.createReplicaSet().isEmpty()
            && d.deleteReplicaSets().isEmpty()
            && d.replicaSets().stream()
                .allMatch(
                    u -> {
                      ObservedReplicaSet rs = observed.replicaSet(u.name()).orElseThrow();
                      return rs.specReplicas() == u.replicas()
                          && rs.scaleDownDeadline().equals(u.scaleDownDeadline());
                    });
    boolean noSwitch =
        d.serviceSelectors().entrySet().stream()
            .allMatch(e -> e.getValue().equals(observed.services().get(e.getKey()).selector()));
    String hash = bg.cluster.rollout().spec().template().hash();
    boolean promoted =
        d.status().phase().equals(Optional.of(Phase.Healthy))
            && d.status().stableRS().equals(Optional.of(hash));
    return promoted
        && noScaling
        && noSwitch
        && d.status().equals(before)
        && d.requeueAfter().isEmpty();
  }

  /**
   * What one sync is checked against: the observed state, its Decision and {@code spec.replicas}.
   */
  interface Check {
    void verify(Observed observed, Decision decision, int replicas);
  }

  private static void play(Scenario scenario, Check check) {
    play(new BlueGreenCluster(scenario.replicas(), scenario.strategy()), scenario.actions(), check);
  }

  private static void play(BlueGreenCluster bg, List<Action> actions, Check check) {
    int version = 1;
    int previous = 1;
    for (Action action : actions) {
      switch (action) {
        case SYNC -> {
          Observed observed = bg.cluster.observed();
          Decision decision = bg.engine.decide(bg.cluster.rollout(), observed, bg.cluster.now());
          check.verify(observed, decision, bg.cluster.rollout().spec().replicas());
          bg.cluster.apply(decision);
        }
        case PODS_AVAILABLE -> bg.cluster.makePodsAvailable();
        case PODS_CREATED -> bg.cluster.createPods();
        case ADVANCE -> bg.cluster.advance(Duration.ofSeconds(20));
        case PROMOTE -> bg.promote();
        case PROMOTE_FULL -> bg.promoteFull();
        case ABORT -> bg.abort();
        case RETRY -> bg.retry();
        case SET_IMAGE -> {
          previous = version;
          version = version + 1;
          bg.setImage(Integer.toString(version));
        }
        case UNDO -> {
          int target = previous;
          previous = version;
          version = target;
          bg.setImage(Integer.toString(version));
        }
        case PAUSE ->
            bg.cluster.updateSpec(
                s -> dev.rollouts.core.spec.RolloutSpec.builder().from(s).paused(true).build());
        case RESUME ->
            bg.cluster.updateSpec(
                s -> dev.rollouts.core.spec.RolloutSpec.builder().from(s).paused(false).build());
      }
    }
  }

  private static Optional<String> hash(ObservedService service) {
    return Optional.ofNullable(service).map(s -> s.selector().get(HASH));
  }

  private static Optional<ObservedReplicaSet> byHash(Observed observed, String hash) {
    return observed.replicaSets().stream()
        .filter(rs -> rs.podTemplateHash().equals(hash))
        .findFirst();
  }

  private static ObservedService desired(Observed observed, Decision decision, String name) {
    Map<String, String> selector = decision.serviceSelectors().get(name);
    return selector != null ? new ObservedService(name, selector) : observed.services().get(name);
  }

  /** Whether {@code service} selects a ReplicaSet with available pods that this decision keeps. */
  private static boolean servesAvailablePods(Observed observed, ObservedService service) {
    return hash(service)
        .flatMap(h -> byHash(observed, h))
        .filter(rs -> rs.availableReplicas() > 0)
        .isPresent();
  }
}
