package dev.rollouts.kubernetes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.CanaryStatus;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StatusMapperProperties {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Property
  void readingWhatWasWrittenGivesTheSameStatus(@ForAll("statuses") RolloutStatus status) {
    assertThat(StatusMapper.fromMap(StatusMapper.toMap(status))).isEqualTo(status);
  }

  @Property(tries = 200)
  void theWrittenStatusSurvivesJson(@ForAll("statuses") RolloutStatus status) {
    @SuppressWarnings("unchecked")
    Map<String, Object> reread = JSON.unmarshal(JSON.asJson(StatusMapper.toMap(status)), Map.class);

    assertThat(StatusMapper.fromMap(reread)).isEqualTo(status);
  }

  @Provide
  Arbitrary<RolloutStatus> statuses() {
    return Builders.withBuilder(RolloutStatus::builder)
        .use(optional(text()))
        .in((b, v) -> b.observedGeneration(v))
        .use(optional(Arbitraries.of(Phase.class)))
        .in((b, v) -> b.phase(v))
        .use(optional(text()))
        .in((b, v) -> b.message(v))
        .use(conditions().list().ofMaxSize(4))
        .in((b, v) -> b.conditions(v))
        .use(optional(Arbitraries.integers().between(0, 20)))
        .in((b, v) -> b.currentStepIndex(v))
        .use(optional(hash()))
        .in((b, v) -> b.currentStepHash(v))
        .use(optional(hash()))
        .in((b, v) -> b.currentPodHash(v))
        .use(optional(hash()))
        .in((b, v) -> b.stableRS(v))
        .use(counts())
        .in((b, v) -> b.replicas(v))
        .use(counts())
        .in((b, v) -> b.updatedReplicas(v))
        .use(counts())
        .in((b, v) -> b.readyReplicas(v))
        .use(counts())
        .in((b, v) -> b.availableReplicas(v))
        .use(optional(text()))
        .in((b, v) -> b.selector(v))
        .use(pauseConditions().list().ofMaxSize(2))
        .in((b, v) -> b.pauseConditions(v))
        .use(Arbitraries.of(true, false))
        .in((b, v) -> b.controllerPause(v))
        .use(Arbitraries.of(true, false))
        .in((b, v) -> b.abort(v))
        .use(optional(times()))
        .in((b, v) -> b.abortedAt(v))
        .use(Arbitraries.of(true, false))
        .in((b, v) -> b.promoteFull(v))
        .use(optional(times()))
        .in((b, v) -> b.restartedAt(v))
        .use(canary())
        .in((b, v) -> b.canary(v))
        .use(blueGreen())
        .in((b, v) -> b.blueGreen(v))
        .build(RolloutStatus.Builder::build);
  }

  private static Arbitrary<Condition> conditions() {
    return Combinators.combine(
            Arbitraries.of(ConditionType.class),
            Arbitraries.of("True", "False", "Unknown"),
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.strings().ofMaxLength(60),
            times(),
            times())
        .as(
            (type, status, reason, message, updated, transitioned) ->
                Condition.builder()
                    .type(type)
                    .status(status)
                    .reason(reason)
                    .message(message)
                    .lastUpdateTime(updated)
                    .lastTransitionTime(transitioned)
                    .build());
  }

  private static Arbitrary<PauseCondition> pauseConditions() {
    return Combinators.combine(Arbitraries.of(PauseReason.class), times()).as(PauseCondition::new);
  }

  private static Arbitrary<CanaryStatus> canary() {
    Arbitrary<WeightDestination> destination =
        Combinators.combine(
                Arbitraries.integers().between(-5, 1000), optional(text()), optional(hash()))
            .as(WeightDestination::new);
    Arbitrary<TrafficWeights> weights =
        Combinators.combine(destination, destination, optional(Arbitraries.of(true, false)))
            .as(TrafficWeights::new);
    return optional(weights).map(CanaryStatus::new);
  }

  private static Arbitrary<BlueGreenStatus> blueGreen() {
    return Combinators.combine(optional(hash()), optional(hash()), Arbitraries.of(true, false))
        .as(BlueGreenStatus::new);
  }

  private static Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(-3, 10_000);
  }

  /** Whole seconds: Argo writes times to the second. */
  private static Arbitrary<Instant> times() {
    return Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
  }

  private static Arbitrary<String> hash() {
    return Arbitraries.strings()
        .withChars("bcdfghjklmnpqrstvwxz2456789")
        .ofMinLength(1)
        .ofMaxLength(10);
  }

  /** Non-empty: Go's omitempty cannot tell an empty string from an absent one. */
  private static Arbitrary<String> text() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
  }

  private static <T> Arbitrary<Optional<T>> optional(Arbitrary<T> values) {
    return values.optional(0.6);
  }
}
